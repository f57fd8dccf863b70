import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import {
  CoordinatedPlanList,
  CoordinatedPlanOptions,
  CoordinatedPlanView,
  OpenCoordinatedPlanBody,
  SaveCoordinatedPlanBody,
} from "../../../shared/api/coordinated-plans.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { printPlan } from "./print.ts";
import { listPlans, openPlan, readPlan, readPlanOptions, savePlan } from "./service.ts";

const tags = ["coordinated plans"];
const PlanParams = z.object({ id: z.uuid(), planId: z.uuid() });

export const coordinatedPlanRoutes: RouteModule = (app, { database }) => {
  registerPlanReadRoutes(app, database);
  registerPlanWriteRoutes(app, database);
};

/** A case's SIPs, one of them, and what a plan may draw on. */
function registerPlanReadRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/coordinated-plans",
    {
      schema: {
        tags,
        summary: "The case's coordinated individual plans (SIP), newest first",
        params: IdParams,
        response: { 200: CoordinatedPlanList },
      },
    },
    async (request) =>
      listPlans(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.get(
    "/api/cases/:id/coordinated-plans/options",
    {
      schema: {
        tags,
        summary: "The person's consents to share and the directory contacts of those agencies",
        params: IdParams,
        response: { 200: CoordinatedPlanOptions },
      },
    },
    async (request) =>
      readPlanOptions(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.get(
    "/api/cases/:id/coordinated-plans/:planId",
    {
      schema: {
        tags,
        summary: "One SIP of the case",
        params: PlanParams,
        response: { 200: CoordinatedPlanView },
      },
    },
    async (request) =>
      readPlan(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.planId,
      ),
  );
}

/** Opening a SIP on her consent, saving it, printing it for the participants. */
function registerPlanWriteRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/coordinated-plans",
    {
      schema: {
        tags,
        summary: "Open a SIP with the region's agency, on her consent to share with it",
        description: "No valid consent naming the agency: 409 consent_not_valid.",
        params: IdParams,
        body: OpenCoordinatedPlanBody,
        response: { 201: CoordinatedPlanView },
      },
    },
    async (request, reply) => {
      const plan = await openPlan(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(plan);
    },
  );
  app.put(
    "/api/cases/:id/coordinated-plans/:planId",
    {
      schema: {
        tags,
        summary: "Save the SIP as a whole, from the version the worker saw (stale: 409)",
        params: PlanParams,
        body: SaveCoordinatedPlanBody,
        response: { 200: CoordinatedPlanView },
      },
    },
    async (request) =>
      (
        await savePlan(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          request.params.planId,
          request.body,
        )
      ).plan,
  );
  app.get(
    "/api/cases/:id/coordinated-plans/:planId/pdf",
    {
      schema: {
        tags,
        summary: "The SIP as a PDF for its participants: a disclosure to each agency",
        description:
          "Responds with application/pdf. Every agency's consent must hold (409 consent_not_valid); a version not yet disclosed to an agency records a disclosure to it.",
        params: PlanParams,
      },
    },
    async (request, reply) => {
      const printed = await printPlan(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.planId,
      );
      return sendAttachment(reply, {
        content: printed.pdf,
        mediaType: "application/pdf",
        filename: printed.reference ? `sip-${printed.reference}.pdf` : "sip.pdf",
      });
    },
  );
}
