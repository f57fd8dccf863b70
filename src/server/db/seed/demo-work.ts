import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { addDays, addMonths, stockholmDate } from "../../../shared/calendar.ts";
import { appealInformation } from "../../modules/decisions/service.ts";
import type { Database } from "../types.ts";
import { daysAgo, seedDay } from "./demo-clock.ts";
import type { DemoWork } from "./demo-data.ts";

/**
 * The work done in a demo case: its investigation, the task about the children, decisions
 * and implementation plans, written as the API would have stored them, at the days given.
 */
export async function seedDemoWork(
  trx: Transaction<Database>,
  orgId: string,
  c: { id: string; userId: string },
  work: DemoWork,
) {
  await seedInvestigation(trx, orgId, c, work.investigation);
  for (const d of work.decisions ?? []) await seedDecision(trx, orgId, c, d);
}

/** The investigation as last saved, and the task about the children it raised. */
async function seedInvestigation(
  trx: Transaction<Database>,
  orgId: string,
  c: { id: string; userId: string },
  inv: DemoWork["investigation"],
) {
  const completed = inv.completedDaysAgo !== undefined ? daysAgo(inv.completedDaysAgo) : null;
  await trx
    .insertInto("investigation")
    .values({
      case_id: c.id,
      org_id: orgId,
      sections: JSON.stringify(inv.sections),
      children_witnessed_violence: inv.childrenWitnessedViolence,
      summary: inv.summary,
      assessment: inv.assessment,
      completed_at: completed,
      completed_by: completed ? c.userId : null,
      updated_by: c.userId,
      updated_at: daysAgo(inv.savedDaysAgo),
    })
    .execute();
  if (inv.childrenWitnessedViolence) {
    const reported = inv.childrenReportedDaysAgo;
    await trx
      .insertInto("case_task")
      .values({
        org_id: orgId,
        case_id: c.id,
        kind: "assess_children_witnessed_violence",
        created_by: c.userId,
        created_at: daysAgo(reported ?? inv.savedDaysAgo),
        ...(reported != null
          ? {
              done_at: daysAgo(reported),
              done_by: c.userId,
              done_note: "Orosanmälan om båda barnen gjord till Barn och unga samma dag.",
            }
          : {}),
      })
      .execute();
  }
}

/** One decision, and the implementation plan that follows it when there is one. */
async function seedDecision(
  trx: Transaction<Database>,
  orgId: string,
  c: { id: string; userId: string },
  d: NonNullable<DemoWork["decisions"]>[number],
) {
  const id = randomUUID();
  const decidedAt = daysAgo(d.daysAgo);
  const from = stockholmDate(decidedAt);
  await trx
    .insertInto("decision")
    .values({
      id,
      org_id: orgId,
      case_id: c.id,
      intervention_kind: d.kind,
      outcome: d.outcome,
      period_from: d.months ? from : null,
      period_to: d.months ? addMonths(from, d.months) : null,
      reasoning: d.reasoning,
      appeal_info: d.outcome === "granted" ? null : appealInformation,
      decided_by: c.userId,
      decided_at: decidedAt,
    })
    .execute();
  if (d.plan) {
    await trx
      .insertInto("implementation_plan")
      .values({
        id: randomUUID(),
        org_id: orgId,
        case_id: c.id,
        decision_id: id,
        goals: d.plan.goals,
        activities: d.plan.activities,
        start_date: from,
        follow_up_date: addDays(seedDay(), d.plan.followUpInDays),
        updated_by: c.userId,
      })
      .execute();
  }
}
