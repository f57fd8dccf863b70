import { disclosureGrounds } from "../../../shared/api/collaboration";
import { useApi } from "../../auth/useAuth";
import { useQuery } from "../../hooks/useQuery";
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
import { recipientOf } from "../consents/Consents";
import { useCaseUsers, useDisclosureCatalogue } from "../consents/case-people";
import type { DisclosureFieldsProps } from "./disclosure-model";

/** On which ground: a valid consent about her (today), a rule of the catalogue, a court's request. */
export function GroundFields({ record, draft, set, fieldError }: DisclosureFieldsProps) {
  const { t } = useT();
  const api = useApi();
  const catalogue = useDisclosureCatalogue();
  const consents = useQuery(
    ["case", record.id, "sharing-consents"],
    async (signal) => (await api.sharingConsents(record.id, signal)).consents,
  );
  const rules = catalogue.state.status === "ready" ? catalogue.state.data.secrecyRules : [];
  const validConsents =
    consents.state.status === "ready"
      ? consents.state.data.filter((c) => c.state === "valid" && c.personId === draft.personId)
      : [];
  return (
    <>
      <RadioGroupField
        label={t("disclosures.groundChoice")}
        name="ground"
        value={draft.ground}
        options={disclosureGrounds.map((g) => ({
          value: g,
          label: t(`disclosures.ground.${g}`),
        }))}
        onChange={(ground) => set({ ground })}
        error={fieldError("ground")}
        inline={false}
      />
      {draft.ground === "consent" && (
        <SelectField
          label={t("disclosures.consent")}
          name="consentId"
          value={draft.consentId}
          onChange={(e) => set({ consentId: e.target.value })}
          error={fieldError("consentId")}
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
          error={fieldError("secrecyRule")}
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
          error={fieldError("courtReference")}
        />
      )}
    </>
  );
}

/** The secrecy review (who, when, conclusion) and what the document may name. */
export function ReviewFields({ record, draft, set, fieldError }: DisclosureFieldsProps) {
  const { t } = useT();
  const users = useCaseUsers(record);
  const today = localDateInput(new Date());
  const protectedPerson = record.person.protectionLevel !== "none";
  return (
    <>
      <SelectField
        label={t("disclosures.reviewedBy")}
        name="review.reviewedBy"
        value={draft.reviewedBy}
        onChange={(e) => set({ reviewedBy: e.target.value })}
        error={fieldError("review.reviewedBy")}
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
        error={fieldError("review.reviewedAt")}
      />
      <TextAreaField
        label={t("disclosures.conclusion")}
        hint={t("disclosures.conclusionHint")}
        name="review.conclusion"
        value={draft.conclusion}
        onChange={(e) => set({ conclusion: e.target.value })}
        error={fieldError("review.conclusion")}
      />
      {protectedPerson && (
        <CheckboxField
          label={t("disclosures.protectionConsidered")}
          hint={t("disclosures.protectedWarning")}
          name="protectionConsidered"
          checked={draft.protectionConsidered}
          onChange={(e) => set({ protectionConsidered: e.target.checked })}
          error={fieldError("protectionConsidered")}
        />
      )}
      <CheckboxField
        label={t("disclosures.includeIdentityNumber")}
        name="includeIdentityNumber"
        checked={draft.includeIdentityNumber}
        onChange={(e) => set({ includeIdentityNumber: e.target.checked })}
        error={fieldError("includeIdentityNumber")}
      />
      {!protectedPerson && (
        <CheckboxField
          label={t("disclosures.includeContactDetails")}
          name="includeContactDetails"
          checked={draft.includeContactDetails}
          onChange={(e) => set({ includeContactDetails: e.target.checked })}
          error={fieldError("includeContactDetails")}
        />
      )}
      <DateField
        label={t("disclosures.disclosedOn")}
        name="disclosedOn"
        max={today}
        value={draft.disclosedOn}
        onChange={(disclosedOn) => set({ disclosedOn })}
        error={fieldError("disclosedOn")}
      />
    </>
  );
}
