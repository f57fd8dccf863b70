import { type FormEvent, useState } from "react";
import type { PartnerCase } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDay, localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import {
  type AttemptDraft,
  allowedMethods,
  attemptDraftFor,
  attemptFields,
  checkAttempt,
  methodLabels,
  outcomeLabels,
  outcomesFor,
  withMethod,
} from "./partner-case-model";

/*
 * Her case's attempts to reach her: the list, and the form offering only the ways her
 * safe-contact instructions leave open (the server refuses the others as well).
 */

export const attemptsTitleId = "partner-case-attempts-title";
export function Attempts({ view }: { view: PartnerCase }) {
  const { t, lang } = useT();
  return (
    <div className="subsection">
      <h3 id={attemptsTitleId} tabIndex={-1}>
        {t("partnerCase.attemptsTitle")}
      </h3>
      {view.attempts.length === 0 ? (
        <p className="empty">{t("partnerCase.attemptsEmpty")}</p>
      ) : (
        <ul className="item-list" aria-label={t("partnerCase.attemptsCaption")}>
          {view.attempts.map((a) => (
            <li key={a.id} className="item-list__item">
              <span>
                <span className="nowrap">{formatDay(a.attemptedOn, lang)}</span>{" "}
                {t("partnerCase.attemptLine", {
                  method: t(methodLabels[a.method]),
                  outcome: t(outcomeLabels[a.outcome]),
                })}{" "}
                <span className="muted">{t("partnerCase.recordedBy", { name: a.recordedBy })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface AttemptFormProps {
  caseId: string;
  view: PartnerCase;
  beforeSubmit: () => void;
  onRecorded: (view: PartnerCase) => void;
}

/** The record-attempt command: the draft (today, a way still open) and its checks. */
function useAttempt({ caseId, beforeSubmit, onRecorded }: AttemptFormProps) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(attemptFields);
  const today = localDateInput(new Date());
  const [draft, setDraft] = useState<AttemptDraft>(() => attemptDraftFor(today));
  const set = (changes: Partial<AttemptDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    const checked = checkAttempt(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      const updated = await api.recordContactAttempt(caseId, checked.body);
      setDraft(attemptDraftFor(localDateInput(new Date())));
      onRecorded(updated);
    });
  }

  return { submit, today, draft, setDraft, set, handleSubmit };
}

export function AttemptForm(props: AttemptFormProps) {
  const { t } = useT();
  const { submit, today, draft, setDraft, set, handleSubmit } = useAttempt(props);
  const methods = allowedMethods(props.view.contactOptions);
  const formTitleId = "partner-case-attempt-form-title";

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("partnerCase.attemptFormTitle")}</h3>
      {methods.length === 0 ? (
        <p className="empty">{t("partnerCase.noWayOpen")}</p>
      ) : (
        <>
          <ErrorSummary errors={submit.errors} />
          <form
            className="form form--wide"
            aria-labelledby={formTitleId}
            onSubmit={handleSubmit}
            noValidate
          >
            <RadioGroupField
              label={t("partnerCase.method")}
              hint={t("partnerCase.methodHint")}
              name="method"
              value={draft.method}
              options={methods.map((value) => ({ value, label: t(methodLabels[value]) }))}
              onChange={(method) => setDraft((d) => withMethod(d, method))}
              error={submit.fieldError("method")}
            />
            <DateField
              label={t("partnerCase.attemptedOn")}
              name="attemptedOn"
              max={today}
              value={draft.attemptedOn}
              onChange={(value) => set({ attemptedOn: value })}
              error={submit.fieldError("attemptedOn")}
            />
            <RadioGroupField
              label={t("partnerCase.outcome")}
              hint={draft.method === "phone" ? t("partnerCase.outcomePhoneHint") : undefined}
              name="outcome"
              value={draft.outcome}
              inline={false}
              options={outcomesFor(draft.method).map((value) => ({
                value,
                label: t(outcomeLabels[value]),
              }))}
              onChange={(outcome) => set({ outcome })}
              error={submit.fieldError("outcome")}
            />
            <button type="submit" className="button" disabled={submit.pending}>
              {t("partnerCase.attemptSubmit")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
