import { type FormEvent, useId, useMemo, useState } from "react";
import type { AssessmentView, InstrumentDefinitionView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { DateField } from "../../ui/DateField";
import { RadioGroupField, TextAreaField } from "../../ui/Field";
import { ErrorSummary } from "../../ui/Messages";
import { ItemField } from "./AssessmentItemFields";
import {
  type AssessmentDraft,
  answeredCount,
  assessmentFieldNames,
  checkCompletion,
  completeBody,
  draftOf,
  type FormAnswer,
  levelLabel,
  saveBody,
  type YesNoNotGiven,
} from "./assessments-model";
import { ScoreSummary } from "./CompletedAssessment";

type AssessmentFormProps = {
  caseId: string;
  def: InstrumentDefinitionView;
  assessment: AssessmentView;
  beforeChange: () => void;
  onSaved: (view: AssessmentView) => void;
  onCompleted: (view: AssessmentView) => void;
  onStale: () => void;
};

type SetDraft = (changes: Partial<AssessmentDraft>) => void;
type FieldError = (name: string) => string | undefined;

export function AssessmentForm(props: AssessmentFormProps) {
  const { def, assessment } = props;
  const { t } = useT();
  const [draft, setDraft] = useState<AssessmentDraft>(() => draftOf(def, assessment));
  // The summary is the server's, for the answers last saved; edits since make it stale.
  const [changed, setChanged] = useState(false);
  const { submit, handleSave, complete } = useAssessmentCommands(props, draft, setChanged);
  const ids = { form: useId(), intro: useId() };
  const count = answeredCount(def, draft);

  function setAnswer(itemId: string, value: FormAnswer) {
    setDraft((d) => ({ ...d, answers: { ...d.answers, [itemId]: value } }));
    setChanged(true);
  }
  const set: SetDraft = (changes) => setDraft((d) => ({ ...d, ...changes }));

  return (
    <>
      <ErrorSummary errors={submit.errors} />
      <form
        className="form form--wide assessment-form"
        aria-label={t("assessments.formLabel", { instrument: def.name })}
        aria-describedby={ids.intro}
        onSubmit={handleSave}
        noValidate
      >
        <p id={ids.intro} className="field__hint">
          {t("assessments.formIntro")}
        </p>
        <AssessmentFacts formId={ids.form} draft={draft} set={set} fieldError={submit.fieldError} />
        {def.sections.map((section) => (
          <SectionFieldset
            key={section.id}
            formId={ids.form}
            section={section}
            answers={draft.answers}
            onAnswer={setAnswer}
            fieldError={submit.fieldError}
          />
        ))}
        <p className="muted">{t("assessments.answered", count)}</p>
        <SaveAction pending={submit.pending} />
        <ScoreSummary result={assessment.result} def={def} />
        {changed && <p className="field__hint">{t("assessments.summaryStale")}</p>}
        <JudgementFieldset
          formId={ids.form}
          def={def}
          assessment={assessment}
          draft={draft}
          set={set}
          fieldError={submit.fieldError}
        />
        <CompleteAction pending={submit.pending} onComplete={complete} />
      </form>
    </>
  );
}

function SaveAction({ pending }: { pending: boolean }) {
  const { t } = useT();
  return (
    <div className="form__actions">
      {/* aria-disabled, not disabled: a disabled button loses the keyboard's focus. */}
      <button
        type="submit"
        className="button button--secondary"
        aria-disabled={pending || undefined}
      >
        {t("assessments.save")}
      </button>
    </div>
  );
}

/** Completing is final: the button is described by the hint that says so. */
function CompleteAction({ pending, onComplete }: { pending: boolean; onComplete: () => void }) {
  const { t } = useT();
  const hintId = useId();
  return (
    <>
      <div className="form__actions">
        <button
          type="button"
          className="button"
          aria-describedby={hintId}
          aria-disabled={pending || undefined}
          onClick={onComplete}
        >
          {t("assessments.complete")}
        </button>
      </div>
      <p id={hintId} className="field__hint">
        {t("assessments.completeHint")}
      </p>
    </>
  );
}

/** Saving the draft and completing it: both check the draft first, then send it. */
function useAssessmentCommands(
  { caseId, def, assessment, beforeChange, onSaved, onCompleted, onStale }: AssessmentFormProps,
  draft: AssessmentDraft,
  setChanged: (changed: boolean) => void,
) {
  const { t } = useT();
  const api = useApi();
  const fieldNames = useMemo(() => assessmentFieldNames(def), [def]);
  const { submit, run: change } = useChange(fieldNames, { beforeChange, onStale });

  async function handleSave(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = saveBody(def, draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    const ok = await change(async () => {
      onSaved(await api.saveAssessment(caseId, assessment.id, checked.body));
    });
    if (ok) setChanged(false);
  }

  async function complete() {
    beforeChange();
    const checked = saveBody(def, draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    const missing = checkCompletion(def, draft);
    if (Object.keys(missing).length > 0) return rejectWith(submit, missing, t);
    await change(async () => {
      await api.saveAssessment(caseId, assessment.id, checked.body);
      setChanged(false);
      onCompleted(await api.completeAssessment(caseId, assessment.id, completeBody(def, draft)));
    });
  }

  return { submit, handleSave, complete };
}

/** The facts of the meeting: when it was assessed, and who was there. */
function AssessmentFacts({
  formId,
  draft,
  set,
  fieldError,
}: {
  formId: string;
  draft: AssessmentDraft;
  set: SetDraft;
  fieldError: FieldError;
}) {
  const { t } = useT();
  const yesNoOptions: { value: YesNoNotGiven; label: string }[] = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
    { value: "not_given", label: t("common.notGiven") },
  ];
  return (
    <div className="assessment-form__facts">
      <DateField
        label={t("assessments.assessedOn")}
        name="assessedOn"
        max={localDateInput(new Date())}
        value={draft.assessedOn}
        onChange={(value) => set({ assessedOn: value })}
        error={fieldError("assessedOn")}
      />
      <RadioGroupField
        label={t("assessments.clientPresent")}
        name={`${formId}-clientPresent`}
        value={draft.clientPresent}
        options={yesNoOptions}
        onChange={(clientPresent) => set({ clientPresent })}
      />
      <RadioGroupField
        label={t("assessments.interpreterUsed")}
        name={`${formId}-interpreterUsed`}
        value={draft.interpreterUsed}
        options={yesNoOptions}
        onChange={(interpreterUsed) => set({ interpreterUsed })}
      />
    </div>
  );
}

/** The professional's own judgement: a level per dimension, with reasons. */
function JudgementFieldset({
  formId,
  def,
  assessment,
  draft,
  set,
  fieldError,
}: {
  formId: string;
  def: InstrumentDefinitionView;
  assessment: AssessmentView;
  draft: AssessmentDraft;
  set: SetDraft;
  fieldError: FieldError;
}) {
  const { t } = useT();
  const suggested = levelLabel(def, assessment.result.suggestedLevel);
  const levelOptions = def.judgement.levels.map((l) => ({ value: l.value, label: l.label }));
  return (
    <fieldset className="fieldset assessment-judgement">
      <legend>{t("assessments.judgementTitle")}</legend>
      <p className="field__hint">{t("assessments.judgementHint")}</p>
      {def.judgement.dimensions.map((dim) => (
        <RadioGroupField
          key={dim.value}
          label={def.judgement.dimensions.length > 1 ? dim.label : t("assessments.level")}
          hint={suggested ? t("assessments.suggestedLine", { level: suggested }) : undefined}
          name={`${formId}-judgements.${dim.value}`}
          value={draft.judgements[dim.value] ?? ""}
          options={levelOptions}
          onChange={(level) => set({ judgements: { ...draft.judgements, [dim.value]: level } })}
          error={fieldError(`judgements.${dim.value}`)}
        />
      ))}
      <TextAreaField
        label={t("assessments.reasons")}
        hint={t(
          def.judgement.reasonsRequired
            ? "assessments.reasonsHintRequired"
            : "assessments.reasonsHintOptional",
        )}
        name="reasons"
        rows={5}
        value={draft.reasons}
        onChange={(e) => set({ reasons: e.target.value })}
        error={fieldError("reasons")}
      />
    </fieldset>
  );
}

/** One section of the instrument: a fieldset whose legend is its title, its help, its items. */
export function SectionFieldset({
  formId,
  section,
  answers,
  onAnswer,
  fieldError,
}: {
  formId: string;
  section: InstrumentDefinitionView["sections"][number];
  answers: AssessmentDraft["answers"];
  onAnswer: (itemId: string, value: FormAnswer) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const { t } = useT();
  const helpId = useId();
  return (
    <fieldset
      className="fieldset assessment-section"
      aria-describedby={section.help ? helpId : undefined}
    >
      <legend>{section.title}</legend>
      {section.help && (
        <p id={helpId} className="field__hint">
          {section.help}
        </p>
      )}
      {section.items.map((item) => (
        <ItemField
          key={item.id}
          name={`${formId}-${item.id}`}
          item={item}
          label={item.required ? t("assessments.required", { label: item.label }) : item.label}
          value={answers[item.id] ?? (item.type === "multi_choice" ? [] : "")}
          onChange={(value) => onAnswer(item.id, value)}
          error={fieldError(`answers.${item.id}`)}
        />
      ))}
    </fieldset>
  );
}
