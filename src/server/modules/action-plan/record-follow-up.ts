import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type {
  FollowUpGoalBody,
  IndicatorCode,
  IndicatorValues,
  PlanView,
} from "../../../shared/api/action-plan.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor, withReporting } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { changedMeanwhile, runPlanCommand } from "./guard.ts";
import { computeIndicator } from "./indicators.ts";
import { countsIndicators, readsActionPlan } from "./policy.ts";
import { planView } from "./queries.ts";

/**
 * The year's follow-up of a goal (status, what was done, the indicator's value). A computed
 * indicator's value is counted by Frid for that year when the follow-up is recorded, in a
 * reporting transaction of its own BEFORE the change's (one connection holds one transaction
 * at a time), and stored with `computed` and when; the change then checks that the goal
 * still follows the indicator counted. A value given by hand is taken only for a manual one.
 */
const notComputable = () =>
  new AppError(
    409,
    "conflict",
    "Frid räknar fram värdet ur ärendena i de enheter du rapporterar för, och du rapporterar inte för någon enhet. Be en enhetschef följa upp målet.",
  );

/** The goal's computed indicator as the actor sees it now (nothing when not hers to see). */
async function indicatorOf(database: DatabaseHandle, actor: Actor, goalId: string) {
  if (!readsActionPlan(actor)) return undefined;
  return withActor(database.db, actor, async (trx) => {
    const goal = await trx
      .selectFrom("action_plan_goal")
      .select("indicator_code")
      .where("id", "=", goalId)
      .executeTakeFirst();
    return goal?.indicator_code as IndicatorCode | null | undefined;
  });
}

function countFor(database: DatabaseHandle, actor: Actor, code: IndicatorCode, year: number) {
  return withReporting(database.db, actor, (trx) =>
    computeIndicator(trx, code, { orgId: actor.orgId, year }),
  );
}

/** One follow-up per goal and year: a second one for the year replaces the first. */
async function saveFollowUp(
  trx: Trx,
  actor: Actor,
  ids: { planId: string; goalId: string; year: number },
  fields: {
    status: string;
    done: string;
    value: string | null;
    computed: boolean;
    computed_at: Date | null;
  },
) {
  const row = { ...fields, recorded_by: actor.userId, recorded_at: new Date() };
  const saved = await trx
    .insertInto("action_plan_follow_up")
    .values({
      id: randomUUID(),
      org_id: actor.orgId,
      plan_id: ids.planId,
      goal_id: ids.goalId,
      year: ids.year,
      ...row,
    })
    .onConflict((oc) => oc.columns(["goal_id", "year"]).doUpdateSet(row))
    .returning("id")
    .executeTakeFirstOrThrow();
  return saved.id;
}

export async function recordFollowUp(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  ids: { planId: string; goalId: string; year: number },
  input: z.output<typeof FollowUpGoalBody>,
): Promise<PlanView> {
  const { planId, goalId, year } = ids;
  const code = await indicatorOf(database, actor, goalId);
  if (code && input.value !== null)
    throw invalid({ value: "Frid räknar fram värdet för en beräknad indikator – lämna det tomt." });
  if (code && !countsIndicators(actor)) throw notComputable();
  const counted = code ? await countFor(database, actor, code, year) : null;
  const computedAt = code ? new Date() : null;
  return runPlanCommand(database, actor, meta, planId, {
    need: "keep",
    version: input.version,
    change: "followed_up",
    run: async (trx, plan) => {
      const goal = await trx
        .selectFrom("action_plan_goal")
        .select("indicator_code")
        .where("id", "=", goalId)
        .where("plan_id", "=", planId)
        .executeTakeFirst();
      if (!goal)
        throw new AppError(
          404,
          "not_found",
          "Målet finns inte i handlingsplanen, eller så saknar du behörighet.",
        );
      // Changed between the count and the lock: what was counted is not the goal's indicator.
      if ((goal.indicator_code ?? null) !== (code ?? null)) throw changedMeanwhile();
      if (year < plan.from_year || year > plan.to_year)
        throw invalid({ year: `Planen gäller ${plan.from_year}–${plan.to_year}.` });
      if (year > Number(stockholmDate(new Date()).slice(0, 4)))
        throw invalid({ year: "Ett år följs upp när det har börjat." });
      return saveFollowUp(
        trx,
        actor,
        { planId, goalId, year },
        {
          status: input.status,
          done: input.done,
          value: code ? String(counted) : input.value === null ? null : String(input.value),
          computed: code !== null && code !== undefined,
          computed_at: computedAt,
        },
      );
    },
    answer: (trx) => planView(trx, actor, planId),
  });
}

/** The computed indicators' values of the plan's goals for a year, for the follow-up form. */
export async function indicatorValues(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  year: number,
): Promise<IndicatorValues> {
  // Read (and audited) first, so a plan she may not read is refused before anything is counted.
  const goals = await runPlanCommand(database, actor, meta, planId, {
    need: "read",
    year,
    run: (trx) =>
      trx
        .selectFrom("action_plan_goal")
        .select(["id", "indicator_code"])
        .where("plan_id", "=", planId)
        .where("indicator_code", "is not", null)
        .orderBy("created_at")
        .orderBy("id")
        .execute(),
  });
  if (!countsIndicators(actor)) return { year, computable: false, values: [] };
  const codes = [...new Set(goals.map((g) => g.indicator_code as IndicatorCode))];
  const counted = await withReporting(database.db, actor, async (trx) => {
    const values = new Map<IndicatorCode, number>();
    for (const c of codes)
      values.set(c, await computeIndicator(trx, c, { orgId: actor.orgId, year }));
    return values;
  });
  return {
    year,
    computable: true,
    values: goals.map((g) => {
      const c = g.indicator_code as IndicatorCode;
      return { goalId: g.id, code: c, value: counted.get(c) ?? 0 };
    }),
  };
}
