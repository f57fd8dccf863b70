import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import {
  AddRelationBody,
  AssignBody,
  BarrierBody,
  CaseAssigneeParams,
  CaseList,
  CaseListQuery,
  CaseView,
  ChangeStatusBody,
  GrantBody,
  OpenCaseBody,
  RelationList,
  StaffList,
  StatusHistoryPage,
  StatusHistoryQuery,
} from "../../../shared/api/cases.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { assignCase, grantAccess, unassignCase } from "./assignments.ts";
import { createBarrier } from "./barriers.ts";
import { requestStatusChange } from "./change-status.ts";
import { addRelation, readRelations } from "./relations.ts";
import { listCases, openCase, readCase } from "./service.ts";
import { assignableToCase, unitStaff } from "./staff.ts";
import { readStatusHistory } from "./status-history.ts";

const tags = ["cases"];

export const caseRoutes: RouteModule = (app, { database }) => {
  registerOpenAndListRoutes(app, database);
  registerCaseReadRoutes(app, database);
  registerAssignmentRoutes(app, database);
  registerGrantRoute(app, database);
  registerStatusRoute(app, database);
  registerRelationRoutes(app, database);
  registerUnitRoutes(app, database);
};

/** Opening a case, and the lists of cases. */
function registerOpenAndListRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases",
    {
      schema: {
        tags,
        summary: "Open a case for a person at a unit (the opener is assigned)",
        body: OpenCaseBody,
        response: { 201: CaseView },
      },
    },
    async (request, reply) => {
      const view = await openCase(
        database,
        requireActor(request),
        requestMeta(request),
        request.body,
      );
      return reply.status(201).send(view);
    },
  );

  app.get(
    "/api/cases",
    {
      schema: {
        tags,
        summary:
          "A page of the cases assigned to me (mine) or of every case I may see (all), newest first",
        querystring: CaseListQuery,
        response: { 200: CaseList },
      },
    },
    async (request) =>
      listCases(database, requireActor(request), requestMeta(request), request.query),
  );
}

/** One case, and a page of its status history. */
function registerCaseReadRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id",
    {
      // The session may come from memory: the read's statement checks it (ADR 0010).
      config: { sessionInStatement: true },
      schema: { tags, summary: "A case", params: IdParams, response: { 200: CaseView } },
    },
    async (request) =>
      readCase(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.sessionCheck,
      ),
  );
  app.get(
    "/api/cases/:id/status-history",
    {
      schema: {
        tags,
        summary: "A page of the case's status history, newest first (the case carries the newest)",
        params: IdParams,
        querystring: StatusHistoryQuery,
        response: { 200: StatusHistoryPage },
      },
    },
    async (request) =>
      readStatusHistory(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      ),
  );
}

/** Who works on the case: workers assigned and unassigned by the unit manager. */
function registerAssignmentRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/assignments",
    {
      schema: {
        tags,
        summary: "Assign a worker (unit manager)",
        params: IdParams,
        body: AssignBody,
        response: { 200: CaseView },
      },
    },
    async (request) =>
      assignCase(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body.userId,
      ),
  );

  app.delete(
    "/api/cases/:id/assignments/:userId",
    {
      schema: {
        tags,
        summary: "Unassign a worker (unit manager)",
        params: CaseAssigneeParams,
        response: { 200: CaseView },
      },
    },
    async (request) =>
      unassignCase(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.userId,
      ),
  );
}

/** Time-limited access for someone else, for a stated reason. */
function registerGrantRoute(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/grants",
    {
      schema: {
        tags,
        summary: "Give a user time-limited access for a stated reason (unit manager)",
        params: IdParams,
        body: GrantBody,
        response: { 200: CaseView },
      },
    },
    async (request) =>
      grantAccess(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

/** The case's move along its status flow. */
function registerStatusRoute(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/status",
    {
      schema: {
        tags,
        summary: "Move the case along its status flow (assigned workers and the unit manager)",
        params: IdParams,
        body: ChangeStatusBody,
        response: { 200: CaseView },
      },
    },
    async (request) =>
      requestStatusChange(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

/** The relations of the case's person to other persons. */
function registerRelationRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/relations",
    {
      schema: {
        tags,
        summary: "The case's person's relations to other persons",
        params: IdParams,
        response: { 200: RelationList },
      },
    },
    async (request) => ({
      relations: await readRelations(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );

  app.post(
    "/api/cases/:id/relations",
    {
      schema: {
        tags,
        summary: "Record a relation (partner, parent, child …) within the case",
        params: IdParams,
        body: AddRelationBody,
        response: { 200: RelationList },
      },
    },
    async (request) => ({
      relations: await addRelation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
    }),
  );
}

/** Beyond one case: a barrier between two cases, and who in a unit can be assigned. */
function registerUnitRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/barriers",
    {
      schema: {
        tags,
        summary: "Put an information barrier between two cases (unit manager of both)",
        body: BarrierBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createBarrier(database, requireActor(request), requestMeta(request), request.body),
        ),
  );

  app.get(
    "/api/cases/:id/assignable-staff",
    {
      schema: {
        tags,
        summary:
          "Who the unit manager may assign to the case or give access to it: the unit's staff, without anyone an information barrier keeps from it",
        params: IdParams,
        response: { 200: StaffList },
      },
    },
    async (request) =>
      assignableToCase(database, requireActor(request), requestMeta(request), request.params.id),
  );

  app.get(
    "/api/units/:id/staff",
    {
      schema: {
        tags,
        summary: "Who can be assigned cases in a unit (for members of the unit)",
        params: IdParams,
        response: { 200: StaffList },
      },
    },
    async (request) => {
      return unitStaff(database, requireActor(request), request.params.id);
    },
  );
}
