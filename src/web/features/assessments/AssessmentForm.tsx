import { type FormEvent, useId, useMemo, useState } from "react";
import type { AssessmentView, InstrumentDefinitionView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useChange } from "../../hooks/useChange";
import { localDateInput } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { RadioGroupField, TextAreaField, TextField } from "../../ui/Field";
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

export function AssessmentForm({
  caseId,
  def,
  assessment,
  beforeChange,
  onSaved,
  onCompleted,
  onStale,
}: {
  caseId: string;
  def: InstrumentDefinitionView;
  assessment: AssessmentView;
  beforeChange: () => void;
  onSaved: (view: AssessmentView) => void;
  onCompleted: (view: AssessmentView) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const fieldNames = useMemo(() => assessmentFieldNames(def), [def]);
  const { submit, run: change } = useChange(fieldNames, { beforeChange, onStale });
  const [draft, setDraft] = useState<AssessmentDraft>(() => draftOf(def, assessment));
  // The summary is the server's, for the answers last saved; edits since make it stale.
  const [changed, setChanged] = useState(false);
  const ids = { form: useId(), intro: useId(), completeHint: useId() };
  const count = answeredCount(def, draft);
  const suggested = levelLabel(def, assessment.result.suggestedLevel);

  function setAnswer(itemId: string, value: FormAnswer) {
    setDraft((d) => ({ ...d, answers: { ...d.answers, [itemId]: value } }));
    setChanged(true);
  }
  const set = (changes: Partial<AssessmentDraft>) => setDraft((d) => ({ ...d, ...changes }));

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

  const yesNoOptions: { value: YesNoNotGiven; label: string }[] = [
    { value: "yes", label: t("common.yes") },
    { value: "no", label: t("common.no") },
    { value: "not_given", label: t("common.notGiven") },
  ];
  const levelOptions = def.judgement.levels.map((l) => ({ value: l.value, label: l.label }));
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
        <div className="assessment-form__facts">
          <TextField
            label={t("assessments.assessedOn")}
            name="assessedOn"
            type="date"
            max={localDateInput(new Date())}
            value={draft.assessedOn}
            onChange={(e) => set({ assessedOn: e.target.value })}
            error={submit.fieldError("assessedOn")}
          />
          <RadioGroupField
            label={t("assessments.clientPresent")}
            name={`${ids.form}-clientPresent`}
            value={draft.clientPresent}
            options={yesNoOptions}
            onChange={(clientPresent) => set({ clientPresent })}
          />
          <RadioGroupField
            label={t("assessments.interpreterUsed")}
            name={`${ids.form}-interpreterUsed`}
            value={draft.interpreterUsed}
            options={yesNoOptions}
            onChange={(interpreterUsed) => set({ interpreterUsed })}
          />
        </div>
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
        <div className="form__actions">
          {/* aria-disabled, not disabled: a disabled button loses the keyboard's focus. */}
          <button
            type="submit"
            className="button button--secondary"
            aria-disabled={submit.pending || undefined}
          >
            {t("assessments.save")}
          </button>
        </div>
        <ScoreSummary result={assessment.result} def={def} />
        {changed && <p className="field__hint">{t("assessments.summaryStale")}</p>}
        <fieldset className="fieldset assessment-judgement">
          <legend>{t("assessments.judgementTitle")}</legend>
          <p className="field__hint">{t("assessments.judgementHint")}</p>
          {def.judgement.dimensions.map((dim) => (
            <RadioGroupField
              key={dim.value}
              label={def.judgement.dimensions.length > 1 ? dim.label : t("assessments.level")}
              hint={suggested ? t("assessments.suggestedLine", { level: suggested }) : undefined}
              name={`${ids.form}-judgements.${dim.value}`}
              value={draft.judgements[dim.value] ?? ""}
              options={levelOptions}
              onChange={(level) => set({ judgements: { ...draft.judgements, [dim.value]: level } })}
              error={submit.fieldError(`judgements.${dim.value}`)}
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
            error={submit.fieldError("reasons")}
          />
        </fieldset>
        <div className="form__actions">
          <button
            type="button"
            className="button"
            aria-describedby={ids.completeHint}
            aria-disabled={submit.pending || undefined}
            onClick={complete}
          >
            {t("assessments.complete")}
          </button>
        </div>
        <p id={ids.completeHint} className="field__hint">
          {t("assessments.completeHint")}
        </p>
      </form>
    </>
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
