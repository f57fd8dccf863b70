import { type FormEvent, useCallback, useId, useMemo, useRef, useState } from "react";
import type {
  AssessmentView,
  CaseView,
  InstrumentDefinitionView,
  InstrumentSummary,
} from "../api/endpoints";
import { useApi } from "../auth/useAuth";
import { rejectWith } from "../hooks/rejectWith";
import { useChange } from "../hooks/useChange";
import { useFocusLater } from "../hooks/useFocusLater";
import { useMorePages } from "../hooks/useMorePages";
import { useQuery } from "../hooks/useQuery";
import { useSubmit } from "../hooks/useSubmit";
import { formatDateTimeShort, formatDay, localDateInput } from "../i18n/dates";
import type { PlainMessageKey } from "../i18n/messages";
import { useT } from "../i18n/useT";
import {
  type AssessmentDraft,
  answeredCount,
  answerText,
  assessmentFieldNames,
  checkCompletion,
  completeBody,
  draftOf,
  type FormAnswer,
  type Item,
  levelLabel,
  mainDimension,
  saveBody,
  type YesNoNotGiven,
  yesNoUnknownLabels,
} from "./assessments-model";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "./Field";
import { LoadMore } from "./LoadMore";
import { ErrorSummary, Loading, StatusMessage } from "./Messages";
import { QueryError } from "./QueryError";

/*
 * Riskbedömningar: structured risk assessments with an instrument (e.g. Farlighetsbedömning).
 * A draft is filled in from its instrument version's definition and saved as often as needed;
 * the server scores it and suggests a level. The professional then judges the level, with
 * reasons, and completes it: final from then on, shown in its own version's words.
 */

const titleId = "assessments-title";
const newTitleId = "assessment-new-title";
export const assessmentElementId = (id: string) => `assessment-${id}`;

type Definition = InstrumentDefinitionView;

export function AssessmentsPanel({
  record,
  onCompleted,
}: {
  record: CaseView;
  /** Told after a completion: the case's current risk level has changed. */
  onCompleted: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const query = useQuery(record.id, (signal) => api.assessments(record.id, signal));
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData, reload } = query;
  const data = state.status === "ready" ? state.data : null;
  const latest = useRef(data);
  latest.current = data;
  // Drafts and the newest completed come with the answer; "Visa äldre" the completed before.
  const firstPage = useMemo(
    () => (data ? { items: data.assessments, nextCursor: data.nextCursor } : null),
    [data],
  );
  const loadPage = useCallback(
    (before: string) => api.assessmentHistory(record.id, before),
    [api, record.id],
  );
  const pages = useMorePages(firstPage, loadPage);
  const canWrite = record.abilities.change;

  function replace(view: AssessmentView) {
    const list = latest.current?.assessments ?? [];
    setData({
      assessments: list.some((a) => a.id === view.id)
        ? list.map((a) => (a.id === view.id ? view : a))
        : [view, ...list],
      nextCursor: latest.current?.nextCursor ?? null,
    });
  }

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("assessments.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      {state.status === "loading" ? (
        <Loading />
      ) : state.status === "error" ? (
        <QueryError error={state.error} />
      ) : pages.items.length === 0 ? (
        <p className="empty">{t("assessments.empty")}</p>
      ) : (
        <ol className="record-list" aria-label={t("assessments.listCaption")}>
          {pages.items.map((assessment) => (
            <li key={assessment.id} className="record-list__item">
              <Assessment
                caseId={record.id}
                assessment={assessment}
                canWrite={canWrite}
                beforeChange={() => setMessage(null)}
                onSaved={(view) => {
                  replace(view);
                  setMessage("assessments.saved");
                }}
                onCompleted={(view) => {
                  replace(view);
                  setMessage("assessments.completed");
                  // The buttons pressed are gone: focus goes to the assessment as it now is.
                  focusLater(assessmentElementId(view.id));
                  onCompleted();
                }}
                onStale={reload}
              />
            </li>
          ))}
        </ol>
      )}
      <LoadMore
        pages={pages}
        label={t("assessments.showOlder")}
        focusRow={(a) => focusLater(assessmentElementId(a.id))}
      />
      {canWrite && state.status === "ready" && (
        <NewAssessmentForm
          record={record}
          beforeSubmit={() => setMessage(null)}
          onStarted={(view) => {
            replace(view);
            setMessage("assessments.started");
            focusLater(assessmentElementId(view.id));
          }}
        />
      )}
    </section>
  );
}

