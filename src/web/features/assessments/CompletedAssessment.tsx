import { useId, useState } from "react";
import type { AssessmentView, InstrumentDefinitionView } from "../../api/endpoints";
import { formatDay } from "../../i18n/dates";
import { useT } from "../../i18n/useT";
import { answerText, levelLabel } from "./assessments-model";

/** Scores, flags and the suggested level, as the server computed them from the saved answers. */
export function ScoreSummary({
  result,
  def,
}: {
  result: AssessmentView["result"];
  def: InstrumentDefinitionView;
}) {
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
export function CompletedAssessment({
  def,
  assessment,
  title,
}: {
  def: InstrumentDefinitionView;
  assessment: AssessmentView;
  title: string;
}) {
  const { t } = useT();
  const [showAnswers, setShowAnswers] = useState(false);
  const answersId = useId();
  return (
    <>
      <ScoreSummary result={assessment.result} def={def} />
      <JudgementFacts def={def} assessment={assessment} />
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
            <AnsweredSection
              key={section.id}
              headingId={`${answersId}-${section.id}`}
              section={section}
              answers={assessment.answers}
            />
          ))}
      </div>
    </>
  );
}

/** What was judged (once completed) and the facts of the meeting. */
function JudgementFacts({
  def,
  assessment,
}: {
  def: InstrumentDefinitionView;
  assessment: AssessmentView;
}) {
  const { t, lang } = useT();
  const yesNo = (value: boolean | null) =>
    value === null ? t("common.notGiven") : t(value ? "common.yes" : "common.no");
  return (
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
  );
}

/** One section's answers, in the instrument version's own words. */
function AnsweredSection({
  headingId,
  section,
  answers,
}: {
  headingId: string;
  section: InstrumentDefinitionView["sections"][number];
  answers: AssessmentView["answers"];
}) {
  const { t } = useT();
  return (
    <section aria-labelledby={headingId} className="assessment-answers__section">
      <h4 id={headingId}>{section.title}</h4>
      <dl className="text-sections">
        {section.items.map((item) => {
          const text = answerText(item, answers[item.id], t);
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
  );
}
