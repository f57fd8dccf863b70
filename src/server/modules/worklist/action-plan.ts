import { sql } from "kysely";
import { addDays, endOfDay, startOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { dueSoonDays } from "../../../shared/deadlines.ts";
import type { Actor } from "../../access/actor.ts";
import { keepsActionPlan } from "../action-plan/policy.ts";
import type { Candidate, Scoped } from "./rows.ts";

/**
 * The action plan's lines on Att göra (issue 20, item 1), about no case: an activity not done
 * by its day, for its owner; and a goal of a plan that covered last year with no follow-up of
 * that year, due on 31 January, for those who keep the plan (unit managers, administrators).
 * Read in Att göra's one statement like subjects.ts; the deadline module decides the rest.
 */
const noCase = { caseId: null, reference: null, personName: null, personId: null, unitId: null };
const me = (actor: Actor) => [{ userId: actor.userId, displayName: actor.displayName }];

/** My activities, planned or going on, whose day is past or within the window. */
export function planActivitiesDue(db: Scoped, actor: Actor, now: Date) {
  return db
    .selectFrom("action_plan_activity as a")
    .select(["a.id", "a.plan_id", "a.title", "a.due_on"])
    .where("a.org_id", "=", actor.orgId)
    .where("a.owner_id", "=", actor.userId)
    .where("a.status", "in", ["planned", "ongoing"])
    .where("a.due_on", "<=", addDays(stockholmDate(now), dueSoonDays + 1));
}

/** Goals made before this year in a plan that covered last year, with no follow-up of it. */
export function planFollowUpsDue(db: Scoped, actor: Actor, now: Date) {
  const lastYear = Number(stockholmDate(now).slice(0, 4)) - 1;
  return db
    .selectFrom("action_plan_goal as g")
    .innerJoin("action_plan as p", "p.id", "g.plan_id")
    .select(["g.id", "g.plan_id", "g.title", sql<number>`${lastYear}::integer`.as("year")])
    .where("p.org_id", "=", actor.orgId)
    .where(sql<boolean>`${keepsActionPlan(actor)}`)
    .where("p.from_year", "<=", lastYear)
    .where("p.to_year", ">=", lastYear)
    .where("g.created_at", "<", startOfDay(`${lastYear + 1}-01-01`))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("action_plan_follow_up as f")
            .select("f.id")
            .whereRef("f.goal_id", "=", "g.id")
            .where("f.year", "=", lastYear),
        ),
      ),
    );
}

export function planActivityCandidate(
  actor: Actor,
  r: { plan_id: string; title: string; due_on: string },
): Candidate {
  return {
    kind: "action_plan_activity",
    ...noCase,
    subject: { type: "action_plan", id: r.plan_id, title: r.title },
    responsible: me(actor),
    dueAt: endOfDay(String(r.due_on)),
  };
}

export function planFollowUpCandidate(
  actor: Actor,
  r: { plan_id: string; title: string; year: number },
): Candidate {
  return {
    kind: "action_plan_follow_up",
    ...noCase,
    subject: { type: "action_plan", id: r.plan_id, title: `${r.title} (${r.year})` },
    responsible: me(actor),
    // The committee hears of last year in its first meeting: followed up by 31 January.
    dueAt: endOfDay(`${Number(r.year) + 1}-01-31`),
  };
}
