import { type FormEvent, useState } from "react";
import type { PartnerCase } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import {
  checkSupport,
  type SupportDraft,
  supportDraftFor,
  supportFields,
  supportKinds,
  supportLabels,
} from "./partner-case-model";

/*
 * The support of her own she was offered (in house, a referral, or declined), and the form
 * that records or changes it.
 */

export const supportTitleId = "partner-case-support-title";
const supportFormTitleId = "partner-case-support-form-title";

export function OwnSupport({
  caseId,
  view,
  canWrite,
  beforeSubmit,
  onSaved,
}: {
  caseId: string;
  view: PartnerCase;
  canWrite: boolean;
  beforeSubmit: () => void;
  onSaved: (view: PartnerCase) => void;
}) {
  const { t } = useT();
  const support = view.ownSupport;
  // Once recorded, the form waits behind a button: changing it is the exception.
  const [editing, setEditing] = useState(false);
  const focusLater = useFocusLater();
  return (
    <div className="subsection">
      <h3 id={supportTitleId} tabIndex={-1}>
        {t("partnerCase.supportTitle")}
      </h3>
      <p className="muted">{t("partnerCase.supportIntro")}</p>
      {support ? (
        <SupportShown support={support} />
      ) : (
        <p className="empty">{t("partnerCase.supportNone")}</p>
      )}
      {canWrite &&
        (support === null || editing ? (
          <SupportForm
            caseId={caseId}
            hasSupport={support !== null}
            beforeSubmit={beforeSubmit}
            onSaved={(updated) => {
              setEditing(false);
              onSaved(updated);
            }}
          />
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              beforeSubmit();
              setEditing(true);
              // The button is gone: focus goes to the form's heading.
              focusLater(supportFormTitleId);
            }}
          >
            {t("partnerCase.supportFormTitleChange")}
          </button>
        ))}
    </div>
  );
}

/** The support recorded: what was offered (or the referral), and when. */
function SupportShown({ support }: { support: NonNullable<PartnerCase["ownSupport"]> }) {
  const { t, lang } = useT();
  return (
    <dl className="details">
      <div>
        <dt>{t("partnerCase.supportOffered")}</dt>
        <dd>{t(supportLabels[support.kind])}</dd>
      </div>
      {support.note && (
        <div>
          <dt>
            {support.kind === "referral"
              ? t("partnerCase.referralTo")
              : t("partnerCase.supportNote")}
          </dt>
          <dd className="multiline">{support.note}</dd>
        </div>
      )}
      <div>
        <dt>{t("partnerCase.offeredOn")}</dt>
        <dd>{formatDay(support.offeredOn, lang)}</dd>
      </div>
    </dl>
  );
}

interface SupportFormProps {
  caseId: string;
  hasSupport: boolean;
  beforeSubmit: () => void;
  onSaved: (view: PartnerCase) => void;
}

/** The offer-support command: the draft (offered today) and its checks. */
function useSupport({ caseId, beforeSubmit, onSaved }: SupportFormProps) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(supportFields);
  const today = localDateInput(new Date());
  const [draft, setDraft] = useState<SupportDraft>(() => supportDraftFor(today));
  const set = (changes: Partial<SupportDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = checkSupport(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      const updated = await api.offerPartnerSupport(caseId, checked.body);
      setDraft(supportDraftFor(localDateInput(new Date())));
      onSaved(updated);
    });
  }

  return { submit, today, draft, set, handleSubmit };
}

function SupportForm(props: SupportFormProps) {
  const { t } = useT();
  const { submit, today, draft, set, handleSubmit } = useSupport(props);
  const { hasSupport } = props;

  return (
    <>
      <h4 id={supportFormTitleId} tabIndex={-1}>
        {hasSupport ? t("partnerCase.supportFormTitleChange") : t("partnerCase.supportFormTitle")}
      </h4>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={supportFormTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <RadioGroupField
          label={t("partnerCase.supportKind")}
          name="kind"
          value={draft.kind}
          inline={false}
          options={supportKinds.map((value) => ({ value, label: t(supportLabels[value]) }))}
          onChange={(kind) => set({ kind })}
          error={submit.fieldError("kind")}
        />
        <TextAreaField
          label={
            draft.kind === "referral"
              ? t("partnerCase.referralTo")
              : t("partnerCase.supportNoteOptional")
          }
          hint={draft.kind === "referral" ? t("partnerCase.referralToHint") : undefined}
          name="note"
          rows={2}
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          error={submit.fieldError("note")}
        />
        <DateField
          label={t("partnerCase.offeredOn")}
          name="offeredOn"
          max={today}
          value={draft.offeredOn}
          onChange={(value) => set({ offeredOn: value })}
          error={submit.fieldError("offeredOn")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("partnerCase.supportSubmit")}
        </button>
      </form>
    </>
  );
}
