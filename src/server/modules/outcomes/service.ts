import {
  type CaseOutcomeView,
  outcomeMessages,
  type RecordCaseOutcomeBody,
} from "../../../shared/api/outcomes.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { readOutcome, recordOutcomeFrom } from "../cases/outcome-record.ts";
import { can } from "../cases/policy.ts";

const recordRefusal =
  "Bara de som arbetar med ärendet och enhetschefen kan registrera måluppfyllelse.";

const staleVersion = (basedOnVersion: number | null) =>
  new AppError(
    409,
    "stale_version",
    basedOnVersion === null ? outcomeMessages.recordedMeanwhile : outcomeMessages.changedMeanwhile,
  );

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
 * PUT /api/cases/:id/outcome: the outcome of a case already closed — one closed without it
 * (at intake, or a treatment the team ended when he refused partner contact), or a correction.
 * The one it replaces is kept (0089's trigger). An open case gets its outcome when it closes
 * (cases/change-status.ts, treatment/service.ts endTreatment).
 * The change names the version it was made from: of two made from the same one, the second
 * answers 409 and nothing of it is kept or audited as allowed.
 */
export function recordCaseOutcome(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  body: RecordCaseOutcomeBody,
): Promise<CaseOutcomeView> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "outcome.record",
    changes: true,
    requires: [{ role: "case.status", refusal: recordRefusal }],
    run: async ({ trx, case: c }) => {
      if (c.status !== "closed")
        throw new AppError(409, "case_not_closed", outcomeMessages.notClosed);
      const { basedOnVersion, ...outcome } = body;
      const saved = await recordOutcomeFrom(trx, actor, caseId, outcome, basedOnVersion);
      if (!saved) throw staleVersion(basedOnVersion);
      return { view: { ...(await readOutcome(trx, caseId)), canRecord: true } };
    },
    event: () => ({
      data: { goalReached: body.goalReached, replaced: body.basedOnVersion !== null },
    }),
  }).then((r) => r.view);
}
