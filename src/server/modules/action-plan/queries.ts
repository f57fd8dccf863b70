import type { z } from "zod";
import type {
  ActivityStatus,
  AreaKind,
  GoalFollowUpStatus,
  IndicatorCode,
  PlanSummary,
  PlanView,
} from "../../../shared/api/action-plan.ts";
import { indicatorCodes } from "../../../shared/api/action-plan.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import { indicatorCatalogue } from "./indicators.ts";
import { activityOwners } from "./owners.ts";
import { keepsActionPlan } from "./policy.ts";

/** The plans of the actor's organisation, newest period first. */
export async function planSummaries(
  trx: Trx,
  actor: Actor,
): Promise<z.infer<typeof PlanSummary>[]> {
  const rows = await trx
    .selectFrom("action_plan")
    .select(["id", "title", "adopted_by", "adopted_on", "from_year", "to_year", "version"])
    .where("org_id", "=", actor.orgId)
    .orderBy("from_year", "desc")
    .orderBy("adopted_on", "desc")
    .orderBy("id")
    .execute();
  return rows.map(summaryOf);
}

function summaryOf(r: {
  id: string;
  title: string;
  adopted_by: string;
  adopted_on: string;
  from_year: number;
  to_year: number;
  version: number;
}) {
  return {
    id: r.id,
    title: r.title,
    adoptedBy: r.adopted_by,
    adoptedOn: String(r.adopted_on),
    fromYear: r.from_year,
    toYear: r.to_year,
    version: r.version,
  };
}

async function goalsOf(trx: Trx, planId: string, today: string) {
  const goals = await trx
    .selectFrom("action_plan_goal")
    .selectAll()
    .where("plan_id", "=", planId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const activities = await trx
    .selectFrom("action_plan_activity as a")
    .innerJoin("app_user as u", "u.id", "a.owner_id")
    .select([
      "a.id",
      "a.goal_id",
      "a.title",
      "a.owner_id",
      "u.display_name",
      "a.due_on",
      "a.status",
    ])
    .where("a.plan_id", "=", planId)
    .orderBy("a.due_on")
    .orderBy("a.id")
    .execute();
  const followUps = await trx
    .selectFrom("action_plan_follow_up as f")
    .innerJoin("app_user as u", "u.id", "f.recorded_by")
    .select([
      "f.goal_id",
      "f.year",
      "f.status",
      "f.done",
      "f.value",
      "f.computed",
      "f.computed_at",
      "f.recorded_at",
      "u.display_name",
    ])
    .where("f.plan_id", "=", planId)
    .orderBy("f.year", "desc")
    .execute();
  return goals.map((g) => {
    const code = g.indicator_code as IndicatorCode | null;
    return {
      id: g.id,
      areaId: g.area_id,
      title: g.title,
      description: g.description,
      indicator: {
        name: g.indicator_name,
        unit: g.indicator_unit,
        target: Number(g.target_value),
        code,
        codeName: code ? indicatorCatalogue[code].name : null,
      },
      activities: activities
        .filter((a) => a.goal_id === g.id)
        .map((a) => ({
          id: a.id,
          title: a.title,
          ownerId: a.owner_id,
          ownerName: a.display_name,
          dueOn: String(a.due_on),
          status: a.status as ActivityStatus,
          overdue: String(a.due_on) < today && (a.status === "planned" || a.status === "ongoing"),
        })),
      followUps: followUps
        .filter((f) => f.goal_id === g.id)
        .map((f) => ({
          year: f.year,
          status: f.status as GoalFollowUpStatus,
          done: f.done,
          value: f.value === null ? null : Number(f.value),
          computed: f.computed,
          computedAt: f.computed_at === null ? null : new Date(f.computed_at).toISOString(),
          recordedAt: new Date(f.recorded_at).toISOString(),
          recordedBy: f.display_name,
        })),
    };
  });
}

/** The whole plan as its page shows it, with what the actor may do and whom she may name. */
export async function planView(trx: Trx, actor: Actor, planId: string): Promise<PlanView> {
  const plan = await trx
    .selectFrom("action_plan")
    .select(["id", "title", "adopted_by", "adopted_on", "from_year", "to_year", "version"])
    .where("id", "=", planId)
    .executeTakeFirstOrThrow();
  const areas = await trx
    .selectFrom("action_plan_area")
    .select(["id", "kind", "title"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  const goals = await goalsOf(trx, planId, stockholmDate(new Date()));
  const keeps = keepsActionPlan(actor);
  const staff = keeps ? await activityOwners(trx, actor.orgId) : [];
  return {
    ...summaryOf(plan),
    areas: areas.map((a) => ({
      id: a.id,
      kind: a.kind as AreaKind,
      title: a.title,
      goals: goals.filter((g) => g.areaId === a.id),
    })),
    abilities: { change: keeps },
    indicators: indicatorCodes.map((code) => ({ code, ...indicatorCatalogue[code] })),
    staff,
  };
}
