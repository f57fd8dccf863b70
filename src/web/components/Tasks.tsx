import { type FormEvent, useId, useRef, useState } from "react";
import { ApiError } from "../api/client";
import type { CaseTask, CaseView } from "../api/endpoints";
import { useApi } from "../auth/useAuth";
import { useFocusLater } from "../hooks/useFocusLater";
import type { Query } from "../hooks/useQuery";
import { useSubmit } from "../hooks/useSubmit";
import { formatDate, formatDateTimeShort } from "../i18n/dates";
import { taskKindLabels } from "../i18n/labels";
import type { PlainMessageKey } from "../i18n/messages";
import { useT } from "../i18n/useT";
import { isTaskOverdue } from "./decisions-model";
import { TextAreaField } from "./Field";
import { ErrorSummary, StatusMessage } from "./Messages";

/*
 * Uppgifter: work a rule has put on the case, e.g. an adult's investigation found that the
 * children in the household witnessed violence, so they must be reported to (or assessed
 * by) the children's unit. Done with a note of what was done. The panel is there only when
 * the case has tasks; overdue is said in words, not by colour alone.
 */

const titleId = "tasks-title";
const taskElementId = (taskId: string) => `task-${taskId}`;

export function TasksPanel({
  record,
  tasks,
}: {
  record: CaseView;
  /** Loaded by the case page, which loads it again when the investigation is saved. */
  tasks: Query<CaseTask[]>;
}) {
  const { t } = useT();
  const [message, setMessage] = useState<PlainMessageKey | null>(null);
  const focusLater = useFocusLater();
  const { state, setData, reload } = tasks;
  const latest = useRef(state.status === "ready" ? state.data : null);
  latest.current = state.status === "ready" ? state.data : null;

  // Nothing to show while loading, after an error, or without tasks: the panel is optional.
  if (state.status !== "ready" || state.data.length === 0) return null;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t("tasks.title")}</h2>
      <StatusMessage message={message && t(message)} />
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
        <dl className="text-sections">
          <div>
            <dt>{t("tasks.doneNote")}</dt>
            <dd className="multiline">{task.doneNote}</dd>
          </div>
        </dl>
      ) : (
        <CompleteForm
          caseId={caseId}
          taskId={task.id}
          beforeChange={beforeChange}
          onCompleted={onCompleted}
          onStale={onStale}
        />
      )}
    </article>
  );
}

const fieldNames = ["note"] as const;

function CompleteForm({
  caseId,
  taskId,
  beforeChange,
  onCompleted,
  onStale,
}: {
  caseId: string;
  taskId: string;
  beforeChange: () => void;
  onCompleted: (task: CaseTask) => void;
  onStale: () => void;
}) {
  const { t } = useT();
  const api = useApi();
  const submit = useSubmit(fieldNames);
  const [note, setNote] = useState("");
  const formTitleId = `${useId()}-title`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    beforeChange();
    if (note.trim() === "") return submit.reject({ note: t("tasks.errorNote") });
    await submit.run(async () => {
      try {
        onCompleted(await api.completeTask(caseId, taskId, note.trim()));
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
        <TextAreaField
          label={t("tasks.note")}
          hint={t("tasks.noteHint")}
          name="note"
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={submit.fieldError("note")}
        />
        <button type="submit" className="button" disabled={submit.pending}>
          {t("tasks.submit")}
        </button>
      </form>
    </div>
  );
}
