import { type FormEvent, useRef, useState } from "react";
import type { CaseTask, CaseView } from "../../api/endpoints";
import { useApi } from "../../auth/useAuth";
import { useFocusLater } from "../../hooks/useFocusLater";
import { type Query, useQuery } from "../../hooks/useQuery";
import { useSubmit } from "../../hooks/useSubmit";
import type { PlainMessageKey } from "../../i18n/messages";
import { useT } from "../../i18n/useT";
import { TextAreaField } from "../../ui/Field";
import { ErrorSummary, StatusMessage } from "../../ui/Messages";
import { OnDemand } from "../../ui/OnDemand";
import { Task, taskElementId } from "./TaskRecord";
import { addedTask } from "./tasks-model";

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
                canComplete={record.abilities.change}
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
        <OnDemand label={t("tasks.concernTitle")}>
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
        </OnDemand>
      )}
    </section>
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