function NewAssessmentForm({
  record,
  beforeSubmit,
  onStarted,
}: {
  record: CaseView;
  beforeSubmit: () => void;
  onStarted: (view: AssessmentView) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const instruments = useQuery(
    record.caseType,
    async (signal) => (await api.instruments(record.caseType, signal)).instruments,
  );
  const submit = useSubmit(["instrumentId"]);
  const [instrumentId, setInstrumentId] = useState("");
  const noteId = useId();

  if (instruments.state.status === "loading") return <Loading />;
  if (instruments.state.status === "error") return <QueryError error={instruments.state.error} />;
  const list: InstrumentSummary[] = instruments.state.data;
  const chosen = list.find((i) => i.id === instrumentId);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    if (!instrumentId) return submit.reject({ instrumentId: t("assessments.chooseInstrument") });
    await submit.run(async () => {
      const view = await api.startAssessment(record.id, instrumentId);
      setInstrumentId("");
      onStarted(view);
    });
  }

  return (
    <div className="subsection">
      <h3 id={newTitleId}>{t("assessments.newTitle")}</h3>
      {list.length === 0 ? (
        <p className="empty">{t("assessments.noInstruments")}</p>
      ) : (
        <>
          <ErrorSummary errors={submit.errors} />
          <form className="form" aria-labelledby={newTitleId} onSubmit={handleSubmit} noValidate>
            <SelectField
              label={t("assessments.instrument")}
              name="instrumentId"
              value={instrumentId}
              aria-controls={noteId}
              onChange={(e) => setInstrumentId(e.target.value)}
              error={submit.fieldError("instrumentId")}
            >
              <option value="">{t("common.choose")}</option>
              {list.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </SelectField>
            <div id={noteId} aria-live="polite" className="source-note-region">
              {chosen && (
                <div className="notice source-note">
                  <p className="notice__title">{t("assessments.sourceNote")}</p>
                  <p className="source-note__text">{chosen.sourceNote}</p>
                </div>
              )}
            </div>
            <button type="submit" className="button" disabled={submit.pending}>
              {t("assessments.start")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

/** One assessment: its facts, then the form (a draft) or what was judged (completed). */
function Assessment({
  caseId,
  assessment,
  canWrite,
  beforeChange,
  onSaved,
  onCompleted,
  onStale,
}: {
  caseId: string;
  assessment: AssessmentView;
  canWrite: boolean;
  beforeChange: () => void;
  onSaved: (view: AssessmentView) => void;
  onCompleted: (view: AssessmentView) => void;
  onStale: () => void;
}) {
  const { t, lang } = useT();
  const api = useApi();
  const { instrument } = assessment;
  const definition = useQuery(`${instrument.id}@${instrument.version}`, (signal) =>
    api.instrumentVersion(instrument.id, instrument.version, signal),
  );
  const def = definition.state.status === "ready" ? definition.state.data : null;
  const elementId = assessmentElementId(assessment.id);
  const title = t("assessments.itemTitle", {
    instrument: instrument.name,
    date: formatDay(assessment.assessedOn, lang),
  });
  const completed = assessment.status === "completed";
  const judged = levelLabel(def, assessment.judgements?.[def ? mainDimension(def) : "risk"]);
  const suggested = levelLabel(def, assessment.result.suggestedLevel);

  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>
        {title}{" "}
        <span className={completed ? "badge" : "badge badge--draft"}>
          {t(completed ? "assessments.status.completed" : "assessments.status.draft")}
        </span>
      </h3>
      <dl className="details">
        <div>
          <dt>{t("assessments.instrument")}</dt>
          <dd>
            {t("assessments.instrumentVersion", {
              name: instrument.name,
              version: instrument.version,
            })}
          </dd>
        </div>
        {completed && (
          <div>
            <dt>{t("assessments.professionalLevel")}</dt>
            <dd className="assessment__level">{judged ?? t("common.notGiven")}</dd>
          </div>
        )}
        <div>
          <dt>{t("assessments.suggestedLevel")}</dt>
          <dd>{suggested ?? t("assessments.noSuggestion")}</dd>
        </div>
        {assessment.reassessDue && (
          <div>
            <dt>{t("assessments.reassessDue")}</dt>
            <dd>{formatDay(assessment.reassessDue, lang)}</dd>
          </div>
        )}
        <div>
          <dt>{t("assessments.startedBy")}</dt>
          <dd>{assessment.createdBy}</dd>
        </div>
        {completed && assessment.completedAt && (
          <div>
            <dt>{t("assessments.completedBy")}</dt>
            <dd>
              {t("assessments.byAt", {
                name: assessment.completedBy ?? t("common.notGiven"),
                time: formatDateTimeShort(assessment.completedAt, lang),
              })}
            </dd>
          </div>
        )}
      </dl>
      {definition.state.status === "loading" ? (
        <Loading />
      ) : definition.state.status === "error" ? (
        <QueryError error={definition.state.error} />
      ) : completed || !canWrite ? (
        <CompletedAssessment def={definition.state.data} assessment={assessment} title={title} />
      ) : (
        <AssessmentForm
          caseId={caseId}
          def={definition.state.data}
          assessment={assessment}
          beforeChange={beforeChange}
          onSaved={onSaved}
          onCompleted={onCompleted}
          onStale={onStale}
        />
      )}
    </article>
  );
}

/** Scores, flags and the suggested level, as the server computed them from the saved answers. */
function ScoreSummary({ result, def }: { result: AssessmentView["result"]; def: Definition }) {
  const { t } = useT();
  const headingId = useId();
  const suggested = levelLabel(def, result.suggestedLevel);
  return (
    <section className="assessment-summary" aria-labelledby={headingId}>
      <h4 id={headingId}>{t("assessments.summaryTitle")}</h4>
      <dl className="details">
        {result.scores.map((score) => (
          <div key={score.id}>
            <dt>{score.label}</dt>
            <dd>{score.value}</dd>
          </div>
        ))}
        {result.flags.map((flag) => (
          <div key={flag.id}>
            <dt>{flag.label}</dt>
            <dd>{t(flag.raised ? "assessments.flagRaised" : "assessments.flagNotRaised")}</dd>
          </div>
        ))}
      </dl>
      <p className="assessment-summary__suggestion">
        {suggested
          ? t("assessments.suggestedLine", { level: suggested })
          : t("assessments.noSuggestion")}
      </p>
    </section>
  );
}

/** A completed assessment, read-only: the summary, the judgement, the reasons and the answers. */
function CompletedAssessment({
  def,
  assessment,
  title,
}: {
  def: Definition;
  assessment: AssessmentView;
  title: string;
}) {
  const { t, lang } = useT();
  const [showAnswers, setShowAnswers] = useState(false);
  const answersId = useId();
  const yesNo = (value: boolean | null) =>
    value === null ? t("common.notGiven") : t(value ? "common.yes" : "common.no");
  return (
    <>
      <ScoreSummary result={assessment.result} def={def} />
      <dl className="text-sections">
        {assessment.status === "completed" &&
          def.judgement.dimensions.map((dim) => (
            <div key={dim.value}>
              <dt>{def.judgement.dimensions.length > 1 ? dim.label : t("assessments.level")}</dt>
              <dd>{levelLabel(def, assessment.judgements?.[dim.value]) ?? t("common.notGiven")}</dd>
            </div>
          ))}
        {assessment.status === "completed" && (
          <div>
            <dt>{t("assessments.reasons")}</dt>
            <dd className="multiline">{assessment.reasons || t("common.notGiven")}</dd>
          </div>
        )}
        <div>
          <dt>{t("assessments.assessedOn")}</dt>
          <dd>{formatDay(assessment.assessedOn, lang)}</dd>
        </div>
        <div>
          <dt>{t("assessments.clientPresent")}</dt>
          <dd>{yesNo(assessment.clientPresent)}</dd>
        </div>
        <div>
          <dt>{t("assessments.interpreterUsed")}</dt>
          <dd>{yesNo(assessment.interpreterUsed)}</dd>
        </div>
      </dl>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-expanded={showAnswers}
        aria-controls={answersId}
        onClick={() => setShowAnswers((s) => !s)}
      >
        {t(showAnswers ? "assessments.hideAnswers" : "assessments.showAnswers")}
        <span className="visually-hidden">{t("assessments.answersFor", { title })}</span>
      </button>
      <div id={answersId} className="assessment-answers" hidden={!showAnswers}>
        {showAnswers &&
          def.sections.map((section) => (
            <section
              key={section.id}
              aria-labelledby={`${answersId}-${section.id}`}
              className="assessment-answers__section"
            >
              <h4 id={`${answersId}-${section.id}`}>{section.title}</h4>
              <dl className="text-sections">
                {section.items.map((item) => {
                  const text = answerText(item, assessment.answers[item.id], t);
                  return (
                    <div key={item.id}>
                      <dt>{item.label}</dt>
                      <dd className={item.type === "text" ? "multiline" : undefined}>
                        {text ?? <span className="muted">{t("assessments.notAnswered")}</span>}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </section>
          ))}
      </div>
    </>
  );
}

function AssessmentForm({
  caseId,
  def,
  assessment,
  beforeChange,
  onSaved,
  onCompleted,
  onStale,
}: {
  caseId: string;
  def: Definition;
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
function SectionFieldset({
  formId,
  section,
  answers,
  onAnswer,
  fieldError,
}: {
  formId: string;
  section: Definition["sections"][number];
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

/** One item, by its type: radios, a date, a number, a text or checkboxes. */
function ItemField({
  name,
  item,
  label,
  value,
  onChange,
  error,
}: {
  name: string;
  item: Item;
  label: string;
  value: FormAnswer;
  onChange: (value: FormAnswer) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  const text = typeof value === "string" ? value : "";
  switch (item.type) {
    case "yes_no_unknown":
      return (
        <RadioGroupField
          label={label}
          hint={item.help}
          name={name}
          value={text}
          options={(["yes", "no", "unknown"] as const).map((v) => ({
            value: v,
            label: t(yesNoUnknownLabels[v]),
          }))}
          onChange={onChange}
          error={error}
        />
      );
    case "scale":
    case "frequency":
      return (
        <RadioGroupField
          label={label}
          hint={item.help}
          name={name}
          value={text}
          inline={false}
          options={item.steps.map((s) => ({ value: String(s.value), label: s.label }))}
          onChange={onChange}
          error={error}
        />
      );
    case "date":
      return (
        <TextField
          label={label}
          hint={item.help}
          name={name}
          type="date"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
    case "number":
      return (
        <TextField
          label={label}
          hint={item.help}
          name={name}
          inputMode="decimal"
          min={item.min}
          max={item.max}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
    case "text":
      return (
        <TextAreaField
          label={label}
          hint={item.help}
          name={name}
          rows={3}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
    case "multi_choice":
      return (
        <CheckboxGroupField
          label={label}
          hint={item.help}
          name={name}
          value={typeof value === "string" ? [] : value}
          options={item.options}
          onChange={onChange}
          error={error}
        />
      );
  }
}

/** Several choices: checkboxes in a fieldset whose legend asks the question (as RadioGroupField). */
function CheckboxGroupField({
  label,
  hint,
  error,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  hint: string | undefined;
  error: string | undefined;
  name: string;
  value: readonly string[];
  options: readonly { value: string; label: string }[];
  onChange: (value: readonly string[]) => void;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <fieldset
      className={error ? "field field--group field--invalid" : "field field--group"}
      aria-describedby={describedBy || undefined}
    >
      <legend className="field__label">{label}</legend>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="field__choices">
        {options.map((option) => (
          <div key={option.value} className="field__choice">
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              checked={value.includes(option.value)}
              aria-invalid={error ? true : undefined}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? [...value, option.value]
                    : value.filter((v) => v !== option.value),
                )
              }
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
