import type { CaseTask } from "../../api/endpoints";
import { formatDate, formatDateTimeShort, formatDay } from "../../i18n/dates";
import { taskKindLabels } from "../../i18n/labels";
import { useT } from "../../i18n/useT";
import { OnDemand } from "../../ui/OnDemand";
import { isTaskOverdue } from "../decisions/decisions-model";
import { CompleteForm, type CompleteProps } from "./CompleteForm";

export const taskElementId = (taskId: string) => `task-${taskId}`;

/**
 * One task: what it asks (and the concern behind it), when it is due, and how it was done.
 * `canComplete`: the case takes changes (not closed); the server refuses otherwise.
 */
export function Task({ canComplete, ...props }: CompleteProps & { canComplete: boolean }) {
  const { task } = props;
  const { t } = useT();
  const elementId = taskElementId(task.id);
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
      <TaskDates task={task} />
      {task.doneAt ? (
        <TaskDone task={task} />
      ) : (
        canComplete && (
          <OnDemand label={t("tasks.completeTitle")}>
            <CompleteForm {...props} />
          </OnDemand>
        )
      )}
    </article>
  );
}

/** Due (overdue said in words), created by whom or by a rule, done by whom. */
function TaskDates({ task }: { task: CaseTask }) {
  const { t, lang } = useT();
  const overdue = isTaskOverdue(task, new Date());
  return (
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
  );
}

/** A done task: the report of concern as made, if one was asked, and the note of what was done. */
function TaskDone({ task }: { task: CaseTask }) {
  const { t, lang } = useT();
  return (
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
  );
}
