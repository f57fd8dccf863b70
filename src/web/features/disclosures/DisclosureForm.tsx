import { type FormEvent, useState } from "react";
import { disclosureChannels, disclosureGrounds } from "../../../shared/api/collaboration";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import {
  CheckboxField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { recipientOf } from "../consents/Consents";
import { useCasePeople, useCaseUsers, useDisclosureCatalogue } from "../consents/case-people";
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

type Ground = (typeof disclosureGrounds)[number];
type Channel = (typeof disclosureChannels)[number];

export interface DisclosureDraft {
  personId: string;
  information: string;
  recipientAgencyId: string;
  recipientUnitId: string;
  recipientName: string;
  channel: Channel | "";
  ground: Ground | "";
  consentId: string;
  secrecyRule: string;
  courtReference: string;
  reviewedBy: string;
  reviewedOn: string;
  conclusion: string;
  disclosedOn: string;
  includeIdentityNumber: boolean;
  includeContactDetails: boolean;
  protectionConsidered: boolean;
}

/** The review's moment: now when made today, else midday of the day it was made. */
function reviewMoment(day: string, today: string): string {
  return day === today ? new Date().toISOString() : new Date(`${day}T12:00:00`).toISOString();
}

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
  const catalogue = useDisclosureCatalogue();
  const consents = useQuery(
    ["case", record.id, "sharing-consents"],
    async (signal) => (await api.sharingConsents(record.id, signal)).consents,
  );
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
  const rules = catalogue.state.status === "ready" ? catalogue.state.data.secrecyRules : [];
  const validConsents =
    consents.state.status === "ready"
      ? consents.state.data.filter((c) => c.state === "valid" && c.personId === draft.personId)
      : [];
  const protectedPerson = record.person.protectionLevel !== "none";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await submit.run(async () => {
      const made = await api.recordDisclosure(record.id, {
        personId: draft.personId,
        information: draft.information,
        recipientAgencyId: draft.recipientAgencyId || null,
        recipientUnitId: draft.recipientUnitId || null,
        recipientName: draft.recipientName || null,
        channel: draft.channel as Channel,
        ground: draft.ground as Ground,
        consentId: draft.ground === "consent" ? draft.consentId || null : null,
        secrecyRule: draft.ground === "secrecy_rule" ? draft.secrecyRule || null : null,
        courtReference: draft.ground === "court_request" ? draft.courtReference || null : null,
        review: {
          reviewedBy: draft.reviewedBy || null,
          reviewedAt: reviewMoment(draft.reviewedOn, today),
          conclusion: draft.conclusion,
        },
        disclosedOn: draft.disclosedOn,
        includeIdentityNumber: draft.includeIdentityNumber,
        includeContactDetails: draft.includeContactDetails,
        protectionConsidered: draft.protectionConsidered,
      });
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
        <RadioGroupField
          label={t("disclosures.groundChoice")}
          name="ground"
          value={draft.ground}
          options={disclosureGrounds.map((g) => ({
            value: g,
            label: t(`disclosures.ground.${g}`),
          }))}
          onChange={(ground) => set({ ground })}
          error={submit.fieldError("ground")}
          inline={false}
        />
        {draft.ground === "consent" && (
          <SelectField
            label={t("disclosures.consent")}
            name="consentId"
            value={draft.consentId}
            onChange={(e) => set({ consentId: e.target.value })}
            error={submit.fieldError("consentId")}
          >
            <option value="">{t("disclosures.consentNone")}</option>
            {validConsents.map((c) => (
              <option key={c.id} value={c.id}>
                {`${recipientOf(c)}: ${c.information}`.slice(0, 120)}
              </option>
            ))}
          </SelectField>
        )}
        {draft.ground === "secrecy_rule" && (
          <SelectField
            label={t("disclosures.secrecyRule")}
            name="secrecyRule"
            value={draft.secrecyRule}
            onChange={(e) => set({ secrecyRule: e.target.value })}
            error={submit.fieldError("secrecyRule")}
          >
            <option value="">{t("disclosures.secrecyRuleNone")}</option>
            {rules.map((r) => (
              <option key={r.code} value={r.code}>
                {`${r.name} (${r.legalRef})`}
              </option>
            ))}
          </SelectField>
        )}
        {draft.ground === "court_request" && (
          <TextField
            label={t("disclosures.courtReference")}
            name="courtReference"
            value={draft.courtReference}
            onChange={(e) => set({ courtReference: e.target.value })}
            error={submit.fieldError("courtReference")}
          />
        )}
        <SelectField
          label={t("disclosures.reviewedBy")}
          name="review.reviewedBy"
          value={draft.reviewedBy}
          onChange={(e) => set({ reviewedBy: e.target.value })}
          error={submit.fieldError("review.reviewedBy")}
        >
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <DateField
          label={t("disclosures.reviewedAt")}
          name="review.reviewedAt"
          max={today}
          value={draft.reviewedOn}
          onChange={(reviewedOn) => set({ reviewedOn })}
          error={submit.fieldError("review.reviewedAt")}
        />
        <TextAreaField
          label={t("disclosures.conclusion")}
          hint={t("disclosures.conclusionHint")}
          name="review.conclusion"
          value={draft.conclusion}
          onChange={(e) => set({ conclusion: e.target.value })}
          error={submit.fieldError("review.conclusion")}
        />
        {protectedPerson && (
          <CheckboxField
            label={t("disclosures.protectionConsidered")}
            hint={t("disclosures.protectedWarning")}
            name="protectionConsidered"
            checked={draft.protectionConsidered}
            onChange={(e) => set({ protectionConsidered: e.target.checked })}
            error={submit.fieldError("protectionConsidered")}
          />
        )}
        <CheckboxField
          label={t("disclosures.includeIdentityNumber")}
          name="includeIdentityNumber"
          checked={draft.includeIdentityNumber}
          onChange={(e) => set({ includeIdentityNumber: e.target.checked })}
          error={submit.fieldError("includeIdentityNumber")}
        />
        {!protectedPerson && (
          <CheckboxField
            label={t("disclosures.includeContactDetails")}
            name="includeContactDetails"
            checked={draft.includeContactDetails}
            onChange={(e) => set({ includeContactDetails: e.target.checked })}
            error={submit.fieldError("includeContactDetails")}
          />
        )}
        <DateField
          label={t("disclosures.disclosedOn")}
          name="disclosedOn"
          max={today}
          value={draft.disclosedOn}
          onChange={(disclosedOn) => set({ disclosedOn })}
          error={submit.fieldError("disclosedOn")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("disclosures.submit")}
        </button>
      </form>
    </div>
  );
}
