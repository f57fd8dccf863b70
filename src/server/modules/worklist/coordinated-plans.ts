import type { PlanResponsibility } from "../../../shared/api/coordinated-plans.ts";
import { coordinatedPlanDue } from "../../../shared/deadlines.ts";
import { type Candidate, caseColumns, type Line, rowOf, type Scoped } from "./rows.ts";

/**
 * SIPs on open cases in scope (issue 18, item 6): each plan's responsibilities not done and
 * its follow-up not yet recorded. A plan makes ONE line, at its earliest open day: what is
 * due is read on the plan itself (docs/deadlines.md "SIP").
 */
export function coordinatedPlansInScope(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("coordinated_plan as p", "p.case_id", "c.id")
    .select(["p.responsibilities", "p.follow_up_on", "p.followed_up_on", ...caseColumns])
    .where("c.status", "<>", "closed");
}

type PlanRow = Line<ReturnType<typeof coordinatedPlansInScope>, never>;

export function coordinatedPlanCandidates(p: PlanRow): Candidate[] {
  const open = (p.responsibilities as PlanResponsibility[])
    .filter((r) => r.doneOn === null)
    .map((r) => r.dueOn);
  if (p.follow_up_on && !p.followed_up_on) open.push(String(p.follow_up_on));
  const first = open.sort()[0];
  if (!first) return [];
  return [{ ...rowOf(p), kind: "coordinated_plan_due", dueAt: coordinatedPlanDue(first) }];
}
