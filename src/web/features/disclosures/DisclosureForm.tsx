import { type FormEvent, useState } from "react";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { ErrorSummary } from "../../ui/Messages";
import { useCaseUsers } from "../consents/case-people";
import { GroundFields, ReviewFields } from "./DisclosureFields";
import { type DisclosureDraft, disclosureInput, emptyDisclosure } from "./disclosure-model";
import { RecipientFields } from "./RecipientFields";
import { WhatFields } from "./WhatFields";

/**
 * Disclosing information from the case: what, to whom, how, on which ground (a valid consent,
 * a rule that breaks secrecy, a court's request), the secrecy review, and what the document
 * may name. The server refuses a disclosure without a valid ground or review, says why, and
 * makes the document; a protected person's form asks that the review weighed it.
 */

const newTitleId = "disclosure-new-title";
const fieldNames = [
  "personId",
  "information",
  "recipientAgencyId",
  "recipientUnitId",
  "recipientName",
  "channel",
  "ground",
  "consentId",
  "secrecyRule",
  "courtReference",
  "review.reviewedBy",
  "review.reviewedAt",
  "review.conclusion",
  "disclosedOn",
  "includeIdentityNumber",
  "includeContactDetails",
  "protectionConsidered",
];

export function DisclosureForm({
  record,
  onRecorded,
}: {
  record: CaseView;
  onRecorded: (warnings: string[]) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const users = useCaseUsers(record);
  const submit = useSubmit(fieldNames);
  const today = localDateInput(new Date());
  const empty = () => emptyDisclosure(record.person.id, users[0]?.id ?? "", today);
  const [draft, setDraft] = useState<DisclosureDraft>(empty);
  const set = (changes: Partial<DisclosureDraft>) => setDraft((d) => ({ ...d, ...changes }));

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const made = await api.recordDisclosure(record.id, disclosureInput(draft, today));
      setDraft(empty());
      onRecorded(made.warnings);
    });
  }

  return (
    <div className="subsection">
      <h3 id={newTitleId}>{t("disclosures.newTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={newTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <WhatFields record={record} draft={draft} set={set} fieldError={submit.fieldError} />
        <RecipientFields draft={draft} set={set} fieldError={submit.fieldError} />
        <GroundFields record={record} draft={draft} set={set} fieldError={submit.fieldError} />
        <ReviewFields record={record} draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("disclosures.submit")}
        </button>
      </form>
    </div>
  );
}
