import {
  type CaseStatus,
  type ClosedReason,
  checkTransition,
} from "../../../shared/case-status.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { caseCommand } from "./service.ts";
import { changeCaseStatus } from "./status-change.ts";

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
 * Moves a case along its status flow (shared/case-status.ts) on request, recording who, when
 * and why in the case's history (changeCaseStatus). Closing sets the closing time and reason;
 * reopening clears them.
 */
export function requestStatusChange(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { to: CaseStatus; reason: ClosedReason | null; comment: string | null },
) {
  const closing = input.to === "closed";
  return caseCommand(database, actor, meta, caseId, "case.status", {
    run: async ({ trx, case: row }) => {
      // Read under the case's lock: the second of two identical changes, at once or one
      // after the other, finds the status already set and changes nothing.
      if (row.status === input.to) throw alreadyThere();
      const problem = checkTransition(
        row.case_type,
        row.status,
        input.to,
        input.reason,
        input.comment,
      );
      // Not allowed from the status the case has now: a conflict with its current state
      // (often someone else moved it a moment ago), not malformed input — 409, reload and look.
      if (problem === "not_allowed") throw notFromHere();
      if (problem) {
        const { field, message } = problems[problem];
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          [field]: message,
        });
      }
      await changeCaseStatus(trx, actor, caseId, {
        from: row.status,
        to: input.to,
        closedReason: input.reason,
        comment: input.comment,
      });
      return row.status;
    },
    event: (from) => ({
      data: { from, to: input.to, reason: closing ? input.reason : null },
    }),
  });
}
