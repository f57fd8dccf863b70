import { randomUUID } from "node:crypto";
import {
  type CaseOutcomeBody,
  outcomeMessages,
  outcomeRequired,
} from "../../../shared/api/outcomes.ts";
import type { CaseStatus } from "../../../shared/case-status.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { partnersToNotify, sendAcross } from "../../access/barrier-crossing.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import { lockTreatment } from "../../access/treatment-lock.ts";
import { type AuditEntry, caseEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { StatusTrigger, TreatmentTable } from "../../db/types.ts";
import { AppError, invalid, notInFuture } from "../../http/errors.ts";
import { recordOutcome } from "../cases/outcome-record.ts";
import type { CaseRow } from "../cases/queries.ts";
import { changeCaseStatus } from "../cases/status-change.ts";
import type { ShredTarget } from "../documents/content.ts";
import { destroyDocuments } from "../documents/service.ts";
import { loadTreatment } from "./view.ts";

/**
 * The treatment of a person who uses violence: registered (how he came), an assessment
 * phase, treatment with sessions (attended / cancelled / no-show), and an end with its kind
 * and reason. The case's status follows the treatment; the partner's worker hears, across
 * the barrier, that treatment started, each no-show, and how it ended — nothing else.
 */

export function requirePerpetratorCase(c: CaseRow) {
  if (c.case_type !== "perpetrator")
    throw invalid({ caseId: "Behandling registreras i ett ärende om en våldsutövare." });
}

export async function requireTreatment(trx: Trx, caseId: string) {
  const t = await trx
    .selectFrom("treatment")
    .selectAll()
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (!t) throw new AppError(409, "conflict", "Registrera behandlingen i ärendet först.");
  return t;
}

type Treatment = Awaited<ReturnType<typeof requireTreatment>>;

/** The case moves with the treatment; the history says what moved it. */
async function moveCase(
  trx: Trx,
  actor: Actor,
  c: CaseRow,
  to: CaseStatus,
  trigger: StatusTrigger,
  closedReason: "treatment_completed" | "treatment_dropped_out" | "treatment_ended_by_unit" | null,
) {
  await changeCaseStatus(trx, actor, c.id, { from: c.status, to, closedReason, trigger });
}

export function readTreatment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "treatment.read",
    run: ({ trx }) => loadTreatment(trx, caseId),
  });
}

/**
 * The treatment a command on it works on (runCaseCommand with `changes`, so the case is
 * already locked): the case must be a perpetrator case with its treatment registered and not
 * ended. The treatment is locked before it is read, so the command checks it as it is now:
 * of two commands at once, the second sees what the first did.
 */
export async function runningTreatment(trx: Trx, c: CaseRow): Promise<Treatment> {
  requirePerpetratorCase(c);
  const running = await lockTreatment(trx, c.id);
  const t = await requireTreatment(trx, c.id);
  if (!running || t.phase === "ended")
    throw new AppError(409, "conflict", "Behandlingen är avslutad och kan inte ändras.");
  return t;
}

export function registerTreatment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { referralSource: TreatmentTable["referral_source"]; referredOn: string },
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "referredOn", input.referredOn);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "treatment.register",
    changes: true,
    run: async ({ trx, case: c }) => {
      requirePerpetratorCase(c);
      if (c.status === "closed") throw new AppError(409, "conflict", "Ärendet är avslutat.");
      const inserted = await trx
        .insertInto("treatment")
        .values({
          case_id: caseId,
          org_id: actor.orgId,
          referral_source: input.referralSource,
          referred_on: input.referredOn,
          recorded_by: actor.userId,
        })
        .onConflict((oc) => oc.column("case_id").doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows !== 1n)
        throw new AppError(409, "conflict", "Behandlingen är redan registrerad i ärendet.");
      // From intake to the assessment phase (shown as the investigation step of the case).
      await moveCase(trx, actor, c, "investigation", "treatment_registered", null);
      return loadTreatment(trx, caseId);
    },
    event: () => ({ data: { referralSource: input.referralSource } }),
  });
}

export function startTreatment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { startedOn: string },
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "startedOn", input.startedOn);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "treatment.start",
    changes: true,
    run: async ({ trx, case: c }) => {
      const t = await runningTreatment(trx, c);
      if (t.phase !== "assessment")
        throw new AppError(409, "conflict", "Behandlingen har redan börjat.");
      if (input.startedOn < t.referred_on)
        throw invalid({
          startedOn: "Behandlingen kan inte börja före kontakten med mottagningen.",
        });
      const moved = await trx
        .updateTable("treatment")
        .set({ phase: "treatment", started_on: input.startedOn })
        .where("case_id", "=", caseId)
        .where("phase", "=", "assessment")
        .executeTakeFirstOrThrow();
      if (moved.numUpdatedRows !== 1n)
        throw new AppError(409, "conflict", "Behandlingen har redan börjat.");
      await moveCase(trx, actor, c, "implementation", "treatment_started", null);
      await sendAcross(trx, actor, meta, c, await partnersToNotify(trx, caseId), {
        kind: "treatment_started",
        eventOn: input.startedOn,
      });
      return loadTreatment(trx, caseId);
    },
  });
}

