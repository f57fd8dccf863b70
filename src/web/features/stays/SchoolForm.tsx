import { useState } from "react";
import { schoolKinds } from "../../../shared/api/stays";
import { useApi } from "../../auth/useAuth";
import { useChange } from "../../hooks/useChange";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { SelectField, TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import type { StayView } from "./api";
import type { StayPanelLink } from "./StayForms";

/*
 * A child in the stay: school or preschool (which, where, contact made, arranged, transport),
 * the shelter's contact person for the child and the child's own view — what Öppna
 * jämförelser asks a municipality to have routines for.
 */
const fields = [
  "schoolKind",
  "schoolName",
  "schoolMunicipality",
  "schoolContactedOn",
  "schoolArrangedOn",
  "schoolTransport",
  "shelterContactPerson",
  "childView",
];
type Child = StayView["members"][number];

export function SchoolForm({
  stayId,
  child,
  panel,
}: {
  stayId: string;
  child: Child;
  panel: StayPanelLink;
}) {
  const { t } = useT();
  const api = useApi();
  const { submit, run } = useChange(fields, panel);
  const [v, setV] = useState(() => valuesOf(child));
  const set = (field: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [field]: value }));
  const save = () =>
    run(async () => {
      await api.saveChildSchool(stayId, child.personId, {
        schoolKind: (v.schoolKind || null) as Child["schoolKind"],
        schoolName: v.schoolName || null,
        schoolMunicipality: v.schoolMunicipality || null,
        schoolContactedOn: v.schoolContactedOn || null,
        schoolArrangedOn: v.schoolArrangedOn || null,
        schoolTransport: v.schoolTransport || null,
        shelterContactPerson: v.shelterContactPerson || null,
        childView: v.childView || null,
      });
    }).then((ok) => ok && panel.onChanged());
  return (
    <form
      aria-label={`${t("stays.school")}: ${child.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <ErrorSummary errors={submit.errors} />
      <SchoolFields values={v} set={set} errorOf={submit.fieldError} />
      <button type="submit" className="button" disabled={submit.pending}>
        {t("stays.saveSchool")}
      </button>
    </form>
  );
}

type Values = ReturnType<typeof valuesOf>;

function SchoolFields({
  values,
  set,
  errorOf,
}: {
  values: Values;
  set: (field: keyof Values) => (value: string) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const { t } = useT();
  const text = (
    field: "schoolName" | "schoolMunicipality" | "schoolTransport" | "shelterContactPerson",
  ) => (
    <TextField
      label={t(`stays.${field}`)}
      value={values[field]}
      error={errorOf(field)}
      onChange={(e) => set(field)(e.target.value)}
    />
  );
  const date = (field: "schoolContactedOn" | "schoolArrangedOn") => (
    <DateField
      label={t(`stays.${field}`)}
      name={field}
      value={values[field]}
      onChange={set(field)}
      error={errorOf(field)}
    />
  );
  return (
    <>
      <SelectField
        label={t("stays.schoolKind")}
        value={values.schoolKind}
        error={errorOf("schoolKind")}
        onChange={(e) => set("schoolKind")(e.target.value)}
      >
        <option value="">{t("stays.choose")}</option>
        {schoolKinds.map((k) => (
          <option key={k} value={k}>
            {t(`stays.schoolKind.${k}`)}
          </option>
        ))}
      </SelectField>
      {text("schoolName")}
      {text("schoolMunicipality")}
      {date("schoolContactedOn")}
      {date("schoolArrangedOn")}
      {text("schoolTransport")}
      {text("shelterContactPerson")}
      <TextAreaField
        label={t("stays.childView")}
        value={values.childView}
        error={errorOf("childView")}
        onChange={(e) => set("childView")(e.target.value)}
      />
    </>
  );
}

function valuesOf(child: Child) {
  return {
    schoolKind: child.schoolKind ?? "",
    schoolName: child.schoolName ?? "",
    schoolMunicipality: child.schoolMunicipality ?? "",
    schoolContactedOn: child.schoolContactedOn ?? "",
    schoolArrangedOn: child.schoolArrangedOn ?? "",
    schoolTransport: child.schoolTransport ?? "",
    shelterContactPerson: child.shelterContactPerson ?? "",
    childView: child.childView ?? "",
  };
}
