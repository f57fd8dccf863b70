import { stayDecisionEndsDue, stayFollowUpDue, staySchoolDue } from "../../../shared/deadlines.ts";
import { type Candidate, caseColumns, type Line, rowOf, type Scoped } from "./rows.ts";

/**
 * Stays in housing on open cases in scope that may need something done (issue 16): not
 * cancelled, and either not ended or ended without a follow-up; with the decision's last day
 * and how many children in the stay have no school arranged.
 */
export function staysInScope(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("stay as s", "s.case_id", "c.id")
    .innerJoin("decision as d", "d.id", "s.decision_id")
    .select((eb) => [
      "s.arrived_on",
      "s.left_on",
      "d.period_to",
      ...caseColumns,
      eb
        .selectFrom("stay_member as m")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("m.stay_id", "=", "s.id")
        .where("m.role", "=", "child")
        .where("m.school_arranged_on", "is", null)
        .where((e) =>
          e.or([e("m.school_kind", "is", null), e("m.school_kind", "<>", "none_needed")]),
        )
        .as("children_without_school"),
    ])
    .where("c.status", "<>", "closed")
    .where("s.cancelled_at", "is", null)
    .where("s.followed_up_on", "is", null);
}

type StayRow = Line<ReturnType<typeof staysInScope>, never>;

/** The decision running out, a child without school, a stay not followed up (docs/deadlines.md). */
export function stayCandidates(s: StayRow): Candidate[] {
  const base = rowOf(s);
  if (s.left_on)
    return [{ ...base, kind: "stay_follow_up", dueAt: stayFollowUpDue(String(s.left_on)) }];
  const out: Candidate[] = [];
  if (s.period_to)
    out.push({
      ...base,
      kind: "stay_decision_ends",
      dueAt: stayDecisionEndsDue(String(s.period_to)),
    });
  if (s.arrived_on && Number(s.children_without_school) > 0)
    out.push({ ...base, kind: "stay_child_school", dueAt: staySchoolDue(String(s.arrived_on)) });
  return out;
}
