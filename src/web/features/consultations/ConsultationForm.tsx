import { type FormEvent, useId, useState } from "react";
import {
  askerOrganisationKinds,
  consultationStages,
  consultationTopics,
  followUps,
} from "../../../shared/api/consultations";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useSubmit } from "../../hooks/useSubmit";
import { localDateTimeInputs } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { DateField, DateTimeField } from "../../ui/DateField";
import {
  CheckboxField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
} from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import type { ConsultationView } from "./api";
import {
  type ConsultationDraft,
  checkConsultation,
  consultationFields,
  emptyConsultation,
} from "./consultation-form-model";
import { SaveWithNamesCheck, useNamesCheck } from "./NamesCheck";

type Units = readonly { id: string; name: string }[];

/** The draft and its sending; once saved, the form starts over for the next consultation. */
function useConsultationForm(units: Units, onSaved: (saved: ConsultationView) => void) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(consultationFields);
  const [draft, setDraft] = useState<ConsultationDraft>(() =>
    emptyConsultation(
      units.length === 1 ? (units[0]?.id ?? "") : "",
      localDateTimeInputs(new Date()),
    ),
  );
  const names = useNamesCheck();
  const set = (changes: Partial<ConsultationDraft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    names.changed();
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkConsultation(draft, names.confirmNames);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(() =>
      names.send(async () => {
        onSaved(await api.logConsultation(checked.body));
        setDraft((d) => emptyConsultation(d.unitId, localDateTimeInputs(new Date())));
      }),
    );
  }
  return { submit, names, draft, set, handleSubmit };
}

/**
 * Ny konsultation. The log never names the individual: the shared schema refuses an identity
 * number before sending; a name is noticed by the server (422 names_to_confirm), whose
 * message shows by the field, and the form then asks for a confirmation before it saves.
 */
export function ConsultationForm({
  units,
  onSaved,
}: {
  units: Units;
  onSaved: (saved: ConsultationView) => void;
}) {
  const { t } = useT();
  const { submit, names, draft, set, handleSubmit } = useConsultationForm(units, onSaved);
  const titleId = `${useId()}-title`;
  const part = { draft, set, fieldError: submit.fieldError };
  return (
    <div className="consultation-form">
      <h2 id={titleId}>{t("consultations.form.title")}</h2>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide"
        aria-labelledby={titleId}
        onSubmit={handleSubmit}
        noValidate
      >
        {units.length > 1 && <UnitField units={units} {...part} />}
        <DateTimeField
          label={t("consultations.form.when")}
          dateLabel={t("consultations.form.date")}
          timeLabel={t("consultations.form.time")}
          name="occurred"
          date={draft.date}
          time={draft.time}
          onDateChange={(date) => set({ date })}
          onTimeChange={(time) => set({ time })}
          error={submit.fieldError("occurredAt")}
        />
        <WhoAsked {...part} />
        <TopicsAndStage {...part} />
        <QuestionAndAdvice {...part} />
        <FollowUpFields {...part} />
        <SaveWithNamesCheck check={names} pending={submit.pending} texts="consultations.form" />
      </form>
    </div>
  );
}

interface PartProps {
  draft: ConsultationDraft;
  set: (changes: Partial<ConsultationDraft>) => void;
  fieldError: (name: string) => string | undefined;
}

