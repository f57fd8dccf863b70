import { randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  type AddActivityBody,
  type AddAreaBody,
  type CreatePlanBody,
  fixedAreaKinds,
  type GoalBody,
  type PlanList,
  type PlanView,
  type UpdateActivityBody,
  type UpdatePlanBody,
} from "../../../shared/api/action-plan.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError, invalid } from "../../http/errors.ts";
import {
  notKeeper,
  notReader,
  type PlanChange,
  type PlanRow,
  recordPlanRefusal,
  runPlanCommand,
} from "./guard.ts";
import { checkOwner } from "./owners.ts";
import { keepsActionPlan, readsActionPlan } from "./policy.ts";
import { planSummaries, planView } from "./queries.ts";

/** The organisation's plans (readers). */
export async function listPlans(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<PlanList> {
  if (!readsActionPlan(actor)) {
    await recordPlanRefusal(database, actor, meta, "action_plan.read", null);
    throw notReader();
  }
  return withActor(database.db, actor, async (trx) => {
    const plans = await planSummaries(trx, actor);
    await recordAudit(trx, auditContext(actor, meta), [
      { action: "action_plan.read", resourceType: "action_plan", resourceId: null, data: {} },
    ]);
    return { plans, mayCreate: keepsActionPlan(actor) };
  });
}

/** A new plan with the five areas the committee asked to hear about. */
export async function createPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: z.output<typeof CreatePlanBody>,
): Promise<PlanView> {
  if (!keepsActionPlan(actor)) {
    await recordPlanRefusal(database, actor, meta, "action_plan.change", null);
    throw readsActionPlan(actor) ? notKeeper() : notReader();
  }
  return withActor(database.db, actor, async (trx) => {
    const id = randomUUID();
    await trx
      .insertInto("action_plan")
      .values({
        id,
        org_id: actor.orgId,
        title: input.title,
        adopted_by: input.adoptedBy,
        adopted_on: input.adoptedOn,
        from_year: input.fromYear,
        to_year: input.toYear,
        created_by: actor.userId,
      })
      .execute();
    await trx
      .insertInto("action_plan_area")
      .values(
        fixedAreaKinds.map((kind, position) => ({
          id: randomUUID(),
          org_id: actor.orgId,
          plan_id: id,
          kind,
          position,
        })),
      )
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "action_plan.change",
        resourceType: "action_plan",
        resourceId: id,
        data: { planId: id, change: "created", recordId: id },
      },
    ]);
    return planView(trx, actor, id);
  });
}

export function readPlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
): Promise<PlanView> {
  return runPlanCommand(database, actor, meta, planId, {
    need: "read",
    run: (trx) => planView(trx, actor, planId),
  });
}

/** A change of the plan: the guard's version check, then `run`; answers the plan anew. */
function change(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  c: {
    version: number;
    change: PlanChange;
    run: (trx: Trx, plan: PlanRow) => Promise<string>;
  },
): Promise<PlanView> {
  return runPlanCommand(database, actor, meta, planId, {
    need: "keep",
    ...c,
    answer: (trx) => planView(trx, actor, planId),
  });
}

export function updatePlan(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  input: z.output<typeof UpdatePlanBody>,
) {
  return change(database, actor, meta, planId, {
    version: input.version,
    change: "updated",
    run: async (trx) => {
      const { title, adoptedBy, adoptedOn, fromYear, toYear } = input.plan;
      const outside = await trx
        .selectFrom("action_plan_follow_up")
        .select("year")
        .where("plan_id", "=", planId)
        .where((eb) => eb.or([eb("year", "<", fromYear), eb("year", ">", toYear)]))
        .executeTakeFirst();
      if (outside)
        throw invalid({
          "plan.toYear": `Planen har en uppföljning för ${outside.year}: perioden måste omfatta det året.`,
        });
      await trx
        .updateTable("action_plan")
        .set({
          title,
          adopted_by: adoptedBy,
          adopted_on: adoptedOn,
          from_year: fromYear,
          to_year: toYear,
        })
        .where("id", "=", planId)
        .execute();
      return planId;
    },
  });
}

export function addArea(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  input: z.output<typeof AddAreaBody>,
) {
  return change(database, actor, meta, planId, {
    version: input.version,
    change: "area_added",
    run: async (trx) => {
      const last = await trx
        .selectFrom("action_plan_area")
        .select((eb) => eb.fn.max("position").as("position"))
        .where("plan_id", "=", planId)
        .executeTakeFirst();
      const id = randomUUID();
      await trx
        .insertInto("action_plan_area")
        .values({
          id,
          org_id: actor.orgId,
          plan_id: planId,
          kind: "own",
          title: input.title,
          position: Number(last?.position ?? 0) + 1,
        })
        .execute();
      return id;
    },
  });
}

