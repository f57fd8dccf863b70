import { type FormEvent, useCallback, useId, useMemo, useRef, useState } from "react";
import type {
  AssessmentView,
  CaseView,
  InstrumentDefinitionView,
  InstrumentSummary,
} from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { useMorePages } from "../../hooks/useMorePages";
import { useInvalidate, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDateTimeShort, formatDay } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { SelectField } from "../../ui/Field";
import { LoadMore } from "../../ui/LoadMore";
import { ErrorSummary, Loading, StatusMessage } from "../../ui/Messages";
import { Loaded, QueryError } from "../../ui/QueryError";
import { AssessmentForm } from "./AssessmentForm";
import { levelLabel, mainDimension } from "./assessments-model";
import { CompletedAssessment } from "./CompletedAssessment";

/*
 * Riskbedömningar: structured risk assessments with an instrument (e.g. Farlighetsbedömning).
 * A draft is filled in from its instrument version's definition and saved as often as needed;
 * the server scores it and suggests a level. The professional then judges the level, with
 * reasons, and completes it: final from then on, shown in its own version's words.
 */

const titleId = "assessments-title";
const newTitleId = "assessment-new-title";
export const assessmentElementId = (id: string) => `assessment-${id}`;

export function AssessmentsPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const { state, pages, replace, reload } = useAssessmentList(record.id);
  const events = useAssessmentEvents(record.id, replace);
  const canWrite = record.abilities.change;

  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("assessments.title")}
      </h2>
      <StatusMessage message={events.message && t(events.message)} />
      <Loaded state={state}>
        {() =>
          pages.items.length === 0 ? (
            <p className="empty">{t("assessments.empty")}</p>
          ) : (
            <ol className="record-list" aria-label={t("assessments.listCaption")}>
              {pages.items.map((assessment) => (
                <li key={assessment.id} className="record-list__item">
                  <Assessment
                    caseId={record.id}
                    assessment={assessment}
                    canWrite={canWrite}
                    beforeChange={events.beforeChange}
                    onSaved={events.onSaved}
                    onCompleted={events.onCompleted}
                    onStale={reload}
                  />
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
      <LoadMore
        pages={pages}
        label={t("assessments.showOlder")}
        focusRow={(a) => events.focusLater(assessmentElementId(a.id))}
      />
      {canWrite && state.status === "ready" && (
        <NewAssessmentForm
          record={record}
          beforeSubmit={events.beforeChange}
          onStarted={events.onStarted}
        />
      )}
    </section>
  );
}

/** The case's assessments: the first page with the answer, older pages on request. */
function useAssessmentList(caseId: string) {
  const api = useApi();
  const query = useQuery(["case", caseId, "assessments"], (signal) =>
    api.assessments(caseId, signal),
  );
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
    (before: string) => api.assessmentHistory(caseId, before),
    [api, caseId],
  );
  const pages = useMorePages(firstPage, loadPage);

  function replace(view: AssessmentView) {
    const list = latest.current?.assessments ?? [];
    setData({
      assessments: list.some((a) => a.id === view.id)
        ? list.map((a) => (a.id === view.id ? view : a))
        : [view, ...list],
      nextCursor: latest.current?.nextCursor ?? null,
    });
  }

  return { state, pages, replace, reload };
}

/** What the panel says and where focus goes after a start, a save or a completion. */
function useAssessmentEvents(caseId: string, replace: (view: AssessmentView) => void) {
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const invalidate = useInvalidate();
  return {
    message,
    focusLater,
    beforeChange: () => setMessage(null),
    onSaved: (view: AssessmentView) => {
      replace(view);
      setMessage("assessments.saved");
    },
    onCompleted: (view: AssessmentView) => {
      replace(view);
      setMessage("assessments.completed");
      // The buttons pressed are gone: focus goes to the assessment as it now is.
      focusLater(assessmentElementId(view.id));
      // A completion changes the case's current risk level: read the case again.
      void invalidate(["case", caseId]);
    },
    onStarted: (view: AssessmentView) => {
      replace(view);
      setMessage("assessments.started");
      focusLater(assessmentElementId(view.id));
    },
  };
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
    ["instruments", record.caseType],
    async (signal) => (await api.instruments(record.caseType, signal)).instruments,
  );
  const submit = useSubmit(["instrumentId"]);
  const [instrumentId, setInstrumentId] = useState("");

  if (instruments.state.status === "loading") return <Loading />;
  if (instruments.state.status === "error") return <QueryError error={instruments.state.error} />;
  const list: InstrumentSummary[] = instruments.state.data;

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
            <InstrumentChoice
              list={list}
              value={instrumentId}
              onChange={setInstrumentId}
              error={submit.fieldError("instrumentId")}
            />
            <button type="submit" className="button" disabled={submit.pending}>
              {t("assessments.start")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}

/** The instrument to start with; its source note is read out when one is chosen. */
function InstrumentChoice({
  list,
  value,
  onChange,
  error,
}: {
  list: InstrumentSummary[];
  value: string;
  onChange: (instrumentId: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  const noteId = useId();
  const chosen = list.find((i) => i.id === value);
  return (
    <>
      <SelectField
        label={t("assessments.instrument")}
        name="instrumentId"
        value={value}
        aria-controls={noteId}
        onChange={(e) => onChange(e.target.value)}
        error={error}
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
    </>
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
  const definition = useQuery(["instrument", instrument.id, instrument.version], (signal) =>
    api.instrumentVersion(instrument.id, instrument.version, signal),
  );
  const def = definition.state.status === "ready" ? definition.state.data : null;
  const elementId = assessmentElementId(assessment.id);
  const title = t("assessments.itemTitle", {
    instrument: instrument.name,
    date: formatDay(assessment.assessedOn, lang),
  });
  const completed = assessment.status === "completed";

  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>
        {title}{" "}
        <span className={completed ? "badge" : "badge badge--draft"}>
          {t(completed ? "assessments.status.completed" : "assessments.status.draft")}
        </span>
      </h3>
      <AssessmentDetails assessment={assessment} def={def} />
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

/** The facts of one assessment: instrument, levels, due date and who did what when. */
function AssessmentDetails({
  assessment,
  def,
}: {
  assessment: AssessmentView;
  def: InstrumentDefinitionView | null;
}) {
  const { t, lang } = useT();
  const { instrument } = assessment;
  const completed = assessment.status === "completed";
  const judged = levelLabel(def, assessment.judgements?.[def ? mainDimension(def) : "risk"]);
  const suggested = levelLabel(def, assessment.result.suggestedLevel);
  return (
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
  );
}
