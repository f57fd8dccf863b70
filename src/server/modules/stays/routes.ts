import { IdParams } from "../../../shared/api/admin.ts";
import {
  ChildSchoolBody,
  MoveStayBody,
  PlannedEndBody,
  StartStayBody,
  StayChildParams,
  StayFollowUpBody,
  StayList,
  StayParams,
  StayView,
} from "../../../shared/api/stays.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { listPersonStays } from "./person-stays.ts";
import {
  cancelStay,
  changePlannedEnd,
  moveStay,
  readCaseStays,
  readStay,
  recordStayFollowUp,
  saveChildSchool,
} from "./service.ts";
import { startStay } from "./start.ts";

const tags = ["stays"];

export const stayRoutes: RouteModule = (app, { database }) => {
  registerStayReads(app, database);
  registerStayStart(app, database);
  registerStayChanges(app, database);
};

/** A case's stays, one stay, and a person's stays (never the place's address). */
function registerStayReads(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/stays",
    {
      schema: {
        tags,
        summary: "The case's stays in housing",
        params: IdParams,
        response: { 200: StayList },
      },
    },
    async (request) => ({
      stays: await readCaseStays(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.get(
    "/api/stays/:stayId",
    {
      schema: {
        tags,
        summary: "One stay, the case side",
        params: StayParams,
        response: { 200: StayView },
      },
    },
    async (request) =>
      readStay(database, requireActor(request), requestMeta(request), request.params.stayId),
  );
  app.get(
    "/api/persons/:id/stays",
    {
      schema: {
        tags,
        summary: "The person's stays, as adult or child, in cases the caller may see (newest 50)",
        params: IdParams,
        response: { 200: StayList },
      },
    },
    async (request) => ({
      stays: await listPersonStays(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
}

/** A stay started from a granted housing decision. */
function registerStayStart(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/stays",
    {
      schema: {
        tags,
        summary: "Start a stay from a granted housing decision (a hold may become it)",
        params: IdParams,
        body: StartStayBody,
        response: { 201: StayView },
      },
    },
    async (request, reply) => {
      const stay = await startStay(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(stay);
    },
  );
}

/** Moves, the planned end, cancelling, the follow-up and the children's schooling. */
function registerStayChanges(app: App, database: DatabaseHandle): void {
  const stay = (summary: string) => ({
    tags,
    summary,
    params: StayParams,
    response: { 200: StayView },
  });
  app.post(
    "/api/stays/:stayId/moves",
    { schema: { ...stay("Move the stay to another place"), body: MoveStayBody } },
    async (request) =>
      moveStay(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.stayId,
        request.body,
      ),
  );
  app.put(
    "/api/stays/:stayId/planned-end",
    { schema: { ...stay("Change the stay's planned end"), body: PlannedEndBody } },
    async (request) =>
      changePlannedEnd(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.stayId,
        request.body.plannedTo,
      ),
  );
  app.post(
    "/api/stays/:stayId/cancel",
    { schema: stay("Cancel a stay that never began") },
    async (request) =>
      cancelStay(database, requireActor(request), requestMeta(request), request.params.stayId),
  );
  app.put(
    "/api/stays/:stayId/follow-up",
    { schema: { ...stay("Record the follow-up after the stay ended"), body: StayFollowUpBody } },
    async (request) =>
      recordStayFollowUp(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.stayId,
        request.body,
      ),
  );
  app.put(
    "/api/stays/:stayId/children/:personId",
    {
      schema: {
        tags,
        summary: "A child's school, the shelter's contact person and the child's own view",
        params: StayChildParams,
        body: ChildSchoolBody,
        response: { 200: StayView },
      },
    },
    async (request) =>
      saveChildSchool(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.stayId,
        request.params.personId,
        request.body,
      ),
  );
}