const areaNotFound = () =>
  new AppError(
    404,
    "not_found",
    "Området finns inte i handlingsplanen, eller så saknar du behörighet.",
  );

/** An own area renamed; the five fixed areas keep the names the committee asked about. */
export function renameArea(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  areaId: string,
  input: z.output<typeof AddAreaBody>,
) {
  return change(database, actor, meta, planId, {
    version: input.version,
    change: "area_renamed",
    run: async (trx) => {
      const area = await trx
        .selectFrom("action_plan_area")
        .select("kind")
        .where("id", "=", areaId)
        .where("plan_id", "=", planId)
        .executeTakeFirst();
      if (!area) throw areaNotFound();
      if (area.kind !== "own")
        throw invalid({
          title:
            "De fem fasta områdena har de namn nämnden följer upp; bara egna områden byter namn.",
        });
      await trx
        .updateTable("action_plan_area")
        .set({ title: input.title })
        .where("id", "=", areaId)
        .execute();
      return areaId;
    },
  });
}

const goalNotFound = () =>
  new AppError(
    404,
    "not_found",
    "Målet finns inte i handlingsplanen, eller så saknar du behörighet.",
  );
const activityNotFound = () =>
  new AppError(
    404,
    "not_found",
    "Aktiviteten finns inte i handlingsplanen, eller så saknar du behörighet.",
  );

async function inPlan(
  trx: Trx,
  table: "action_plan_area" | "action_plan_goal",
  planId: string,
  id: string,
) {
  const row = await trx
    .selectFrom(table)
    .select("id")
    .where("id", "=", id)
    .where("plan_id", "=", planId)
    .executeTakeFirst();
  return row !== undefined;
}

function goalValues(input: z.output<typeof GoalBody>) {
  return {
    area_id: input.areaId,
    title: input.title,
    description: input.description,
    indicator_name: input.indicator.name,
    indicator_unit: input.indicator.unit,
    target_value: String(input.indicator.target),
    indicator_code: input.indicator.code,
  };
}

export function saveGoal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  goalId: string | null,
  input: z.output<typeof GoalBody>,
) {
  return change(database, actor, meta, planId, {
    version: input.version,
    change: goalId ? "goal_updated" : "goal_added",
    run: async (trx) => {
      if (goalId && !(await inPlan(trx, "action_plan_goal", planId, goalId))) throw goalNotFound();
      if (!(await inPlan(trx, "action_plan_area", planId, input.areaId)))
        throw invalid({ areaId: "Välj ett av planens områden." });
      if (goalId) {
        await trx
          .updateTable("action_plan_goal")
          .set(goalValues(input))
          .where("id", "=", goalId)
          .execute();
        return goalId;
      }
      const id = randomUUID();
      await trx
        .insertInto("action_plan_goal")
        .values({ id, org_id: actor.orgId, plan_id: planId, ...goalValues(input) })
        .execute();
      return id;
    },
  });
}

export function saveActivity(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  activityId: string | null,
  input: z.output<typeof UpdateActivityBody> &
    Partial<Pick<z.output<typeof AddActivityBody>, "goalId">>,
) {
  return change(database, actor, meta, planId, {
    version: input.version,
    change: activityId ? "activity_updated" : "activity_added",
    run: async (trx) => {
      const current = activityId
        ? await trx
            .selectFrom("action_plan_activity")
            .select("owner_id")
            .where("id", "=", activityId)
            .where("plan_id", "=", planId)
            .executeTakeFirst()
        : null;
      if (activityId && !current) throw activityNotFound();
      if (input.goalId && !(await inPlan(trx, "action_plan_goal", planId, input.goalId)))
        throw invalid({ goalId: "Välj ett av planens mål." });
      await checkOwner(trx, actor, input.ownerId, current?.owner_id ?? null);
      const values = {
        title: input.title,
        owner_id: input.ownerId,
        due_on: input.dueOn,
        status: input.status,
      };
      if (activityId) {
        await trx
          .updateTable("action_plan_activity")
          .set(values)
          .where("id", "=", activityId)
          .execute();
        return activityId;
      }
      const id = randomUUID();
      await trx
        .insertInto("action_plan_activity")
        .values({
          id,
          org_id: actor.orgId,
          plan_id: planId,
          goal_id: input.goalId as string,
          ...values,
        })
        .execute();
      return id;
    },
  });
}
