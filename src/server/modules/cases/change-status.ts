import {
  type CaseOutcomeBody,
  outcomeMessages,
  outcomeRequired,
} from "../../../shared/api/outcomes.ts";
import {
  type CaseStatus,
  type ClosedReason,
  checkTransition,
} from "../../../shared/case-status.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { caseEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { recordOutcome } from "./outcome-record.ts";
import { caseCommand } from "./service.ts";
import { changeCaseStatus } from "./status-change.ts";

const problems = {
  reason_required: { field: "reason", message: "Ange varför ärendet avslutas." },
  comment_required: { field: "comment", message: "Skriv en kort motivering." },
  outcome_required: { field: "outcome", message: outcomeMessages.required },
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
  input: {
    to: CaseStatus;
    reason: ClosedReason | null;
    comment: string | null;
    outcome?: CaseOutcomeBody | null;
  },
) {
  const outcome = input.to === "closed" ? (input.outcome ?? null) : null;
  const closing = input.to === "closed";
  return caseCommand(database, actor, meta, caseId, "case.status", {
    run: async ({ trx, case: row }) => {
      // Read under the case's lock: the second of two identical changes, at once or one
      // after the other, finds the status already set and changes nothing.
      if (row.status === input.to) throw alreadyThere();
      let problem: keyof typeof problems | "not_allowed" | null = checkTransition(
        row.case_type,
        row.status,
        input.to,
        input.reason,
        input.comment,
      );
      // Not allowed from the status the case has now: a conflict with its current state
      // (often someone else moved it a moment ago), not malformed input — 409, reload and look.
      if (problem === "not_allowed") throw notFromHere();
      // A case that had a goal says at closing whether it was reached (issue 20).
      if (!problem && closing && !outcome && outcomeRequired(row.case_type, row.status))
        problem = "outcome_required";
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
      const recorded = outcome ? await recordOutcome(trx, actor, caseId, outcome) : null;
      return { from: row.status, recorded };
    },
    event: ({ from, recorded }, { case: c }) => {
      const status = caseEntry(c, "case.status", {
        data: { from, to: input.to, reason: closing ? input.reason : null },
      });
      if (!outcome || !recorded) return status;
      const data = { goalReached: outcome.goalReached, replaced: recorded.replaced };
      return [status, caseEntry(c, "outcome.record", { data })];
    },
  });
}
