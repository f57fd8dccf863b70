import { type FormEvent, useState } from "react";
import type { ChildWork } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, SelectField, TextField } from "../../ui/Field";
import { OnDemand } from "../../ui/OnDemand";
import { type Changed, FormFrame, NotesField, today, useWorkCommand } from "./ChildWorkForms";
import {
  crimeCategories,
  crimeLabels,
  examLabels,
  medicalExamKinds,
  reporterKinds,
  reporterLabels,
} from "./child-work-model";

/*
 * A child's police reports and medical examinations (consultations: Consultations.tsx): each
 * a short list and a form that opens when asked.
 */
export interface PartProps {
  work: ChildWork;
  mayRecord: boolean;
  changed: Changed;
}

/** A part's heading, its table (or the empty text) and its form. */
export function Part(props: {
  title: string;
  empty: string;
  caption: string;
  columns: string[];
  rows: { id: string; cells: React.ReactNode[] }[];
  newLabel: string;
  form: React.ReactNode | null;
}) {
  return (
    <div className="subsection">
      <h4>{props.title}</h4>
      {props.rows.length === 0 ? (
        <p className="empty">{props.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--compact">
            <caption className="visually-hidden">{props.caption}</caption>
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr key={row.id}>
                  {row.cells.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells never move
                    <td key={i} className="multiline">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.form && <OnDemand label={props.newLabel}>{props.form}</OnDemand>}
    </div>
  );
}

export function PoliceReportsPart({ work, mayRecord, changed }: PartProps) {
  const { t, lang } = useT();
  return (
    <Part
      title={t("childWork.policeTitle")}
      empty={t("childWork.noPolice")}
      caption={t("childWork.policeCaption")}
      columns={[
        t("childWork.reportedOn"),
        t("childWork.reporterKind"),
        t("childWork.crimeCategory"),
        t("childWork.notes"),
      ]}
      rows={work.policeReports.map((r) => ({
        id: r.id,
        cells: [
          formatDay(r.reportedOn, lang),
          r.reporter
            ? `${t(reporterLabels[r.reporterKind])} (${r.reporter})`
            : t(reporterLabels[r.reporterKind]),
          t(crimeLabels[r.crimeCategory]),
          r.notes,
        ],
      }))}
      newLabel={t("childWork.newPolice")}
      form={mayRecord ? <PoliceReportForm work={work} changed={changed} /> : null}
    />
  );
}

function PoliceReportForm({ work, changed }: { work: ChildWork; changed: Changed }) {
  const { t } = useT();
  const api = useApi();
  const fields = ["reportedOn", "reporterKind", "crimeCategory", "notes"];
  const { submit, send } = useWorkCommand(fields, changed);
  const [reportedOn, setReportedOn] = useState(today);
  const [reporterKind, setReporterKind] = useState<(typeof reporterKinds)[number] | "">("own_unit");
  const [crimeCategory, setCrimeCategory] = useState("");
  const [notes, setNotes] = useState("");
  const onSubmit = (event: FormEvent) =>
    send(
      event,
      () =>
        api.recordChildPoliceReport(work.id, {
          reportedOn,
          reporterKind: reporterKind as (typeof reporterKinds)[number],
          crimeCategory: crimeCategory as (typeof crimeCategories)[number],
          notes: notes.trim() || null,
        }),
      "childWork.policeRecorded",
    );
  return (
    <FormFrame
      title={t("childWork.newPolice")}
      submit={submit}
      submitLabel={t("childWork.policeSubmit")}
      onSubmit={onSubmit}
    >
      <DateField
        label={t("childWork.reportedOn")}
        name="reportedOn"
        max={today()}
        value={reportedOn}
        onChange={setReportedOn}
        error={submit.fieldError("reportedOn")}
      />
      <RadioGroupField
        label={t("childWork.reporterKind")}
        name="reporterKind"
        value={reporterKind}
        inline={false}
        options={reporterKinds.map((value) => ({ value, label: t(reporterLabels[value]) }))}
        onChange={setReporterKind}
        error={submit.fieldError("reporterKind")}
      />
      <CrimeSelect
        value={crimeCategory}
        onChange={setCrimeCategory}
        error={submit.fieldError("crimeCategory")}
      />
      <NotesField value={notes} onChange={setNotes} error={submit.fieldError("notes")} />
    </FormFrame>
  );
}

export function ExamsPart({ work, mayRecord, changed }: PartProps) {
  const { t, lang } = useT();
  return (
    <Part
      title={t("childWork.examsTitle")}
      empty={t("childWork.noExams")}
      caption={t("childWork.examsCaption")}
      columns={[
        t("childWork.examinedOn"),
        t("childWork.examKind"),
        t("childWork.place"),
        t("childWork.notes"),
      ]}
      rows={work.medicalExams.map((e) => ({
        id: e.id,
        cells: [formatDay(e.examinedOn, lang), t(examLabels[e.kind]), e.place, e.notes],
      }))}
      newLabel={t("childWork.newExam")}
      form={mayRecord ? <ExamForm work={work} changed={changed} /> : null}
    />
  );
}

function ExamForm({ work, changed }: { work: ChildWork; changed: Changed }) {
  const { t } = useT();
  const api = useApi();
  const { submit, send } = useWorkCommand(["examinedOn", "kind", "place", "notes"], changed);
  const [examinedOn, setExaminedOn] = useState(today);
  const [kind, setKind] = useState<(typeof medicalExamKinds)[number] | "">("");
  const [place, setPlace] = useState("");
  const [notes, setNotes] = useState("");
  const onSubmit = (event: FormEvent) =>
    send(
      event,
      () =>
        api.recordChildMedicalExam(work.id, {
          examinedOn,
          kind: kind as (typeof medicalExamKinds)[number],
          place,
          notes: notes.trim() || null,
        }),
      "childWork.examRecorded",
    );
  return (
    <FormFrame
      title={t("childWork.newExam")}
      submit={submit}
      submitLabel={t("childWork.examSubmit")}
      onSubmit={onSubmit}
    >
      <DateField
        label={t("childWork.examinedOn")}
        name="examinedOn"
        max={today()}
        value={examinedOn}
        onChange={setExaminedOn}
        error={submit.fieldError("examinedOn")}
      />
      <RadioGroupField
        label={t("childWork.examKind")}
        name="kind"
        value={kind}
        options={medicalExamKinds.map((value) => ({ value, label: t(examLabels[value]) }))}
        onChange={setKind}
        error={submit.fieldError("kind")}
      />
      <TextField
        label={t("childWork.place")}
        hint={t("childWork.placeHint")}
        name="place"
        value={place}
        onChange={(e) => setPlace(e.target.value)}
        error={submit.fieldError("place")}
      />
      <NotesField value={notes} onChange={setNotes} error={submit.fieldError("notes")} />
    </FormFrame>
  );
}

function CrimeSelect(props: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <SelectField
      label={t("childWork.crimeCategory")}
      name="crimeCategory"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error}
    >
      <option value="">{t("childWork.choose")}</option>
      {crimeCategories.map((c) => (
        <option key={c} value={c}>
          {t(crimeLabels[c])}
        </option>
      ))}
    </SelectField>
  );
}
