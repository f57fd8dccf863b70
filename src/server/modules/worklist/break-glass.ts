import { addDays, endOfDay, stockholmDate } from "../../../shared/calendar.ts";
import type { Actor } from "../../access/actor.ts";
import type { Candidate, Scoped } from "./rows.ts";

/**
 * Break-glass accesses waiting for a conclusion (issue 19, item 6), for the managers of the
 * case's unit (the view frid_break_glass_review_item shows a manager exactly those). A subject
 * line, not a case's: the manager may be barred from the case itself, and the review page is
 * where it is concluded. Read in the one statement of Att göra (service.ts readLines).
 */
export function breakGlassDue(db: Scoped) {
  return db
    .selectFrom("frid_break_glass_review_item as b")
    .select(["b.grant_id", "b.reference", "b.user_name", "b.granted_at"])
    .where("b.conclusion", "is", null);
}

/** Reviewed by the end of the next day: an exceptional access is looked at while it is fresh. */
export function breakGlassCandidate(
  actor: Actor,
  r: {
    grant_id: string | null;
    reference: string | null;
    user_name: string | null;
    granted_at: Date | string | null;
  },
): Candidate {
  const day = stockholmDate(new Date(String(r.granted_at)));
  return {
    kind: "break_glass_review",
    caseId: null,
    reference: null,
    personName: null,
    personId: null,
    unitId: null,
    subject: {
      type: "break_glass",
      id: String(r.grant_id),
      title: `${r.reference ?? ""} – ${r.user_name ?? ""}`,
    },
    responsible: [{ userId: actor.userId, displayName: actor.displayName }],
    dueAt: endOfDay(addDays(day, 1)),
  };
}
