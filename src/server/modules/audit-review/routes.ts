import { IdParams } from "../../../shared/api/admin.ts";
import { AuditEventList, AuditReviewQuery } from "../../../shared/api/audit.ts";
import {
  AnomalyList,
  AnomalyQuery,
  AnomalyView,
  ConcludeAnomaly,
  LogReviewSettings,
  NewReviewPlan,
  ReviewPlanList,
  ReviewPlanView,
  UpdateLogReviewSettings,
} from "../../../shared/api/log-review.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { concludeAnomaly, listAnomalies } from "./anomalies.ts";
import { changePlan, createPlan, listPlans } from "./plans.ts";
import { reviewPerson, reviewUser } from "./service.ts";
import { readSettings, updateSettings } from "./settings.ts";

const tags = ["audit"];

export const auditReviewRoutes: RouteModule = (app, context) => {
  const { database } = context;
  app.get(
    "/api/audit/persons/:id",
    {
      schema: {
        tags,
        summary: "A page of who accessed this person's data, newest first (unit managers)",
        params: IdParams,
        querystring: AuditReviewQuery,
        response: { 200: AuditEventList },
      },
    },
    async (request) =>
      reviewPerson(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      ),
  );
  app.get(
    "/api/audit/users/:id",
    {
      schema: {
        tags,
        summary: "A page of what this user accessed, newest first (unit managers)",
        params: IdParams,
        querystring: AuditReviewQuery,
        response: { 200: AuditEventList },
      },
    },
    async (request) =>
      reviewUser(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      ),
  );
  logReviewRoutes(app, context);
  settingsRoutes(app, context);
};

/** The threshold of "many persons in a day" (unit managers and administrators). */
const settingsRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/audit/settings",
    {
      schema: {
        tags,
        summary: "The log review's settings: the threshold of many persons in a day",
        response: { 200: LogReviewSettings },
      },
    },
    async (request) => readSettings(database, requireActor(request), requestMeta(request)),
  );
  app.put(
    "/api/audit/settings",
    {
      schema: {
        tags,
        summary: "Set the threshold of many persons in a day (audited with old and new value)",
        body: UpdateLogReviewSettings,
        response: { 200: LogReviewSettings },
      },
    },
    async (request) =>
      updateSettings(database, requireActor(request), requestMeta(request), request.body),
  );
};

/** Systematic log review (issue 19, item 7): anomalies, conclusions, review plans. */
const logReviewRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/audit/anomalies",
    {
      schema: {
        tags,
        summary: "The anomalies of a period in the trail of my units (unit managers)",
        querystring: AnomalyQuery,
        response: { 200: AnomalyList },
      },
    },
    async (request) =>
      listAnomalies(database, requireActor(request), requestMeta(request), request.query),
  );
  app.post(
    "/api/audit/anomalies/conclusions",
    {
      schema: {
        tags,
        summary: "Conclude an anomaly of my lists: justified, needs follow-up or unjustified",
        body: ConcludeAnomaly,
        response: { 201: AnomalyView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await concludeAnomaly(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );
  app.get(
    "/api/audit/plans",
    {
      schema: {
        tags,
        summary: "The review plans of the units I manage and those I review",
        response: { 200: ReviewPlanList },
      },
    },
    async (request) => listPlans(database, requireActor(request)),
  );
  app.post(
    "/api/audit/plans",
    {
      schema: {
        tags,
        summary: "Plan who reviews a unit's log, what and how often",
        body: NewReviewPlan,
        response: { 201: ReviewPlanView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createPlan(database, requireActor(request), requestMeta(request), request.body),
        ),
  );
  for (const [path, change] of [
    ["done", "done"],
    ["end", "ended"],
  ] as const) {
    app.post(
      `/api/audit/plans/:id/${path}`,
      {
        schema: {
          tags,
          summary:
            change === "done"
              ? "Record today's review of the plan as done (its reviewer)"
              : "End the plan (a manager of its unit)",
          params: IdParams,
          response: { 200: ReviewPlanView },
        },
      },
      async (request) =>
        changePlan(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          change,
        ),
    );
  }
};