function WhoAsked({ draft, set, fieldError }: PartProps) {
  const { t } = useT();
  return (
    <fieldset className="fieldset form__group">
      <legend>{t("consultations.form.whoAsked")}</legend>
      <p className="field__hint">{t("consultations.form.whoAskedHint")}</p>
      <SelectField
        label={t("consultations.form.kind")}
        name="askerOrganisationKind"
        value={draft.askerOrganisationKind}
        onChange={(e) =>
          set({
            askerOrganisationKind: e.target.value as ConsultationDraft["askerOrganisationKind"],
          })
        }
        error={fieldError("askerOrganisationKind")}
      >
        <option value="" />
        {askerOrganisationKinds.map((k) => (
          <option key={k} value={k}>
            {t(`consultations.kind.${k}` as PlainMessageKey)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("consultations.form.organisationName")}
        hint={t("consultations.form.organisationNameHint")}
        name="askerOrganisationName"
        value={draft.askerOrganisationName}
        onChange={(e) => set({ askerOrganisationName: e.target.value })}
        error={fieldError("askerOrganisationName")}
      />
      <TextField
        label={t("consultations.form.municipality")}
        name="municipality"
        value={draft.municipality}
        onChange={(e) => set({ municipality: e.target.value })}
        error={fieldError("municipality")}
      />
      <TextField
        label={t("consultations.form.role")}
        hint={t("consultations.form.roleHint")}
        name="askerRole"
        value={draft.askerRole}
        onChange={(e) => set({ askerRole: e.target.value })}
        error={fieldError("askerRole")}
      />
    </fieldset>
  );
}

function FollowUpFields({ draft, set, fieldError }: PartProps) {
  const { t } = useT();
  return (
    <>
      <RadioGroupField
        label={t("consultations.form.followUp")}
        name="followUp"
        value={draft.followUp}
        options={followUps.map((value) => ({
          value,
          label: t(`consultations.form.followUp.${value}` as PlainMessageKey),
        }))}
        onChange={(followUp) => set({ followUp })}
        error={fieldError("followUp")}
      />
      {draft.followUp !== "none" && (
        <DateField
          label={t("consultations.form.followUpOn")}
          name="followUpOn"
          value={draft.followUpOn}
          onChange={(followUpOn) => set({ followUpOn })}
          error={fieldError("followUpOn")}
        />
      )}
    </>
  );
}

function UnitField({ units, draft, set, fieldError }: PartProps & { units: Units }) {
  const { t } = useT();
  return (
    <SelectField
      label={t("consultations.unit")}
      name="unitId"
      value={draft.unitId}
      onChange={(e) => set({ unitId: e.target.value })}
      error={fieldError("unitId")}
    >
      <option value="" />
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </SelectField>
  );
}

function TopicsAndStage({ draft, set, fieldError }: PartProps) {
  const { t } = useT();
  const toggleTopic = (topic: (typeof consultationTopics)[number], on: boolean) =>
    set({ topics: on ? [...draft.topics, topic] : draft.topics.filter((x) => x !== topic) });
  return (
    <>
      <fieldset className="fieldset form__group">
        <legend>{t("consultations.form.topics")}</legend>
        {fieldError("topics") && <p className="field__error">{fieldError("topics")}</p>}
        {consultationTopics.map((topic) => (
          <CheckboxField
            key={topic}
            label={t(`consultations.topic.${topic}` as PlainMessageKey)}
            name="topics"
            checked={draft.topics.includes(topic)}
            onChange={(e) => toggleTopic(topic, e.target.checked)}
          />
        ))}
      </fieldset>
      <RadioGroupField
        label={t("consultations.form.stage")}
        name="stage"
        value={draft.stage}
        options={consultationStages.map((value) => ({
          value,
          label: t(`consultations.stage.${value}` as PlainMessageKey),
        }))}
        onChange={(stage) => set({ stage })}
        error={fieldError("stage")}
        inline={false}
      />
    </>
  );
}

function QuestionAndAdvice({ draft, set, fieldError }: PartProps) {
  const { t } = useT();
  return (
    <>
      <TextField
        label={t("consultations.form.minutes")}
        name="minutes"
        inputMode="numeric"
        value={draft.minutes}
        onChange={(e) => set({ minutes: e.target.value })}
        error={fieldError("minutes")}
      />
      <TextAreaField
        label={t("consultations.form.question")}
        hint={t("consultations.form.questionHint")}
        name="question"
        rows={4}
        value={draft.question}
        onChange={(e) => set({ question: e.target.value })}
        error={fieldError("question")}
      />
      <TextAreaField
        label={t("consultations.form.advice")}
        name="advice"
        value={draft.advice}
        onChange={(e) => set({ advice: e.target.value })}
        error={fieldError("advice")}
      />
    </>
  );
}
