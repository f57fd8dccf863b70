import { IdParams } from "../../../shared/api/admin.ts";
import {
  PoliceCollaborationView,
  RecordPoliceIncidentBody,
  RestrainingOrderBody,
  RestrainingOrderParams,
  SafetyAlarmBody,
  SafetyAlarmParams,
  UpdateRestrainingOrderBody,
  UpdateSafetyAlarmBody,
} from "../../../shared/api/police-collaboration.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  readPolice,
  recordAlarm,
  recordIncident,
  recordOrder,
  updateAlarm,
  updateOrder,
} from "./service.ts";

const tags = ["police-collaboration"];

/** The panel and the police-reported incidents (a risk conference counts them). */
function registerPanelRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/cases/:id/police-collaboration",
    {
      schema: {
        tags,
        summary:
          "Restraining orders, safety alarms, police-reported incidents, the police's latest assessment",
        params: IdParams,
        response: { 200: PoliceCollaborationView },
      },
    },
    async (request) =>
      readPolice(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.post(
    "/api/cases/:id/police-incidents",
    {
      schema: {
        tags,
        summary: "Record an incident reported to the police",
        params: IdParams,
        body: RecordPoliceIncidentBody,
        response: { 201: PoliceCollaborationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordIncident(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
}

/** Restraining orders (kontaktförbud): recorded, then changed as the decision comes. */
function registerOrderRoutes(app: App, database: DatabaseHandle) {
  app.post(
    "/api/cases/:id/restraining-orders",
    {
      schema: {
        tags,
        summary: "Record a restraining order (applied for, granted, rejected, ended early)",
        params: IdParams,
        body: RestrainingOrderBody,
        response: { 201: PoliceCollaborationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordOrder(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  app.put(
    "/api/cases/:id/restraining-orders/:orderId",
    {
      schema: {
        tags,
        summary: "Change a restraining order (its status, dates, the renewal considered)",
        params: RestrainingOrderParams,
        body: UpdateRestrainingOrderBody,
        response: { 200: PoliceCollaborationView },
      },
    },
    async (request) =>
      updateOrder(
        database,
        requireActor(request),
        requestMeta(request),
        { caseId: request.params.id, orderId: request.params.orderId },
        request.body,
      ),
  );
}

/** Safety alarms (skyddslarm, trygghetslarm): recorded, followed up, returned. */
function registerAlarmRoutes(app: App, database: DatabaseHandle) {
  app.post(
    "/api/cases/:id/safety-alarms",
    {
      schema: {
        tags,
        summary: "Record a safety alarm",
        params: IdParams,
        body: SafetyAlarmBody,
        response: { 201: PoliceCollaborationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordAlarm(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  app.put(
    "/api/cases/:id/safety-alarms/:alarmId",
    {
      schema: {
        tags,
        summary: "Change a safety alarm (its follow-up, its end, its return)",
        params: SafetyAlarmParams,
        body: UpdateSafetyAlarmBody,
        response: { 200: PoliceCollaborationView },
      },
    },
    async (request) =>
      updateAlarm(
        database,
        requireActor(request),
        requestMeta(request),
        { caseId: request.params.id, alarmId: request.params.alarmId },
        request.body,
      ),
  );
}

export const policeCollaborationRoutes: RouteModule = (app, { database }) => {
  registerPanelRoutes(app, database);
  registerOrderRoutes(app, database);
  registerAlarmRoutes(app, database);
};
