import { type FormEvent, useId, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { checkRevokeConsent, type RevokeConsentDraft } from "./decisions-model";
import type { FormsProps } from "./PlacementForms";

/*
 * A custodian withdraws consent to the child's placement. The placement then rests on
 * nothing: the server flags it on Att göra until the committee ends it (an övervägande that
 * ends it) and, if the child must stay, decides anew under lag (2024:79).
 */
const revokeFields = ["consentId", "revokedOn", "reason"] as const;

export function RevokeConsentForm(props: FormsProps) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(revokeFields, props);
  const standing = props.placement.consents.filter((c) => !c.revokedOn);
  const empty: RevokeConsentDraft = {
    consentId: standing.length === 1 ? (standing[0]?.id ?? "") : "",
    revokedOn: localDateInput(new Date()),
    reason: "",
  };
  const [draft, setDraft] = useState<RevokeConsentDraft>(empty);
  const titleId = `${useId()}-title`;
  const set = (changes: Partial<RevokeConsentDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkRevokeConsent(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await run(async () => {
      const placement = await api.revokeConsent(
        props.caseId,
        checked.body.consentId,
        checked.body.body,
      );
      setDraft(empty);
      props.onChanged(placement, "placement.revokeRecorded");
    });
  }

  return (
    <div className="placement-form">
      <h4 id={titleId}>{t("placement.revokeTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
        <RevokeConsentFields
          standing={standing}
          draft={draft}
          set={set}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button button--secondary" disabled={submit.pending}>
          {t("placement.revokeSubmit")}
        </button>
      </form>
    </div>
  );
}

/** Whose consent is withdrawn (of those still standing), on which day, and why. */
function RevokeConsentFields({
  standing,
  draft,
  set,
  fieldError,
}: {
  standing: FormsProps["placement"]["consents"];
  draft: RevokeConsentDraft;
  set: (changes: Partial<RevokeConsentDraft>) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <SelectField
        label={t("placement.revokeWho")}
        name="consentId"
        value={draft.consentId}
        onChange={(e) => set({ consentId: e.target.value })}
        error={fieldError("consentId")}
      >
        <option value="">{t("common.choose")}</option>
        {standing.map((c) => (
          <option key={c.id} value={c.id}>
            {c.custodianName}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t("placement.revokedOn")}
        name="revokedOn"
        max={localDateInput(new Date())}
        value={draft.revokedOn}
        onChange={(value) => set({ revokedOn: value })}
        error={fieldError("revokedOn")}
      />
      <TextAreaField
        label={t("placement.revokeReason")}
        name="reason"
        value={draft.reason}
        onChange={(e) => set({ reason: e.target.value })}
        error={fieldError("reason")}
      />
    </>
  );
}
