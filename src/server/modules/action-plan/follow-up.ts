import type {
  ActionPlanYear,
  AreaKind,
  GoalFollowUpStatus,
  IndicatorCode,
} from "../../../shared/api/action-plan.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * The action plan's year for the committee's yearly report (issue 20, item 4 calls it): the
 * plan whose period holds the year (the latest adopted if two do), its areas and goals with
 * their targets, and each goal's follow-up of that year. Plain data, no personal data: never
 * who recorded a follow-up nor an activity's owner. Reads only columns frid_report may read
 * (0087), so it runs in a reporting transaction as well as in the actor's.
 */
export async function actionPlanFollowUp(
  trx: Trx,
  orgId: string,
  year: number,
): Promise<ActionPlanYear> {
  const plan = await trx
    .selectFrom("action_plan")
    .select(["id", "title", "adopted_by", "adopted_on", "from_year", "to_year"])
    .where("org_id", "=", orgId)
    .where("from_year", "<=", year)
    .where("to_year", ">=", year)
    .orderBy("adopted_on", "desc")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (!plan) return { year, plan: null, areas: [] };
  // One after another: a transaction is one connection, which takes one statement at a time.
  const areas = await trx
    .selectFrom("action_plan_area")
    .select(["id", "kind", "title"])
    .where("plan_id", "=", plan.id)
    .orderBy("position")
    .execute();
  const goals = await trx
    .selectFrom("action_plan_goal")
    .select([
      "id",
      "area_id",
      "title",
      "indicator_name",
      "indicator_unit",
      "target_value",
      "indicator_code",
    ])
    .where("plan_id", "=", plan.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const followUps = await trx
    .selectFrom("action_plan_follow_up")
    .select(["goal_id", "status", "done", "value", "computed", "computed_at"])
    .where("plan_id", "=", plan.id)
    .where("year", "=", year)
    .execute();
  const followUpOf = new Map(followUps.map((f) => [f.goal_id, f]));
  return {
    year,
    plan: {
      id: plan.id,
      title: plan.title,
      adoptedBy: plan.adopted_by,
      adoptedOn: plan.adopted_on,
      fromYear: plan.from_year,
      toYear: plan.to_year,
    },
    areas: areas.map((a) => ({
      kind: a.kind as AreaKind,
      title: a.title,
      goals: goals.filter((g) => g.area_id === a.id).map((g) => goalOf(g, followUpOf.get(g.id))),
    })),
  };
}

type GoalRow = {
  title: string;
  indicator_name: string;
  indicator_unit: string;
  target_value: string;
  indicator_code: string | null;
};
type FollowUpRow = {
  status: string;
  done: string;
  value: string | null;
  computed: boolean;
  computed_at: Date | string | null;
};

function goalOf(
  g: GoalRow,
  f: FollowUpRow | undefined,
): ActionPlanYear["areas"][number]["goals"][number] {
  return {
    title: g.title,
    indicator: {
      name: g.indicator_name,
      unit: g.indicator_unit,
      target: Number(g.target_value),
      code: g.indicator_code as IndicatorCode | null,
    },
    followUp: f
      ? {
          status: f.status as GoalFollowUpStatus,
          done: f.done,
          value: f.value === null ? null : Number(f.value),
          computed: f.computed,
          computedAt: f.computed_at === null ? null : new Date(f.computed_at).toISOString(),
        }
      : null,
  };
}
