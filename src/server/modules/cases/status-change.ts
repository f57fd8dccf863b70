import type { CaseClosedReason, CaseStatus } from "../../../shared/case-status.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { StatusTrigger } from "../../db/types.ts";

export interface CaseStatusChange {
  from: CaseStatus;
  to: CaseStatus;
  /** Required when closing; cleared when the case leaves closed. */
  closedReason?: CaseClosedReason | null;
  comment?: string | null;
  /** What moved the case when it was not a plain status change (intake, treatment). */
  trigger?: StatusTrigger | null;
}

/**
 * The one place a case's status is written (issue 13): the case row and its history, in the
 * caller's transaction, under the case's lock (runCaseCommand with `changes`). Closing sets
 * the closing time and reason; any other status clears them. Whether the change is allowed
 * is the caller's rule (the status flow, a decision, a treatment's phase); auditing it too.
 */
export async function changeCaseStatus(
  trx: Trx,
  actor: Actor,
  caseId: string,
  change: CaseStatusChange,
): Promise<void> {
  const now = new Date();
  const closing = change.to === "closed";
  const reason = closing ? (change.closedReason ?? null) : null;
  await trx
    .updateTable("case")
    .set({
      status: change.to,
      status_changed_at: now,
      closed_at: closing ? now : null,
      closed_reason: reason,
    })
    .where("id", "=", caseId)
    .execute();
  await trx
    .insertInto("case_status_change")
    .values({
      org_id: actor.orgId,
      case_id: caseId,
      from_status: change.from,
      to_status: change.to,
      reason_code: reason,
      comment: change.comment?.trim() || null,
      trigger_code: change.trigger ?? null,
      changed_by: actor.userId,
    })
    .execute();
}
