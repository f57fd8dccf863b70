import type { CaseTaskView } from "../../../shared/api/tasks.ts";
import { endOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { childrenReportDue } from "../../../shared/deadlines.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Tasks a rule puts on a case, done by someone who works it, with a note of what was done.
 * A rule creates its task once per case: saving the investigation again does not bring a
 * done task back.
 */
export async function createTaskOnce(
  trx: Trx,
  actor: Actor,
  caseId: string,
  kind: CaseTaskView["kind"],
) {
  await trx
    .insertInto("case_task")
    .values({ org_id: actor.orgId, case_id: caseId, kind, created_by: actor.userId })
    .onConflict((oc) =>
      oc.columns(["case_id", "kind"]).where("kind", "<>", "report_child_concern").doNothing(),
    )
    .execute();
}

/**
 * When a task is due: the date the rule set (partner contact's closing conversation and
 * follow-up, set when his treatment ended), else the rule's own clock from its creation.
 * A child at risk is reported the same day.
 */
export function taskDue(createdAt: Date, dueOn: string | null = null) {
  if (dueOn) return endOfDay(dueOn);
  return childrenReportDue(createdAt);
}

async function list(trx: Trx, caseId: string): Promise<CaseTaskView[]> {
  const rows = await trx
    .selectFrom("case_task as t")
    .leftJoin("app_user as c", "c.id", "t.created_by")
    .leftJoin("app_user as d", "d.id", "t.done_by")
    .select([
      "t.id",
      "t.case_id",
      "t.kind",
      "t.created_at",
      "t.done_at",
      "t.done_note",
      "t.due_on",
      "t.concern",
      "t.report_on",
      "t.report_to",
      "t.report_reference",
      "c.display_name as created_by",
      "d.display_name as done_by",
    ])
    .where("t.case_id", "=", caseId)
    .orderBy("t.created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    due: taskDue(r.created_at, r.due_on).toISOString(),
    doneAt: r.done_at ? r.done_at.toISOString() : null,
    doneBy: r.done_by,
    doneNote: r.done_note,
    concern: r.concern,
    report:
      r.report_on && r.report_to && r.report_reference
        ? { on: r.report_on, to: r.report_to, reference: r.report_reference }
        : null,
  }));
}

export function readTasks(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "task.read",
    run: ({ trx }) => list(trx, caseId),
  });
}

export function completeTask(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  taskId: string,
  input: { note: string; report: { on: string; to: string; reference: string } | null },
) {
  if (input.report && input.report.on > stockholmDate(new Date()))
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      "report.on": "Datumet kan inte ligga i framtiden.",
    });
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "task.complete",
    changes: true,
    // A closed case takes no changes, its tasks included (the page offers none).
    requires: ["change"],
    run: ({ trx }) => finishTask(trx, actor, caseId, taskId, input),
    event: ({ kind }) => ({ data: { taskId, kind } }),
  }).then(({ task }) => task);
}

/** Marks the task done, once: of two people finishing it at once, the first one's note counts. */
async function finishTask(
  trx: Trx,
  actor: Actor,
  caseId: string,
  taskId: string,
  input: { note: string; report: { on: string; to: string; reference: string } | null },
) {
  const task = await trx
    .selectFrom("case_task")
    .select(["id", "kind", "done_at"])
    .where("id", "=", taskId)
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!task) throw new AppError(404, "not_found", "Uppgiften finns inte i ärendet.");
  if (task.done_at) throw new AppError(409, "conflict", "Uppgiften är redan klar.");
  // A report of concern is done when it is made: when, to which unit, its reference.
  if (task.kind === "report_child_concern" && !input.report)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      report: "Ange när orosanmälan gjordes, till vilken enhet och dess referens.",
    });
  // Only from open: of two people finishing it at once, the first one's note counts.
  const done = await trx
    .updateTable("case_task")
    .set({
      done_at: new Date(),
      done_by: actor.userId,
      done_note: input.note,
      ...(task.kind === "report_child_concern" && input.report
        ? {
            report_on: input.report.on,
            report_to: input.report.to,
            report_reference: input.report.reference,
          }
        : {}),
    })
    .where("id", "=", taskId)
    .where("done_at", "is", null)
    .executeTakeFirstOrThrow();
  if (done.numUpdatedRows !== 1n) throw new AppError(409, "conflict", "Uppgiften är redan klar.");
  const view = (await list(trx, caseId)).find((t) => t.id === taskId) as CaseTaskView;
  return { task: view, kind: task.kind };
}

/**
 * A worker on either side of partner contact (or anywhere) is concerned for a child: a task
 * to make a report of concern to social services today (SoL 14 kap. 1 §), with what
 * prompted it; done when the report's date, receiving unit and reference are recorded.
 */
export function raiseChildConcern(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  note: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "task.create",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen först.",
    run: async ({ trx }) => {
      const { id } = await trx
        .insertInto("case_task")
        .values({
          org_id: actor.orgId,
          case_id: caseId,
          kind: "report_child_concern",
          created_by: actor.userId,
          concern: note,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id, tasks: await list(trx, caseId) };
    },
    event: ({ id }) => ({ data: { taskId: id, kind: "report_child_concern" } }),
  }).then(({ tasks }) => tasks);
}
