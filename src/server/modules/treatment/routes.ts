import { IdParams } from "../../../shared/api/admin.ts";
import {
  EndTreatmentBody,
  RecordSessionBody,
  RegisterTreatmentBody,
  StartTreatmentBody,
  TreatmentResult,
} from "../../../shared/api/treatment.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  endTreatment,
  readTreatment,
  recordSession,
  registerTreatment,
  startTreatment,
} from "./service.ts";

const tags = ["treatment"];

/** A perpetrator case's treatment: registration, start, sessions, end. */
export const treatmentRoutes: RouteModule = (app, { database }) => {
  registerRegistrationRoutes(app, database);
  registerCourseRoutes(app, database);
  registerEndRoute(app, database);
};

/** The treatment read, and registered (the assessment phase begins). */
function registerRegistrationRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/treatment",
    {
      schema: {
        tags,
        summary: "The case's treatment (null before it is registered)",
        params: IdParams,
        response: { 200: TreatmentResult },
      },
    },
    async (request) => ({
      treatment: await readTreatment(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/treatment",
    {
      schema: {
        tags,
        summary: "Register the treatment: how he came to the unit (the assessment phase begins)",
        params: IdParams,
        body: RegisterTreatmentBody,
        response: { 201: TreatmentResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        treatment: await registerTreatment(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          request.body,
        ),
      }),
  );
}

/** The treatment under way: its start and its sessions. */
function registerCourseRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/treatment/start",
    {
      schema: {
        tags,
        summary: "Treatment begins after the assessment phase (the partner side is told)",
        params: IdParams,
        body: StartTreatmentBody,
        response: { 200: TreatmentResult },
      },
    },
    async (request) => ({
      treatment: await startTreatment(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/treatment/sessions",
    {
      schema: {
        tags,
        summary: "Record a session and whether he came (a no-show is told to the partner side)",
        params: IdParams,
        body: RecordSessionBody,
        response: { 201: TreatmentResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        treatment: await recordSession(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          request.body,
        ),
      }),
  );
}

/** The end of the treatment, which closes the case. */
function registerEndRoute(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/treatment/end",
    {
      schema: {
        tags,
        summary: "End the treatment with how and why; closes the case, tells the partner side",
        params: IdParams,
        body: EndTreatmentBody,
        response: { 200: TreatmentResult },
      },
    },
    async (request) => ({
      treatment: await endTreatment(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
    }),
  );
}
