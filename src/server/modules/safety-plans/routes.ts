import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import { int4Param } from "../../../shared/api/fields.ts";
import {
  SafetyPlanHistory,
  SafetyPlanHistoryQuery,
  SafetyPlanView,
  SaveSafetyPlanBody,
} from "../../../shared/api/safety-plans.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  printSafetyPlan,
  readSafetyPlan,
  readSafetyPlanHistory,
  saveSafetyPlan,
} from "./service.ts";

const tags = ["safety plans"];

export const safetyPlanRoutes: RouteModule = (app, { database }) => {
  registerSafetyPlanReadRoutes(app, database);
  registerSafetyPlanWriteRoutes(app, database);
};

/** The safety plan read: the current version, its history, an earlier version. */
function registerSafetyPlanReadRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/safety-plan",
    {
      schema: {
        tags,
        summary: "The case's safety plan: the current version and the newest page of its history",
        params: IdParams,
        response: { 200: SafetyPlanView },
      },
    },
    async (request) =>
      readSafetyPlan(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.get(
    "/api/cases/:id/safety-plan/history",
    {
      schema: {
        tags,
        summary: "A page of the safety plan's history (version, when, by whom), newest first",
        params: IdParams,
        querystring: SafetyPlanHistoryQuery,
        response: { 200: SafetyPlanHistory },
      },
    },
    async (request) =>
      readSafetyPlanHistory(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      ),
  );
  app.get(
    "/api/cases/:id/safety-plan/versions/:version",
    {
      schema: {
        tags,
        summary: "One earlier version of the safety plan",
        params: z.object({ id: z.uuid(), version: int4Param().min(1) }),
        response: { 200: SafetyPlanView },
      },
    },
    async (request) =>
      readSafetyPlan(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.version,
      ),
  );
}

/** The safety plan saved as a new version, and printed to hand over. */
function registerSafetyPlanWriteRoutes(app: App, database: DatabaseHandle): void {
  app.put(
    "/api/cases/:id/safety-plan",
    {
      schema: {
        tags,
        summary: "Save the plan as a new version, made from the version the worker saw",
        params: IdParams,
        body: SaveSafetyPlanBody,
        response: { 200: SafetyPlanView },
      },
    },
    async (request) =>
      saveSafetyPlan(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
  app.get(
    "/api/cases/:id/safety-plan/pdf",
    {
      schema: {
        tags,
        summary: "The current safety plan as a PDF to hand over (it carries no address)",
        description: "Responds with application/pdf.",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const printed = await printSafetyPlan(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      );
      return sendAttachment(reply, {
        content: printed.pdf,
        mediaType: "application/pdf",
        filename: printed.reference
          ? `sakerhetsplan-${printed.reference}.pdf`
          : "sakerhetsplan.pdf",
      });
    },
  );
}
