import { type FormEvent, useState } from "react";
import type { ReferralRecipient } from "../../api/endpoints";
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
          return (
            <form className="form" aria-labelledby={formId} onSubmit={handleSubmit} noValidate>
              <ErrorSummary errors={submit.errors} />
              <RecipientFields
                recipients={recipients}
                draft={draft}
                setDraft={setDraft}
                error={submit.fieldError}
              />
              <WhatItAsks draft={draft} setDraft={setDraft} error={submit.fieldError} />
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

/** To whom: the agency, its unit, and optionally a contact person there. */
function RecipientFields({
  recipients,
  draft,
  setDraft,
  error,
}: {
  recipients: ReferralRecipient[];
  draft: CreateDraft;
  setDraft: (draft: CreateDraft) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const agency = recipients.find((a) => a.id === draft.agencyId);
  return (
    <>
      <SelectField
        label={t("referrals.agency")}
        name="agencyId"
        value={draft.agencyId}
        onChange={(e) => setDraft(withAgency(draft, e.target.value, recipients))}
        error={error("agencyId")}
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
        onChange={(e) => setDraft({ ...draft, agencyUnitId: e.target.value })}
        error={error("agencyUnitId")}
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
        onChange={(e) => setDraft({ ...draft, agencyContactId: e.target.value })}
        error={error("agencyContactId")}
      >
        <option value="">{t("referrals.noContact")}</option>
        {(agency?.contacts ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {`${c.name}, ${c.role}`}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** What the referral asks, and whether it discloses anything about her. */
function WhatItAsks({
  draft,
  setDraft,
  error,
}: {
  draft: CreateDraft;
  setDraft: (draft: CreateDraft) => void;
  error: (name: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <TextAreaField
        label={t("referrals.reason")}
        name="reason"
        rows={4}
        value={draft.reason}
        onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
        error={error("reason")}
      />
      <CheckboxField
        label={t("referrals.sharesInformation")}
        name="sharesInformation"
        checked={draft.sharesInformation}
        onChange={(e) => setDraft({ ...draft, sharesInformation: e.target.checked })}
      />
    </>
  );
}
