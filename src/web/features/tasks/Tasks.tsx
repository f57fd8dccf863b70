import { type FormEvent, useId, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import type { CaseTask, CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { rejectWith } from "../../hooks/rejectWith";
import { useFocusLater } from "../../hooks/useFocusLater";
import { type Query, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import { formatDate, formatDateTimeShort, formatDay, localDateInput } from "../../i18n/dates";
import { taskKindLabels } from "../../i18n/labels";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { TextAreaField, TextField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { isTaskOverdue } from "../decisions/decisions-model";
import {
  addedTask,
  type CompleteDraft,
  checkCompletion,
  completeFields,
  emptyCompleteDraft,
  needsReport,
} from "./tasks-model";

/*
 * Uppgifter: work a rule has put on the case, e.g. an adult's investigation found that the
 * children in the household witnessed violence, so they must be reported to (or assessed
 * by) the children's unit. Done with a note of what was done; a report of concern about a
 * child also with the report as made (date, receiving unit, reference). Whoever works the
 * partner-contact case (either side) may raise a concern for a child, which puts such a task
 * on it. Without tasks the panel is there only for those who may raise a concern; overdue is
 * said in words, not by colour alone.
 */

const titleId = "tasks-title";
const taskElementId = (taskId: string) => `task-${taskId}`;

/**
 * The case's tasks, under ["case", id, "tasks"]: saving the investigation may put a task on
 * the case, so Utredning invalidates this key.
 */
export function useCaseTasks(caseId: string): Query<CaseTask[]> {
  const api = useApi();
  return useQuery(
    ["case", caseId, "tasks"],
    async (signal) => (await api.tasks(caseId, signal)).tasks,
  );
}

export function TasksPanel({ record }: { record: CaseView }) {
  const { t } = useT();
  const tasks = useCaseTasks(record.id);
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData, reload } = tasks;
  const latest = useRef(state.status === "ready" ? state.data : null);
  latest.current = state.status === "ready" ? state.data : null;
  // A concern for a child is raised here on either side of partner contact (seed 004);
  // social services' own cases have their own way (a report of concern to Barn och unga).
  const canRaiseConcern =
    (record.caseType === "perpetrator" || record.caseType === "partner_contact") &&
    record.abilities.change;

  // Nothing to show while loading, after an error, or without tasks (unless a concern may
  // be raised here): the panel is optional.
  if (state.status !== "ready" || (state.data.length === 0 && !canRaiseConcern)) return null;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("tasks.title")}
      </h2>
      <StatusMessage message={message && t(message)} />
      {state.data.length === 0 && <p className="empty">{t("tasks.empty")}</p>}
      {state.data.length > 0 && (
        <ul className="record-list" aria-label={t("tasks.listCaption")}>
          {state.data.map((task) => (
            <li key={task.id} className="record-list__item">
              <Task
                caseId={record.id}
                task={task}
                beforeChange={() => setMessage(null)}
                onCompleted={(done) => {
                  setData((latest.current ?? []).map((x) => (x.id === done.id ? done : x)));
                  setMessage("tasks.completed");
                  focusLater(taskElementId(done.id));
                }}
                onStale={reload}
              />
            </li>
          ))}
        </ul>
      )}
      {canRaiseConcern && (
        <ChildConcernForm
          caseId={record.id}
          beforeSubmit={() => setMessage(null)}
          onRaised={(list) => {
            const added = addedTask(latest.current ?? [], list);
            setData(list);
            setMessage("tasks.concernRaised");
            focusLater(added ? taskElementId(added.id) : titleId);
          }}
        />
      )}
    </section>
  );
}

function Task({
  caseId,
  task,
  beforeChange,
  onCompleted,
  onStale,
}: {
  caseId: string;
  task: CaseTask;
  beforeChange: () => void;
  onCompleted: (task: CaseTask) => void;
  onStale: () => void;
}) {
  const { t, lang } = useT();
  const elementId = taskElementId(task.id);
  const overdue = isTaskOverdue(task, new Date());
  return (
    <article id={elementId} tabIndex={-1} aria-labelledby={`${elementId}-title`}>
      <h3 id={`${elementId}-title`}>{t(taskKindLabels[task.kind])}</h3>
      {task.concern && (
        <dl className="text-sections">
          <div>
            <dt>{t("tasks.concern")}</dt>
            <dd className="multiline">{task.concern}</dd>
          </div>
        </dl>
      )}
      <dl className="details">
        <div>
          <dt>{t("tasks.due")}</dt>
          <dd>
            {overdue && <span className="badge badge--overdue">{t("tasks.overdue")}</span>}{" "}
            {formatDate(task.due, lang)}
          </dd>
        </div>
        <div>
          <dt>{t("tasks.created")}</dt>
          <dd>
            {task.createdBy
              ? t("tasks.byAt", {
                  name: task.createdBy,
                  time: formatDateTimeShort(task.createdAt, lang),
                })
              : t("tasks.byRule", { time: formatDateTimeShort(task.createdAt, lang) })}
          </dd>
        </div>
        {task.doneAt && (
          <div>
            <dt>{t("tasks.done")}</dt>
            <dd>
              {t("tasks.byAt", {
                name: task.doneBy ?? t("common.notGiven"),
                time: formatDateTimeShort(task.doneAt, lang),
              })}
            </dd>
          </div>
        )}
      </dl>
      {task.doneAt ? (
        <>
          {task.report && (
            <dl className="details">
              <div>
                <dt>{t("tasks.reportMade")}</dt>
                <dd>
                  {t("tasks.reportLine", {
                    date: formatDay(task.report.on, lang),
                    to: task.report.to,
                  })}
                </dd>
              </div>
              <div>
                <dt>{t("tasks.reportReference")}</dt>
                <dd>{task.report.reference}</dd>
              </div>
            </dl>
          )}
          <dl className="text-sections">
            <div>
              <dt>{t("tasks.doneNote")}</dt>
              <dd className="multiline">{task.doneNote}</dd>
            </div>
          </dl>
        </>
      ) : (
        <CompleteForm
          caseId={caseId}
          task={task}
          beforeChange={beforeChange}
          onCompleted={onCompleted}
          onStale={onStale}
        />
      )}
    </article>
  );
}

function CompleteForm({
  caseId,
  task,
  beforeChange,
  onCompleted,
  onStale,
}: {
  caseId: string;
  task: CaseTask;
  beforeChange: () => void;
  onCompleted: (task: CaseTask) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(completeFields);
  const [draft, setDraft] = useState<CompleteDraft>(emptyCompleteDraft);
  const set = (changes: Partial<CompleteDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const formTitleId = `${useId()}-title`;
  const report = needsReport(task.kind);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    const checked = checkCompletion(task.kind, draft);
    if (!checked.ok) return rejectWith(submit, checked.fields, t);
    await submit.run(async () => {
      try {
        onCompleted(
          await api.completeTask(caseId, task.id, checked.body.note, checked.body.report),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) onStale();
        throw error;
      }
    });
  }

  return (
    <div className="task-form">
      <h4 id={formTitleId}>{t("tasks.completeTitle")}</h4>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        {report && (
          <>
            <TextField
              label={t("tasks.reportOn")}
              name="reportOn"
              type="date"
              max={localDateInput(new Date())}
              required
              value={draft.reportOn}
              onChange={(e) => set({ reportOn: e.target.value })}
              error={submit.fieldError("report.on")}
            />
            <TextField
              label={t("tasks.reportTo")}
              hint={t("tasks.reportToHint")}
              name="reportTo"
              required
              value={draft.reportTo}
              onChange={(e) => set({ reportTo: e.target.value })}
              error={submit.fieldError("report.to")}
            />
            <TextField
              label={t("tasks.reportReference")}
              hint={t("tasks.reportReferenceHint")}
              name="reportReference"
              required
              value={draft.reportReference}
              onChange={(e) => set({ reportReference: e.target.value })}
              error={submit.fieldError("report.reference")}
            />
          </>
        )}
        <TextAreaField
          label={t("tasks.note")}
          hint={report ? t("tasks.noteHintReport") : t("tasks.noteHint")}
          name="note"
          required
          value={draft.note}
          onChange={(e) => set({ note: e.target.value })}
          error={submit.fieldError("note")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("tasks.submit")}
        </button>
      </form>
    </div>
  );
}

const concernFields = ["concern"] as const;

/** Concern for a child: a task to make a report of concern today. */
function ChildConcernForm({
  caseId,
  beforeSubmit,
  onRaised,
}: {
  caseId: string;
  beforeSubmit: () => void;
  onRaised: (tasks: CaseTask[]) => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(concernFields);
  const [concern, setConcern] = useState("");
  const formTitleId = "child-concern-title";

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeSubmit();
    if (concern.trim() === "") return submit.reject({ concern: t("tasks.errorConcern") });
    await submit.run(async () => {
      const list = (await api.raiseChildConcern(caseId, concern.trim())).tasks;
      setConcern("");
      onRaised(list);
    });
  }

  return (
    <div className="subsection">
      <h3 id={formTitleId}>{t("tasks.concernTitle")}</h3>
      <p className="muted">{t("tasks.concernIntro")}</p>
      <ErrorSummary errors={submit.errors} />
      <form className="form" aria-labelledby={formTitleId} onSubmit={handleSubmit} noValidate>
        <TextAreaField
          label={t("tasks.concernText")}
          hint={t("tasks.concernHint")}
          name="concern"
          value={concern}
          onChange={(e) => setConcern(e.target.value)}
          error={submit.fieldError("concern")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("tasks.concernSubmit")}
        </button>
      </form>
    </div>
  );
}
