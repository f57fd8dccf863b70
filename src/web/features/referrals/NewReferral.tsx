import { type FormEvent, useState } from "react";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { useT } from "../../i18n/useT";
import { CheckboxField, SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { Loaded } from "../../ui/QueryError";
import {
  type CreateDraft,
  checkCreate,
  createFields,
  emptyCreateDraft,
  withAgency,
} from "./referrals-model";

const formId = "referral-new-title";

/** A new referral out, as a draft: to a unit of an agency in the directory, and what it asks. */
export function NewReferralForm({ caseId, onCreated }: { caseId: string; onCreated: () => void }) {
  const { t } = useT();
  const api = useApi();
  const directory = useQuery(
    ["referral-recipients"],
    async (signal) => (await api.referralRecipients(signal)).recipients,
  );
  const submit = useSubmit(createFields);
  const [draft, setDraft] = useState<CreateDraft>(emptyCreateDraft);
  const set = (changes: Partial<CreateDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkCreate(draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      await api.createReferral(caseId, checked.body);
      setDraft(emptyCreateDraft);
      onCreated();
    });
  }

  return (
    <div className="subsection">
      <h3 id={formId}>{t("referrals.newTitle")}</h3>
      <p className="muted">{t("referrals.newIntro")}</p>
      <Loaded state={directory.state}>
        {(recipients) => {
          if (recipients.length === 0) return <p>{t("referrals.noRecipients")}</p>;
          const agency = recipients.find((a) => a.id === draft.agencyId);
          return (
            <form className="form" aria-labelledby={formId} onSubmit={handleSubmit} noValidate>
              <ErrorSummary errors={submit.errors} />
              <SelectField
                label={t("referrals.agency")}
                name="agencyId"
                value={draft.agencyId}
                onChange={(e) => setDraft(withAgency(draft, e.target.value, recipients))}
                error={submit.fieldError("agencyId")}
              >
                <option value="">{t("referrals.choose")}</option>
                {recipients.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t("referrals.agencyUnit")}
                name="agencyUnitId"
                value={draft.agencyUnitId}
                onChange={(e) => set({ agencyUnitId: e.target.value })}
                error={submit.fieldError("agencyUnitId")}
              >
                <option value="">{t("referrals.choose")}</option>
                {(agency?.units ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t("referrals.agencyContact")}
                name="agencyContactId"
                value={draft.agencyContactId}
                onChange={(e) => set({ agencyContactId: e.target.value })}
                error={submit.fieldError("agencyContactId")}
              >
                <option value="">{t("referrals.noContact")}</option>
                {(agency?.contacts ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {`${c.name}, ${c.role}`}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                label={t("referrals.reason")}
                name="reason"
                rows={4}
                value={draft.reason}
                onChange={(e) => set({ reason: e.target.value })}
                error={submit.fieldError("reason")}
              />
              <CheckboxField
                label={t("referrals.sharesInformation")}
                name="sharesInformation"
                checked={draft.sharesInformation}
                onChange={(e) => set({ sharesInformation: e.target.checked })}
              />
              <button type="submit" className="button" disabled={submit.pending}>
                {t("referrals.create")}
              </button>
            </form>
          );
        }}
      </Loaded>
    </div>
  );
}
