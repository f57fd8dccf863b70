import type { CaseView } from "../../api/endpoints";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { useCasePeople, useDisclosureCatalogue } from "./case-people";

/**
 * The new consent's field groups: whose information and to whom (an agency in the directory,
 * or a named recipient outside it), then what, why, until when and — for a child — how many
 * custodians must consent. The giver's fields are GiverFields.
 */
export interface ConsentDraft {
  personId: string;
  recipientAgencyId: string;
  recipientName: string;
  information: string;
  purpose: string;
  givenOn: string;
  expiresOn: string;
  custodians: "1" | "2" | "";
}

export const emptyConsent = (record: CaseView): ConsentDraft => ({
  personId: record.person.id,
  recipientAgencyId: "",
  recipientName: "",
  information: "",
  purpose: "",
  givenOn: localDateInput(new Date()),
  expiresOn: "",
  custodians: "",
});

export interface ConsentFieldsProps {
  record: CaseView;
  draft: ConsentDraft;
  set: (changes: Partial<ConsentDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

export function WhoAndToWhomFields({ record, draft, set, fieldError }: ConsentFieldsProps) {
  const { t } = useT();
  const people = useCasePeople(record);
  const catalogue = useDisclosureCatalogue();
  const agencies = catalogue.state.status === "ready" ? catalogue.state.data.agencies : [];
  return (
    <>
      <SelectField
        label={t("consents.person")}
        name="personId"
        value={draft.personId}
        onChange={(e) => set({ personId: e.target.value })}
        error={fieldError("personId")}
      >
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("consents.recipientAgency")}
        name="recipientAgencyId"
        value={draft.recipientAgencyId}
        onChange={(e) => set({ recipientAgencyId: e.target.value })}
        error={fieldError("recipientAgencyId")}
      >
        <option value="">{t("consents.recipientNone")}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>
      {!draft.recipientAgencyId && (
        <TextField
          label={t("consents.recipientName")}
          name="recipientName"
          value={draft.recipientName}
          onChange={(e) => set({ recipientName: e.target.value })}
          error={fieldError("recipientName")}
        />
      )}
    </>
  );
}

export function ScopeFields({
  draft,
  set,
  fieldError,
  isChild,
}: Omit<ConsentFieldsProps, "record"> & { isChild: boolean }) {
  const { t } = useT();
  return (
    <>
      <TextAreaField
        label={t("consents.information")}
        name="information"
        value={draft.information}
        onChange={(e) => set({ information: e.target.value })}
        error={fieldError("information")}
      />
      <TextAreaField
        label={t("consents.purpose")}
        name="purpose"
        value={draft.purpose}
        onChange={(e) => set({ purpose: e.target.value })}
        error={fieldError("purpose")}
      />
      <DateField
        label={t("consents.expiresOn")}
        name="expiresOn"
        value={draft.expiresOn}
        onChange={(expiresOn) => set({ expiresOn })}
        error={fieldError("expiresOn")}
      />
      {isChild && (
        <RadioGroupField
          label={t("consents.custodians")}
          name="custodiansRequired"
          value={draft.custodians}
          options={[
            { value: "1" as const, label: t("consents.custodiansOne") },
            { value: "2" as const, label: t("consents.custodiansTwo") },
          ]}
          onChange={(custodians) => set({ custodians })}
          error={fieldError("custodiansRequired")}
        />
      )}
    </>
  );
}
