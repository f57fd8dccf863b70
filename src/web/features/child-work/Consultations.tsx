import { type FormEvent, useId, useState } from "react";
import type { ChildWork, ConsultationInput } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
import { type Changed, FormFrame, today, useWorkCommand } from "./ChildWorkForms";
import { Part, type PartProps } from "./ChildWorkRecords";
import { agencyLabels, consultationAgencies } from "./child-work-model";

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

function ConsultationForm({ work, changed }: { work: ChildWork; changed: Changed }) {
  const { t } = useT();
  const api = useApi();
  const fields = ["heldOn", "agencies", "participants", "basis", "consentNote", "notes"];
  const { submit, send } = useWorkCommand(fields, changed);
  const empty = {
    heldOn: today(),
    agencies: [] as Agency[],
    participants: "",
    basis: "" as ConsultationInput["basis"] | "",
    consentNote: "",
    notes: "",
  };
  const [draft, setDraft] = useState(empty);
  const set = (changes: Partial<typeof empty>) => setDraft((d) => ({ ...d, ...changes }));
  const agenciesId = useId();
  const onSubmit = (event: FormEvent) =>
    send(
      event,
      () =>
        api.recordChildConsultation(work.id, {
          heldOn: draft.heldOn,
          agencies: draft.agencies,
          participants: draft.participants,
          basis: draft.basis as ConsultationInput["basis"],
          consentNote: draft.consentNote.trim() || null,
          notes: draft.notes.trim() || null,
        }),
      "childWork.consultationRecorded",
    );
  const agencyError = submit.fieldError("agencies");
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
      <fieldset
        className={agencyError ? "field field--group field--invalid" : "field field--group"}
        aria-describedby={agencyError ? `${agenciesId}-error` : undefined}
      >
        <legend className="field__label">{t("childWork.agencies")}</legend>
        {agencyError && (
          <p className="field__error" id={`${agenciesId}-error`}>
            {agencyError}
          </p>
        )}
        <div className="field__choices">
          {consultationAgencies.map((a) => (
            <div key={a} className="field__choice">
              <input
                type="checkbox"
                id={`${agenciesId}-${a}`}
                checked={draft.agencies.includes(a)}
                onChange={(e) =>
                  set({
                    agencies: e.target.checked
                      ? [...draft.agencies, a]
                      : draft.agencies.filter((x) => x !== a),
                  })
                }
              />
              <label htmlFor={`${agenciesId}-${a}`}>{t(agencyLabels[a])}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t("childWork.participants")}
        hint={t("childWork.participantsHint")}
        name="participants"
        value={draft.participants}
        onChange={(e) => set({ participants: e.target.value })}
        error={submit.fieldError("participants")}
      />
      <RadioGroupField
        label={t("childWork.basis")}
        hint={t("childWork.basisHint")}
        name="basis"
        value={draft.basis}
        options={(["anonymised", "consent"] as const).map((value) => ({
          value,
          label: t(`childWork.basis.${value}`),
        }))}
        onChange={(basis) => set({ basis })}
        error={submit.fieldError("basis")}
      />
      {draft.basis === "consent" && (
        <TextField
          label={t("childWork.consentNote")}
          name="consentNote"
          value={draft.consentNote}
          onChange={(e) => set({ consentNote: e.target.value })}
          error={submit.fieldError("consentNote")}
        />
      )}
      <TextAreaField
        label={t("childWork.notes")}
        name="notes"
        value={draft.notes}
        onChange={(e) => set({ notes: e.target.value })}
        error={submit.fieldError("notes")}
      />
    </FormFrame>
  );
}
