import { sql } from "kysely";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { routineReviewDue, routineReviewNoticeDays } from "../../../shared/deadlines.ts";
import type { Actor } from "../../access/actor.ts";
import { keepsRoutines } from "../routines/policy.ts";
import type { Candidate, Scoped } from "./rows.ts";

/**
 * Att göra's lines for routines whose review date is within 60 days or passed (issue 20,
 * item 2): the owner's ("mine") and, for the register's keepers, every such routine of the
 * organisation ("unit"). A superseded routine has its new version to watch instead. Read in
 * the one statement of Att göra (worklist/service.ts readLines); the deadline module
 * (routineReviewDue) decides what shows.
 */
export function routinesDue(db: Scoped, actor: Actor, scope: "mine" | "unit", now: Date) {
  const horizon = addDays(stockholmDate(now), routineReviewNoticeDays + 1);
  return db
    .selectFrom("routine as r")
    .innerJoin("app_user as o", "o.id", "r.owner_id")
    .select(["r.id", "r.title", "r.review_on", "o.id as owner_id", "o.display_name as owner_name"])
    .where("r.org_id", "=", actor.orgId)
    .where("r.review_on", "<=", horizon)
    .where(sql<boolean>`not exists (select 1 from routine n where n.supersedes_id = r.id)`)
    .where((eb) =>
      scope === "mine"
        ? eb("r.owner_id", "=", actor.userId)
        : keepsRoutines(actor)
          ? eb.lit(true)
          : eb.lit(false),
    );
}

export function routineCandidate(r: {
  id: string;
  title: string;
  review_on: string;
  owner_id: string;
  owner_name: string;
}): Candidate {
  return {
    kind: "routine_review",
    caseId: null,
    reference: null,
    personName: null,
    personId: null,
    unitId: null,
    subject: { type: "routine", id: r.id, title: `${r.title} (revideras senast ${r.review_on})` },
    responsible: [{ userId: r.owner_id, displayName: r.owner_name }],
    dueAt: routineReviewDue(String(r.review_on)),
  };
}
