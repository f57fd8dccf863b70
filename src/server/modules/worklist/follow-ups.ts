import { followUpDue } from "../../../shared/deadlines.ts";
import { type Candidate, caseColumns, type Line, rowOf, type Scoped } from "./rows.ts";

/** Implementation plans of open cases in scope, with their next follow-up date. */
export function plansInScope(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("implementation_plan as ip", "ip.case_id", "c.id")
    .select((eb) => [
      "ip.follow_up_date",
      ...caseColumns,
      eb
        .selectFrom("follow_up as f")
        .select("f.next_follow_up_date")
        .whereRef("f.plan_id", "=", "ip.id")
        .orderBy("f.recorded_at", "desc")
        .limit(1)
        .as("last_next"),
      eb
        .exists(eb.selectFrom("follow_up as g").select("g.id").whereRef("g.plan_id", "=", "ip.id"))
        .as("followed_up"),
    ])
    .where("c.status", "<>", "closed");
}

/** The latest follow-up's next date, or the plan's first; none planned: nothing due. */
export function followUpCandidates(p: Line<ReturnType<typeof plansInScope>, never>): Candidate[] {
  const next = p.followed_up ? p.last_next : p.follow_up_date;
  if (!next) return [];
  return [{ kind: "follow_up", ...rowOf(p), dueAt: followUpDue(String(next)) }];
}
