import { type FormEvent, useId, useState } from "react";
import type { ChildWork, ConsultationInput } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
import { type Changed, FormFrame, NotesField, today, useWorkCommand } from "./ChildWorkForms";
import { Part, type PartProps } from "./ChildWorkRecords";
import { agencyLabels, consultationAgencies, consultationBases } from "./child-work-model";

/*
 * Samråd: consultations with other agencies about the child, anonymised (the server refuses
 * an identity number in any of its texts) or with consent (who consented, and how).
 */
export function ConsultationsPart({ work, mayRecord, changed }: PartProps) {
  const { t, lang } = useT();
  return (
    <Part
      title={t("childWork.consultationsTitle")}
      empty={t("childWork.noConsultations")}
      caption={t("childWork.consultationsCaption")}
      columns={[
        t("childWork.consultationHeldOn"),
        t("childWork.agencies"),
        t("childWork.participants"),
        t("childWork.basis"),
      ]}
      rows={work.consultations.map((c) => ({
        id: c.id,
        cells: [
          formatDay(c.heldOn, lang),
          c.agencies.map((a) => t(agencyLabels[a])).join(", "),
          c.participants,
          c.consentNote
            ? `${t(`childWork.basis.${c.basis}`)}: ${c.consentNote}`
            : t(`childWork.basis.${c.basis}`),
        ],
      }))}
      newLabel={t("childWork.newConsultation")}
      form={mayRecord ? <ConsultationForm work={work} changed={changed} /> : null}
    />
  );
}

type Agency = (typeof consultationAgencies)[number];
type Basis = ConsultationInput["basis"];

const emptyConsultation = () => ({
  heldOn: today(),
  agencies: [] as Agency[],
  participants: "",
  basis: "" as Basis | "",
  consentNote: "",
  notes: "",
});
type Draft = ReturnType<typeof emptyConsultation>;

/** What is sent: empty texts as null; a basis not chosen is left for the server to word. */
const consultationBody = (draft: Draft): ConsultationInput => ({
  ...draft,
  basis: draft.basis as Basis,
  consentNote: draft.consentNote.trim() || null,
  notes: draft.notes.trim() || null,
});

function ConsultationForm({ work, changed }: { work: ChildWork; changed: Changed }) {
  const { t } = useT();
  const api = useApi();
  const fields = ["heldOn", "agencies", "participants", "basis", "consentNote", "notes"];
  const { submit, send } = useWorkCommand(fields, changed);
  const [draft, setDraft] = useState(emptyConsultation);
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const onSubmit = (event: FormEvent) =>
    send(
      event,
      () => api.recordChildConsultation(work.id, consultationBody(draft)),
      "childWork.consultationRecorded",
    );
  return (
    <FormFrame
      title={t("childWork.newConsultation")}
      submit={submit}
      submitLabel={t("childWork.consultationSubmit")}
      onSubmit={onSubmit}
    >
      <DateField
        label={t("childWork.consultationHeldOn")}
        name="heldOn"
        max={today()}
        value={draft.heldOn}
        onChange={(heldOn) => set({ heldOn })}
        error={submit.fieldError("heldOn")}
      />
      <AgencyChoices
        chosen={draft.agencies}
        onChange={(agencies) => set({ agencies })}
        error={submit.fieldError("agencies")}
      />
      <TextAreaField
        label={t("childWork.participants")}
        hint={t("childWork.participantsHint")}
        name="participants"
        value={draft.participants}
        onChange={(e) => set({ participants: e.target.value })}
        error={submit.fieldError("participants")}
      />
      <BasisFields
        basis={draft.basis}
        consentNote={draft.consentNote}
        onChange={set}
        errorOf={submit.fieldError}
      />
      <NotesField
        value={draft.notes}
        onChange={(notes) => set({ notes })}
        error={submit.fieldError("notes")}
      />
    </FormFrame>
  );
}

/** The agencies taking part: checkboxes in a fieldset, one error for the group. */
function AgencyChoices({
  chosen,
  onChange,
  error,
}: {
  chosen: Agency[];
  onChange: (agencies: Agency[]) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <fieldset
      className={error ? "field field--group field--invalid" : "field field--group"}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="field__label">{t("childWork.agencies")}</legend>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="field__choices">
        {consultationAgencies.map((a) => (
          <div key={a} className="field__choice">
            <input
              type="checkbox"
              id={`${id}-${a}`}
              checked={chosen.includes(a)}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, a] : chosen.filter((x) => x !== a))
              }
            />
            <label htmlFor={`${id}-${a}`}>{t(agencyLabels[a])}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** Anonymised or with consent; with consent, who consented and how. */
function BasisFields(props: {
  basis: Basis | "";
  consentNote: string;
  onChange: (changes: { basis?: Basis; consentNote?: string }) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <RadioGroupField
        label={t("childWork.basis")}
        hint={t("childWork.basisHint")}
        name="basis"
        value={props.basis}
        options={consultationBases.map((value) => ({
          value,
          label: t(`childWork.basis.${value}`),
        }))}
        onChange={(basis) => props.onChange({ basis })}
        error={props.errorOf("basis")}
      />
      {props.basis === "consent" && (
        <TextField
          label={t("childWork.consentNote")}
          name="consentNote"
          value={props.consentNote}
          onChange={(e) => props.onChange({ consentNote: e.target.value })}
          error={props.errorOf("consentNote")}
        />
      )}
    </>
  );
}