export function recordSession(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: { heldOn: string; attendance: "attended" | "cancelled" | "no_show" },
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "heldOn", input.heldOn);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const id = randomUUID();
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "treatment.session",
    changes: true,
    run: async ({ trx, case: c }) => {
      const t = await runningTreatment(trx, c);
      if (input.heldOn < t.referred_on)
        throw invalid({ heldOn: "Samtalet kan inte ligga före kontakten med mottagningen." });
      await trx
        .insertInto("treatment_session")
        .values({
          id,
          org_id: actor.orgId,
          case_id: caseId,
          held_on: input.heldOn,
          attendance: input.attendance,
          recorded_by: actor.userId,
        })
        .execute();
      // He stayed away: the partner's worker is told at once — that, and nothing else.
      if (input.attendance === "no_show")
        await sendAcross(trx, actor, meta, c, await partnersToNotify(trx, caseId), {
          kind: "absence",
          eventOn: input.heldOn,
        });
      return loadTreatment(trx, caseId);
    },
    event: () => ({ data: { sessionId: id, attendance: input.attendance } }),
  });
}

const closedReasonOf = {
  completed: "treatment_completed",
  dropped_out: "treatment_dropped_out",
  ended_by_unit: "treatment_ended_by_unit",
} as const;

/**
 * Ends the treatment and closes the case. The partner side hears that it was completed or
 * interrupted (and so gets its closing conversation and follow-up tasks); the signed consent
 * forms are destroyed (bytes removed, receipt kept in the row and the audit trail). Like any
 * closing of a case that had a goal, it says whether the goal was reached (issue 20): the end
 * is where the treatment is closed, so the outcome is not left to the case page afterwards.
 */
export function endTreatment(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  input: EndInput,
) {
  const fields: Record<string, string> = {};
  notInFuture(fields, "endedOn", input.endedOn);
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "treatment.end",
    changes: true,
    run: async ({ trx, case: c }) => {
      const t = await runningTreatment(trx, c);
      const events = await closeTreatment(trx, database, actor, meta, c, t, input);
      return { events, treatment: await loadTreatment(trx, caseId) };
    },
    event: ({ events }) => events,
  }).then((r) => r.treatment);
}

type EndInput = {
  endedOn: string;
  kind: "completed" | "dropped_out" | "ended_by_unit";
  reason: string;
  outcome: CaseOutcomeBody | null;
};

/**
 * The end itself, also used when the team decides not to continue without consent. It closes
 * the case, so it takes the outcome as any closing past intake does (outcomeRequired: 400
 * without it). Answers its "treatment.end" and "outcome.record" audit events, for the
 * command's runner to write with its own.
 */
export async function closeTreatment(
  trx: Trx,
  database: ShredTarget,
  actor: Actor,
  meta: RequestMeta,
  c: CaseRow,
  t: Treatment,
  input: EndInput,
): Promise<AuditEntry[]> {
  if (!input.outcome && outcomeRequired(c.case_type, c.status))
    throw invalid({ outcome: outcomeMessages.required });
  if (input.endedOn < t.referred_on || (t.started_on && input.endedOn < t.started_on))
    throw invalid({ endedOn: "Behandlingen kan inte sluta innan den började." });
  const ended = await trx
    .updateTable("treatment")
    .set({
      phase: "ended",
      ended_on: input.endedOn,
      end_kind: input.kind,
      end_reason: input.reason,
      ended_by: actor.userId,
    })
    .where("case_id", "=", c.id)
    .where("phase", "<>", "ended")
    .executeTakeFirstOrThrow();
  if (ended.numUpdatedRows !== 1n)
    throw new AppError(409, "conflict", "Behandlingen är redan avslutad.");
  await moveCase(trx, actor, c, "closed", "treatment_ended", closedReasonOf[input.kind]);
  // The signed consent form is kept only while the treatment contact lasts (seed 004).
  const destroyed = await destroyDocuments(
    trx,
    database,
    actor,
    meta,
    c,
    "partner_contact_consent",
    "Behandlingen är avslutad: samtyckesblanketten förstörs (rutin för partnerkontakt).",
  );
  await sendAcross(trx, actor, meta, c, await partnersToNotify(trx, c.id), {
    kind: input.kind === "completed" ? "treatment_completed" : "treatment_interrupted",
    eventOn: input.endedOn,
  });
  const end = caseEntry(c, "treatment.end", {
    data: { kind: input.kind, consentDocumentsDestroyed: destroyed.length },
  });
  if (!input.outcome) return [end];
  const { replaced } = await recordOutcome(trx, actor, c.id, input.outcome);
  return [
    end,
    caseEntry(c, "outcome.record", { data: { goalReached: input.outcome.goalReached, replaced } }),
  ];
}
