import {
  type CaseStatus,
  type ClosedReason,
  checkTransition,
} from "../../../shared/case-status.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { caseCommand } from "./service.ts";

const problems = {
  reason_required: { field: "reason", message: "Ange varför ärendet avslutas." },
  comment_required: { field: "comment", message: "Skriv en kort motivering." },
} as const;

const alreadyThere = () =>
  new AppError(
    409,
    "conflict",
    "Ärendet har redan fått den statusen, kanske av någon annan alldeles nyss. Ladda om sidan för att se ärendet som det är nu.",
  );

const notFromHere = () =>
  new AppError(
    409,
    "conflict",
    "Ärendet kan inte gå till den statusen från den status det har nu, kanske för att någon just har ändrat den. Ladda om sidan för att se ärendet som det är nu.",
  );

/**
 * Moves a case along its status flow (shared/case-status.ts), recording who, when and why in
 * the case's history. Closing sets the closing time and reason; reopening clears them.
 */
export function changeCaseStatus(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { to: CaseStatus; reason: ClosedReason | null; comment: string | null },
) {
  return caseCommand(database, actor, meta, caseId, "case.status", async (trx, row) => {
    // Read under the case's lock (caseCommand): the second of two identical changes, at once
    // or one after the other, finds the status already set and changes nothing.
    if (row.status === input.to) throw alreadyThere();
    const problem = checkTransition(
      row.case_type,
      row.status,
      input.to,
      input.reason,
      input.comment,
    );
    // Not allowed from the status the case has now: a conflict with its current state (often
    // someone else moved it a moment ago), not malformed input — 409, reload and look.
    if (problem === "not_allowed") throw notFromHere();
    if (problem) {
      const { field, message } = problems[problem];
      throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
        [field]: message,
      });
    }
    const now = new Date();
    const closing = input.to === "closed";
    await trx
      .updateTable("case")
      .set({
        status: input.to,
        status_changed_at: now,
        closed_at: closing ? now : null,
        closed_reason: closing ? input.reason : null,
      })
      .where("id", "=", caseId)
      .execute();
    await trx
      .insertInto("case_status_change")
      .values({
        org_id: actor.orgId,
        case_id: caseId,
        from_status: row.status,
        to_status: input.to,
        reason_code: closing ? input.reason : null,
        comment: input.comment?.trim() || null,
        changed_by: actor.userId,
      })
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "case.status",
        resourceType: "case",
        resourceId: caseId,
        personId: row.person_id,
        unitId: row.unit_id,
        data: { from: row.status, to: input.to, reason: closing ? input.reason : null },
      },
    ]);
  });
}
