import { sql } from "kysely";
import type { CaseOutcomeBody, CaseOutcomeView } from "../../../shared/api/outcomes.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";

function valuesOf(actor: Actor, body: CaseOutcomeBody) {
  return {
    goal_reached: body.goalReached,
    own_view: body.ownView?.trim() || null,
    not_assessed_reason:
      body.goalReached === "not_assessed" ? body.notAssessedReason?.trim() || null : null,
    recorded_at: new Date(),
    recorded_by: actor.userId,
  };
}

/**
 * Writes the outcome given with a closing, in the caller's transaction (the case is locked
 * and its status change decides who closes it). A case closed before keeps its earlier
 * outcome: the database moves it to case_outcome_history as this one replaces it (0089's
 * trigger), so nothing is lost.
 */
export async function recordOutcome(
  trx: Trx,
  actor: Actor,
  caseId: string,
  body: CaseOutcomeBody,
): Promise<{ replaced: boolean }> {
  const values = valuesOf(actor, body);
  const row = await trx
    .insertInto("case_outcome")
    .values({ case_id: caseId, org_id: actor.orgId, ...values })
    .onConflict((oc) =>
      oc.column("case_id").doUpdateSet((eb) => ({
        ...values,
        version: eb("case_outcome.version", "+", 1),
      })),
    )
    // xmax is 0 for a row just inserted and set for one updated by the conflict.
    .returning(sql<boolean>`xmax <> 0`.as("replaced"))
    .executeTakeFirstOrThrow();
  return { replaced: Boolean(row.replaced) };
}

/**
 * The outcome of a case already closed, made from the version read (null: none recorded):
 * the first outcome, or a change of that version; undefined when someone else recorded or
 * changed it meanwhile. Both decide in one statement (the case's key, `version = based on`),
 * so of two at once on PostgreSQL the second finds nothing to write.
 */
export function recordOutcomeFrom(
  trx: Trx,
  actor: Actor,
  caseId: string,
  body: CaseOutcomeBody,
  basedOnVersion: number | null,
): Promise<{ version: number } | undefined> {
  const values = valuesOf(actor, body);
  return basedOnVersion === null
    ? trx
        .insertInto("case_outcome")
        .values({ case_id: caseId, org_id: actor.orgId, ...values })
        .onConflict((oc) => oc.column("case_id").doNothing())
        .returning("version")
        .executeTakeFirst()
    : trx
        .updateTable("case_outcome")
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("case_id", "=", caseId)
        .where("version", "=", basedOnVersion)
        .returning("version")
        .executeTakeFirst();
}

/** The case's current outcome and the ones it replaced, newest first, with who recorded each. */
export async function readOutcome(
  trx: Trx,
  caseId: string,
): Promise<Omit<CaseOutcomeView, "canRecord">> {
  const current = await trx
    .selectFrom("case_outcome as o")
    .innerJoin("app_user as u", "u.id", "o.recorded_by")
    .select([
      "o.goal_reached",
      "o.own_view",
      "o.not_assessed_reason",
      "o.recorded_at",
      "o.version",
      "u.display_name",
    ])
    .where("o.case_id", "=", caseId)
    .executeTakeFirst();
  const earlier = await trx
    .selectFrom("case_outcome_history as h")
    .innerJoin("app_user as u", "u.id", "h.recorded_by")
    .select([
      "h.goal_reached",
      "h.own_view",
      "h.not_assessed_reason",
      "h.recorded_at",
      "h.replaced_at",
      "u.display_name",
    ])
    .where("h.case_id", "=", caseId)
    .orderBy("h.replaced_at", "desc")
    .orderBy("h.id", "desc")
    .execute();
  return {
    current: current ? { ...toView(current), version: current.version } : null,
    earlier: earlier.map((h) => ({ ...toView(h), replacedAt: iso(h.replaced_at) })),
  };
}

type OutcomeRow = {
  goal_reached: string;
  own_view: string | null;
  not_assessed_reason: string | null;
  recorded_at: Date | string;
  display_name: string;
};

function toView(r: OutcomeRow) {
  return {
    goalReached: r.goal_reached as CaseOutcomeBody["goalReached"],
    ownView: r.own_view,
    notAssessedReason: r.not_assessed_reason,
    recordedAt: iso(r.recorded_at),
    recordedBy: r.display_name,
  };
}

const iso = (d: Date | string) => new Date(d).toISOString();
