import { type FormEvent, useState } from "react";
import type { CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { useCasePeople, useDisclosureCatalogue } from "./case-people";
import { emptyGiver, type GiverDraft, GiverFields, giverBody, withForm } from "./GiverFields";

/**
 * A new consent to share: whose information, to whom, what, why, from when until when, and
 * its first giver (a child's consent: the first custodian; the second is added to the record).
 */

const newTitleId = "consent-new-title";
const fieldNames = [
  "personId",
  "recipientAgencyId",
  "recipientName",
  "information",
  "purpose",
  "givenOn",
  "expiresOn",
  "custodiansRequired",
  "givers",
  "givers.0.name",
  "givers.0.form",
  "givers.0.documentId",
  "givers.0.heardBy",
  "givers.0.givenOn",
  "givers.0.kind",
  "file",
];

interface Draft {
  personId: string;
  recipientAgencyId: string;
  recipientName: string;
  information: string;
  purpose: string;
  givenOn: string;
  expiresOn: string;
  custodians: "1" | "2" | "";
}

export function ConsentForm({ record, onRecorded }: { record: CaseView; onRecorded: () => void }) {
  const { t } = useT();
  const api = useApi();
  const people = useCasePeople(record);
  const catalogue = useDisclosureCatalogue();
  const agencies = catalogue.state.status === "ready" ? catalogue.state.data.agencies : [];
  const submit = useSubmit(fieldNames);
  const empty = (): Draft => ({
    personId: record.person.id,
    recipientAgencyId: "",
    recipientName: "",
    information: "",
    purpose: "",
    givenOn: localDateInput(new Date()),
    expiresOn: "",
    custodians: "",
  });
  const [draft, setDraft] = useState<Draft>(empty);
  const [giver, setGiver] = useState<GiverDraft>(emptyGiver);
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const isChild = people.find((p) => p.id === draft.personId)?.isChild ?? false;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const chosen = withForm(giver);
    if (!chosen) return submit.reject({ "givers.0.form": t("consents.errorForm") });
    await submit.run(async () => {
      const first = await giverBody(api, record.id, {
        ...chosen,
        kind: isChild ? "custodian" : "self",
      });
      await api.recordSharingConsent(record.id, {
        personId: draft.personId,
        information: draft.information,
        purpose: draft.purpose,
        recipientAgencyId: draft.recipientAgencyId || null,
        recipientName: draft.recipientAgencyId ? null : draft.recipientName || null,
        givenOn: draft.givenOn,
        expiresOn: draft.expiresOn || null,
        custodiansRequired: isChild ? (draft.custodians === "1" ? 1 : 2) : null,
        givers: [first],
      });
      setDraft(empty());
      setGiver(emptyGiver());
      onRecorded();
    });
  }

  return (
    <div className="subsection">
      <h3 id={newTitleId}>{t("consents.newTitle")}</h3>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={newTitleId}
        onSubmit={handleSubmit}
        noValidate
      >
        <SelectField
          label={t("consents.person")}
          name="personId"
          value={draft.personId}
          onChange={(e) => set({ personId: e.target.value })}
          error={submit.fieldError("personId")}
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
          error={submit.fieldError("recipientAgencyId")}
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
            error={submit.fieldError("recipientName")}
          />
        )}
        <TextAreaField
          label={t("consents.information")}
          name="information"
          value={draft.information}
          onChange={(e) => set({ information: e.target.value })}
          error={submit.fieldError("information")}
        />
        <TextAreaField
          label={t("consents.purpose")}
          name="purpose"
          value={draft.purpose}
          onChange={(e) => set({ purpose: e.target.value })}
          error={submit.fieldError("purpose")}
        />
        <DateField
          label={t("consents.expiresOn")}
          name="expiresOn"
          value={draft.expiresOn}
          onChange={(expiresOn) => set({ expiresOn })}
          error={submit.fieldError("expiresOn")}
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
            error={submit.fieldError("custodiansRequired")}
          />
        )}
        <GiverFields
          record={record}
          prefix="givers.0"
          giver={giver}
          onChange={(g) => {
            setGiver(g);
            set({ givenOn: g.givenOn });
          }}
          fieldError={submit.fieldError}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("consents.submit")}
        </button>
      </form>
    </div>
  );
}
