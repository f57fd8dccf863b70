import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import { DecisionParams } from "../../../shared/api/decisions.ts";
import { PlanList, RecordFollowUpBody, SavePlanBody } from "../../../shared/api/plans.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { readPlans, recordFollowUp, savePlan } from "./service.ts";

const tags = ["implementation"];
const PlanParams = z.object({ id: z.uuid(), planId: z.uuid() });

export const planRoutes: RouteModule = (app, { database }) => {
  registerPlanRoutes(app, database);
  registerFollowUpRoute(app, database);
};

/** Implementation plans: read, and written for a granted decision. */
function registerPlanRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/plans",
    {
      schema: {
        tags,
        summary: "Implementation plans with their follow-ups",
        params: IdParams,
        response: { 200: PlanList },
      },
    },
    async (request) => ({
      plans: await readPlans(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.put(
    "/api/cases/:id/decisions/:decisionId/plan",
    {
      schema: {
        tags,
        summary: "Write or change the implementation plan of a granted decision",
        params: DecisionParams,
        body: SavePlanBody,
        response: { 200: PlanList },
      },
    },
    async (request) => ({
      plans: await savePlan(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.decisionId,
        request.body,
      ),
    }),
  );
}

/** A follow-up of a plan recorded, and the next planned. */
function registerFollowUpRoute(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/plans/:planId/follow-ups",
    {
      schema: {
        tags,
        summary: "Record a follow-up and plan the next",
        params: PlanParams,
        body: RecordFollowUpBody,
        response: { 200: PlanList },
      },
    },
    async (request) => ({
      plans: await recordFollowUp(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.planId,
        request.body,
      ),
    }),
  );
}
