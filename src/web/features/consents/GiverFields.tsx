import type { Api, CaseView, ConsentGiverInput } from "../../api/endpoints";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextField } from "../../ui/Field";
import { useCaseUsers } from "./case-people";

/**
 * Who gave a consent: the name, written (the signed form, uploaded to the case's documents
 * first) or oral (who in the case heard it), and the day. Used for the first giver and for
 * the second custodian added later.
 */
export interface GiverDraft {
  kind: "self" | "custodian";
  name: string;
  form: "written" | "oral" | "";
  file: File | null;
  heardBy: string;
  givenOn: string;
}

export const emptyGiver = (): GiverDraft => ({
  kind: "self",
  name: "",
  form: "",
  file: null,
  heardBy: "",
  givenOn: localDateInput(new Date()),
});

/** A giver without a chosen form: the field to name before anything is sent. */
export function withForm(g: GiverDraft): (GiverDraft & { form: "written" | "oral" }) | null {
  return g.form === "" ? null : { ...g, form: g.form };
}

/** The giver as the API takes it; a written consent's form is uploaded first. */
export async function giverBody(
  api: Api,
  caseId: string,
  g: GiverDraft & { form: "written" | "oral" },
): Promise<ConsentGiverInput> {
  let documentId: string | null = null;
  if (g.form === "written" && g.file) {
    const { documents } = await api.uploadDocument(caseId, "sharing_consent", g.file);
    documentId = documents.find((d) => d.kind === "sharing_consent")?.id ?? null;
  }
  return {
    kind: g.kind,
    name: g.name,
    form: g.form,
    documentId,
    heardBy: g.form === "oral" ? g.heardBy || null : null,
    givenOn: g.givenOn,
  };
}

export function GiverFields({
  record,
  prefix,
  giver,
  onChange,
  fieldError,
}: {
  record: CaseView;
  prefix: string;
  giver: GiverDraft;
  onChange: (giver: GiverDraft) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const users = useCaseUsers(record);
  const set = (changes: Partial<GiverDraft>) => onChange({ ...giver, ...changes });
  return (
    <>
      <TextField
        label={t("consents.giverName")}
        name={`${prefix}.name`}
        value={giver.name}
        onChange={(e) => set({ name: e.target.value })}
        error={fieldError(`${prefix}.name`)}
      />
      <RadioGroupField
        label={t("consents.giverForm")}
        name={`${prefix}.form`}
        value={giver.form}
        options={[
          { value: "written" as const, label: t("consents.formWritten") },
          { value: "oral" as const, label: t("consents.formOral") },
        ]}
        onChange={(form) => set({ form })}
        error={fieldError(`${prefix}.form`)}
      />
      {giver.form === "written" && (
        <TextField
          label={t("consents.file")}
          name={`${prefix}.documentId`}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          onChange={(e) => set({ file: e.target.files?.[0] ?? null })}
          error={fieldError(`${prefix}.documentId`) ?? fieldError("file")}
        />
      )}
      {giver.form === "oral" && (
        <SelectField
          label={t("consents.heardBy")}
          name={`${prefix}.heardBy`}
          value={giver.heardBy}
          onChange={(e) => set({ heardBy: e.target.value })}
          error={fieldError(`${prefix}.heardBy`)}
        >
          <option value="">{t("common.choose")}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
      <DateField
        label={t("consents.givenOn")}
        name={`${prefix}.givenOn`}
        max={localDateInput(new Date())}
        value={giver.givenOn}
        onChange={(givenOn) => set({ givenOn })}
        error={fieldError(`${prefix}.givenOn`)}
      />
    </>
  );
}
