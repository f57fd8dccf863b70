import {
  type CaseOutcomeBody,
  type CaseOutcomeView,
  outcomeMessages,
} from "../../../shared/api/outcomes.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { readOutcome, recordOutcome } from "../cases/outcome-record.ts";
import { can } from "../cases/policy.ts";

const recordRefusal =
  "Bara de som arbetar med ärendet och enhetschefen kan registrera måluppfyllelse.";

/** GET /api/cases/:id/outcome: the outcome and its history, read as a case (audited). */
export function readCaseOutcome(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
): Promise<CaseOutcomeView> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "outcome.read",
    run: async ({ trx, case: c }) => ({
      ...(await readOutcome(trx, caseId)),
      // Recorded by those who may close the case, once it is closed.
      canRecord:
        c.status === "closed" &&
        can(actor, "case.status", { unitId: c.unit_id, assignedToMe: Boolean(c.assigned_to_me) }),
    }),
  });
}

/**
 * PUT /api/cases/:id/outcome: the outcome of a case already closed — one closed by its
 * treatment's end (perpetrator cases close only so), or a correction. The one it replaces is
 * kept (record.ts). An open case gets its outcome when it closes (cases/change-status.ts).
 */
export function recordCaseOutcome(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  body: CaseOutcomeBody,
): Promise<CaseOutcomeView> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "outcome.record",
    changes: true,
    requires: [{ role: "case.status", refusal: recordRefusal }],
    run: async ({ trx, case: c }) => {
      if (c.status !== "closed") throw new AppError(409, "conflict", outcomeMessages.notClosed);
      const { replaced } = await recordOutcome(trx, actor, caseId, body);
      return { replaced, view: { ...(await readOutcome(trx, caseId)), canRecord: true } };
    },
    event: ({ replaced }) => ({ data: { goalReached: body.goalReached, replaced } }),
  }).then((r) => r.view);
}
