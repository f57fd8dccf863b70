import { checklistItems } from "../../../shared/api/protection.ts";
import { protectionChecklistDue } from "../../../shared/deadlines.ts";
import { type Candidate, caseColumns, type Line, rowOf, type Scoped } from "./rows.ts";

/**
 * Open cases in scope of a protected person whose mail-and-payment routine is not all ticked
 * off (issue 19, item 3; modules/protection/checklist.ts).
 */
export function protectionChecklistsInScope(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select(["c.opened_at", ...caseColumns])
    .where("c.status", "<>", "closed")
    .where("p.protection_level", "<>", "none")
    .where(
      (eb) =>
        eb
          .selectFrom("protection_checklist as k")
          .select((k) => k.fn.countAll<number>().as("n"))
          .whereRef("k.case_id", "=", "c.id"),
      "<",
      checklistItems.length,
    );
}

type ChecklistRow = Line<ReturnType<typeof protectionChecklistsInScope>, "opened_at">;

export function protectionChecklistCandidate(r: ChecklistRow): Candidate {
  return { ...rowOf(r), kind: "protection_checklist", dueAt: protectionChecklistDue(r.opened_at) };
}
