import type { CaseTaskView } from "../../../shared/api/tasks.ts";
import { childrenReportDue } from "../../../shared/deadlines.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { withVisibleCase } from "../cases/service.ts";

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
    .onConflict((oc) => oc.columns(["case_id", "kind"]).doNothing())
    .execute();
}

const dueOf: Record<CaseTaskView["kind"], (createdAt: Date) => Date> = {
  assess_children_witnessed_violence: childrenReportDue,
};
export const taskDue = (kind: CaseTaskView["kind"], createdAt: Date) => dueOf[kind](createdAt);

async function list(trx: Trx, caseId: string): Promise<CaseTaskView[]> {
  const rows = await trx
    .selectFrom("case_task as t")
    .innerJoin("app_user as c", "c.id", "t.created_by")
    .leftJoin("app_user as d", "d.id", "t.done_by")
    .select([
      "t.id",
      "t.case_id",
      "t.kind",
      "t.created_at",
      "t.done_at",
      "t.done_note",
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
    due: taskDue(r.kind, r.created_at).toISOString(),
    doneAt: r.done_at ? r.done_at.toISOString() : null,
    doneBy: r.done_by,
    doneNote: r.done_note,
  }));
}

export function readTasks(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return withVisibleCase(database, actor, meta, caseId, "task.read", async (trx, c) => {
    const tasks = await list(trx, caseId);
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "task.read",
        resourceType: "case",
        resourceId: caseId,
        personId: c.person_id,
        unitId: c.unit_id,
      },
    ]);
    return tasks;
  });
}

export function completeTask(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  taskId: string,
  note: string,
) {
  return withVisibleCase(database, actor, meta, caseId, "task.complete", async (trx, c) => {
    const task = await trx
      .selectFrom("case_task")
      .select(["id", "kind", "done_at"])
      .where("id", "=", taskId)
      .where("case_id", "=", caseId)
      .executeTakeFirst();
    if (!task) throw new AppError(404, "not_found", "Uppgiften finns inte i ärendet.");
    if (task.done_at) throw new AppError(409, "conflict", "Uppgiften är redan klar.");
    // Only from open: of two people finishing it at once, the first one's note counts.
    const done = await trx
      .updateTable("case_task")
      .set({ done_at: new Date(), done_by: actor.userId, done_note: note })
      .where("id", "=", taskId)
      .where("done_at", "is", null)
      .executeTakeFirstOrThrow();
    if (done.numUpdatedRows !== 1n) throw new AppError(409, "conflict", "Uppgiften är redan klar.");
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "task.complete",
        resourceType: "case",
        resourceId: caseId,
        personId: c.person_id,
        unitId: c.unit_id,
        data: { taskId, kind: task.kind },
      },
    ]);
    return (await list(trx, caseId)).find((t) => t.id === taskId) as CaseTaskView;
  });
}
