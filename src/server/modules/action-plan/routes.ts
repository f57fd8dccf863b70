import {
  ActivityParams,
  AddActivityBody,
  AddAreaBody,
  AreaParams,
  CreatePlanBody,
  FollowUpGoalBody,
  FollowUpParams,
  GoalBody,
  GoalParams,
  IndicatorValues,
  PlanList,
  PlanParams,
  PlanView,
  UpdateActivityBody,
  UpdatePlanBody,
  YearQuery,
} from "../../../shared/api/action-plan.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { indicatorValues, recordFollowUp } from "./record-follow-up.ts";
import {
  addArea,
  createPlan,
  listPlans,
  readPlan,
  renameArea,
  saveActivity,
  saveGoal,
  updatePlan,
} from "./service.ts";

const tags = ["action-plan"];
const base = "/api/action-plans/:planId";

export const actionPlanRoutes: RouteModule = (app, { database }) => {
  registerPlanRoutes(app, database);
  registerPartRoutes(app, database);
};

function registerPlanRoutes(app: App, database: DatabaseHandle): void {
  const schema = (summary: string) => ({ tags, summary });
  app.get(
    "/api/action-plans",
    { schema: { ...schema("The organisation's action plans"), response: { 200: PlanList } } },
    (request) => listPlans(database, requireActor(request), requestMeta(request)),
  );
  app.post(
    "/api/action-plans",
    {
      schema: {
        ...schema("Adopt a plan (with the five fixed areas)"),
        body: CreatePlanBody,
        response: { 201: PlanView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createPlan(database, requireActor(request), requestMeta(request), request.body),
        ),
  );
  app.get(
    base,
    {
      schema: {
        ...schema("One plan: areas, goals, activities, follow-ups"),
        params: PlanParams,
        response: { 200: PlanView },
      },
    },
    (request) =>
      readPlan(database, requireActor(request), requestMeta(request), request.params.planId),
  );
  app.put(
    base,
    {
      schema: {
        ...schema("Change the plan's title, adoption and period (stale version: 409)"),
        params: PlanParams,
        body: UpdatePlanBody,
        response: { 200: PlanView },
      },
    },
    (request) =>
      updatePlan(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.planId,
        request.body,
      ),
  );
  app.get(
    `${base}/indicator-values`,
    {
      schema: {
        ...schema("The computed indicators' values for a year (not stored)"),
        params: PlanParams,
        querystring: YearQuery,
        response: { 200: IndicatorValues },
      },
    },
    (request) =>
      indicatorValues(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.planId,
        request.query.year,
      ),
  );
}

function registerPartRoutes(app: App, database: DatabaseHandle): void {
  const ctx = (request: Parameters<typeof requireActor>[0]) =>
    [database, requireActor(request), requestMeta(request)] as const;
  const schema = (summary: string) => ({
    tags,
    summary: `${summary} (stale version: 409)`,
    params: PlanParams,
  });
  app.post(
    `${base}/areas`,
    {
      schema: {
        ...schema("Add an area of the organisation's own"),
        body: AddAreaBody,
        response: { 201: PlanView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addArea(...ctx(request), request.params.planId, request.body)),
  );
  app.put(
    `${base}/areas/:areaId`,
    {
      schema: {
        ...schema("Rename an area of the organisation's own"),
        params: AreaParams,
        body: AddAreaBody,
        response: { 200: PlanView },
      },
    },
    (request) =>
      renameArea(...ctx(request), request.params.planId, request.params.areaId, request.body),
  );
  app.post(
    `${base}/goals`,
    {
      schema: {
        ...schema("Add a goal with its indicator"),
        body: GoalBody,
        response: { 201: PlanView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await saveGoal(...ctx(request), request.params.planId, null, request.body)),
  );
  app.put(
    `${base}/goals/:goalId`,
    {
      schema: {
        ...schema("Change a goal"),
        params: GoalParams,
        body: GoalBody,
        response: { 200: PlanView },
      },
    },
    (request) =>
      saveGoal(...ctx(request), request.params.planId, request.params.goalId, request.body),
  );
  app.post(
    `${base}/activities`,
    {
      schema: {
        ...schema("Add an activity to a goal"),
        body: AddActivityBody,
        response: { 201: PlanView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await saveActivity(...ctx(request), request.params.planId, null, request.body)),
  );
  app.put(
    `${base}/activities/:activityId`,
    {
      schema: {
        tags,
        summary: "Change an activity (stale version: 409)",
        params: ActivityParams,
        body: UpdateActivityBody,
        response: { 200: PlanView },
      },
    },
    (request) =>
      saveActivity(...ctx(request), request.params.planId, request.params.activityId, request.body),
  );
  app.put(
    `${base}/goals/:goalId/follow-ups/:year`,
    {
      schema: {
        tags,
        summary:
          "The year's follow-up of a goal (a computed indicator counted now; stale version: 409)",
        params: FollowUpParams,
        body: FollowUpGoalBody,
        response: { 200: PlanView },
      },
    },
    (request) => {
      const { planId, goalId, year } = request.params;
      return recordFollowUp(...ctx(request), { planId, goalId, year }, request.body);
    },
  );
}
