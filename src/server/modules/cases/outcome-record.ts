import { sql } from "kysely";
import type { CaseOutcomeBody, CaseOutcomeView } from "../../../shared/api/outcomes.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * Writes the case's outcome in the caller's transaction (a closing, or the outcome of a case
 * already closed). A case closed before keeps its earlier outcome: the database moves it to
 * case_outcome_history as this one replaces it (0089's trigger), so nothing is lost.
 */
export async function recordOutcome(
  trx: Trx,
  actor: Actor,
  caseId: string,
  body: CaseOutcomeBody,
): Promise<{ replaced: boolean }> {
  const values = {
    goal_reached: body.goalReached,
    own_view: body.ownView?.trim() || null,
    not_assessed_reason:
      body.goalReached === "not_assessed" ? body.notAssessedReason?.trim() || null : null,
    recorded_at: new Date(),
    recorded_by: actor.userId,
  };
  const row = await trx
    .insertInto("case_outcome")
    .values({ case_id: caseId, org_id: actor.orgId, ...values })
    .onConflict((oc) => oc.column("case_id").doUpdateSet(values))
    // xmax is 0 for a row just inserted and set for one updated by the conflict.
    .returning(sql<boolean>`xmax <> 0`.as("replaced"))
    .executeTakeFirstOrThrow();
  return { replaced: Boolean(row.replaced) };
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
    current: current ? toView(current) : null,
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
