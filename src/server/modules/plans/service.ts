import { randomUUID } from "node:crypto";
import type { PlanView } from "../../../shared/api/plans.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { Trx } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Implementation plans (genomförandeplan) — one per granted intervention: goals, what is
 * done by whom, start, and the planned follow-up — and the follow-ups recorded against them.
 * The next follow-up date is what the work list watches.
 */
const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);

export async function plansOf(trx: Trx, caseId: string): Promise<PlanView[]> {
  const [plans, followUps] = await Promise.all([
    trx
      .selectFrom("implementation_plan as p")
      .innerJoin("decision as d", "d.id", "p.decision_id")
      .innerJoin("intervention_kind as k", "k.code", "d.intervention_kind")
      .select([
        "p.id",
        "p.case_id",
        "p.decision_id",
        "k.name_sv",
        "p.goals",
        "p.activities",
        "p.start_date",
        "p.follow_up_date",
        "p.version",
      ])
      .where("p.case_id", "=", caseId)
      .orderBy("p.start_date")
      .execute(),
    trx
      .selectFrom("follow_up as f")
      .innerJoin("app_user as u", "u.id", "f.recorded_by")
      .select([
        "f.plan_id",
        "f.outcome",
        "f.notes",
        "f.next_follow_up_date",
        "f.recorded_at",
        "u.display_name",
      ])
      .where("f.case_id", "=", caseId)
      .orderBy("f.recorded_at")
      .execute(),
  ]);
  return plans.map((p) => {
    const mine = followUps.filter((f) => f.plan_id === p.id);
    const last = mine.at(-1);
    return {
      id: p.id,
      caseId: p.case_id,
      decisionId: p.decision_id,
      interventionName: p.name_sv,
      goals: p.goals,
      activities: p.activities,
      startDate: p.start_date,
      version: p.version,
      nextFollowUpDate: last ? last.next_follow_up_date : p.follow_up_date,
      followUps: mine.map((f) => ({
        outcome: f.outcome,
        notes: f.notes,
        nextFollowUpDate: f.next_follow_up_date,
        recordedAt: f.recorded_at.toISOString(),
        recordedBy: f.display_name,
      })),
    };
  });
}

export async function readPlans(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "plan.read",
    run: ({ trx }) => plansOf(trx, caseId),
  });
}

const writtenMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har redan skrivit en plan för det här beslutet. Din text är inte sparad – kopiera den om du vill behålla den, och ladda om sidan för att se planen.",
  );
const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat planen under tiden. Din ändring är inte sparad – ladda om sidan och gör den i den senaste versionen.",
  );

/**
 * Writes the plan of a granted decision, or changes it. Like the safety plan, a save names
 * the version it was made from (null for a new plan): of two people writing the first plan
 * or changing the same version at once, the first counts and the second gets 409 — never a
 * colleague's plan silently overwritten. Both the insert and the update decide in the same
 * statement (unique decision, `version = based on`), so that holds on PostgreSQL too.
 */
type PlanInput = {
  goals: string;
  activities: string;
  startDate: string;
  followUpDate: string;
  basedOnVersion: number | null;
};

export async function savePlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  decisionId: string,
  input: PlanInput,
) {
  const { plans } = await runCaseCommand(database, actor, meta, {
    caseId,
    action: "plan.save",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att ändra planen.",
    run: async ({ trx }) => {
      const decision = await trx
        .selectFrom("decision")
        .select(["id", "outcome"])
        .where("id", "=", decisionId)
        .where("case_id", "=", caseId)
        .executeTakeFirst();
      if (!decision || decision.outcome === "denied") {
        throw invalid({ decisionId: "Välj ett beviljat beslut i det här ärendet." });
      }
      const saved = await writePlan(trx, actor, caseId, decisionId, input);
      if (!saved) throw input.basedOnVersion === null ? writtenMeanwhile() : changedMeanwhile();
      return { saved, plans: await plansOf(trx, caseId) };
    },
    event: ({ saved }) => ({ data: { planId: saved.id, decisionId, version: saved.version } }),
  });
  return plans;
}

/**
 * The first plan, or a change of the version it was based on; nothing (undefined) when
 * someone else wrote the first plan or changed that version meanwhile.
 */
function writePlan(trx: Trx, actor: Actor, caseId: string, decisionId: string, input: PlanInput) {
  const values = {
    goals: input.goals,
    activities: input.activities,
    start_date: input.startDate,
    follow_up_date: input.followUpDate,
    updated_by: actor.userId,
  };
  return input.basedOnVersion === null
    ? trx
        .insertInto("implementation_plan")
        .values({
          id: randomUUID(),
          org_id: actor.orgId,
          case_id: caseId,
          decision_id: decisionId,
          ...values,
        })
        .onConflict((oc) => oc.column("decision_id").doNothing())
        .returning(["id", "version"])
        .executeTakeFirst()
    : trx
        .updateTable("implementation_plan")
        .set((eb) => ({ ...values, updated_at: new Date(), version: eb("version", "+", 1) }))
        .where("decision_id", "=", decisionId)
        .where("case_id", "=", caseId)
        .where("version", "=", input.basedOnVersion)
        .returning(["id", "version"])
        .executeTakeFirst();
}

export async function recordFollowUp(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  planId: string,
  input: {
    outcome: "goal_reached" | "partly_reached" | "not_reached";
    notes: string;
    nextFollowUpDate: string | null;
  },
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "follow_up.record",
    changes: true,
    requires: ["change"],
    closedMessage: "Ärendet är avslutat. Öppna det igen för att följa upp planen.",
    run: async ({ trx }) => {
      const plan = await trx
        .selectFrom("implementation_plan")
        .select("id")
        .where("id", "=", planId)
        .where("case_id", "=", caseId)
        .executeTakeFirst();
      if (!plan) throw invalid({ planId: "Välj en genomförandeplan i det här ärendet." });
      await trx
        .insertInto("follow_up")
        .values({
          org_id: actor.orgId,
          plan_id: planId,
          case_id: caseId,
          outcome: input.outcome,
          notes: input.notes,
          next_follow_up_date: input.nextFollowUpDate,
          recorded_by: actor.userId,
        })
        .execute();
      return plansOf(trx, caseId);
    },
    event: () => ({ data: { planId, outcome: input.outcome } }),
  });
}
