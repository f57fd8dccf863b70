import { type FormEvent, useState } from "react";
import { disclosureChannels } from "../../../shared/api/collaboration";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { SelectField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { useCasePeople, useCaseUsers } from "../consents/case-people";
import { GroundFields, ReviewFields } from "./DisclosureFields";
import { type Channel, type DisclosureDraft, disclosureInput } from "./disclosure-model";
import { RecipientFields } from "./RecipientFields";

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
  const people = useCasePeople(record);
  const users = useCaseUsers(record);
  const submit = useSubmit(fieldNames);
  const today = localDateInput(new Date());
  const empty = (): DisclosureDraft => ({
    personId: record.person.id,
    information: "",
    recipientAgencyId: "",
    recipientUnitId: "",
    recipientName: "",
    channel: "",
    ground: "",
    consentId: "",
    secrecyRule: "",
    courtReference: "",
    reviewedBy: users[0]?.id ?? "",
    reviewedOn: today,
    conclusion: "",
    disclosedOn: today,
    includeIdentityNumber: false,
    includeContactDetails: false,
    protectionConsidered: false,
  });
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
        <SelectField
          label={t("disclosures.person")}
          name="personId"
          value={draft.personId}
          onChange={(e) => set({ personId: e.target.value, consentId: "" })}
          error={submit.fieldError("personId")}
        >
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <RecipientFields draft={draft} set={set} fieldError={submit.fieldError} />
        <TextAreaField
          label={t("disclosures.information")}
          name="information"
          rows={4}
          value={draft.information}
          onChange={(e) => set({ information: e.target.value })}
          error={submit.fieldError("information")}
        />
        <SelectField
          label={t("disclosures.channelChoice")}
          name="channel"
          value={draft.channel}
          onChange={(e) => set({ channel: e.target.value as Channel })}
          error={submit.fieldError("channel")}
        >
          <option value="">{t("common.choose")}</option>
          {disclosureChannels.map((c) => (
            <option key={c} value={c}>
              {t(`disclosures.channel.${c}`)}
            </option>
          ))}
        </SelectField>
        <GroundFields record={record} draft={draft} set={set} fieldError={submit.fieldError} />
        <ReviewFields record={record} draft={draft} set={set} fieldError={submit.fieldError} />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("disclosures.submit")}
        </button>
      </form>
    </div>
  );
}
