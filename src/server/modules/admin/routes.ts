import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  AddRoleBody,
  CreateUnitBody,
  CreateUserBody,
  IdParams,
  UnitList,
  UnitView,
  UpdateUnitBody,
  UpdateUserBody,
  UserList,
  UserView,
} from "../../../shared/api/admin.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  addRole,
  createUser,
  listUsers,
  recordAdminDenied,
  removeRole,
  requireAdministrator,
  resetMfa,
  updateUser,
} from "./service.ts";
import { createUnit, listUnits, updateUnit } from "./units.ts";

const tags = ["administration"];

export const adminRoutes: RouteModule = (app, { database }) => {
  // Every route here is for administrators only; checked before the handler runs.
  const admin = administratorsOnly(database);
  registerUnitRoutes(app, database, admin);
  registerUserRoutes(app, database, admin);
  registerRoleAndMfaRoutes(app, database, admin);
};

/**
 * The hooks of every administrator's route (spread into its options): before the handler,
 * the caller must administer the organisation; after a 404 — an id that is not of the
 * organisation, as a guess at another's would be — the attempt is audited as a denial, as
 * every other module audits its 404s.
 */
export function administratorsOnly(database: DatabaseHandle) {
  const route = (request: FastifyRequest) => request.routeOptions.url ?? "";
  return {
    preHandler: async (request: FastifyRequest) => {
      await requireAdministrator(
        database,
        requireActor(request),
        requestMeta(request),
        route(request),
      );
    },
    onError: async (request: FastifyRequest, _reply: FastifyReply, error: Error) => {
      if (!(error instanceof AppError) || error.statusCode !== 404 || !request.actor) return;
      await recordAdminDenied(database, request.actor, requestMeta(request), route(request));
    },
  };
}

export type AdminCheck = ReturnType<typeof administratorsOnly>;

/** Units of the organisation: listed, created, changed. */
function registerUnitRoutes(app: App, database: DatabaseHandle, admin: AdminCheck): void {
  app.get(
    "/api/admin/units",
    {
      ...admin,
      schema: { tags, summary: "Units of my organisation", response: { 200: UnitList } },
    },
    async (request) => {
      return listUnits(database, requireActor(request));
    },
  );

  app.post(
    "/api/admin/units",
    {
      ...admin,
      schema: { tags, summary: "Create a unit", body: CreateUnitBody, response: { 201: UnitView } },
    },
    async (request, reply) => {
      const unit = await createUnit(
        database,
        requireActor(request),
        requestMeta(request),
        request.body,
      );
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    "/api/admin/units/:id",
    {
      ...admin,
      schema: {
        tags,
        summary: "Change a unit's contact details (printed on letters and forms) and settings",
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: UnitView },
      },
    },
    async (request) => {
      return updateUnit(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      );
    },
  );
}

/** Users of the organisation: listed, created, renamed or (de)activated. */
function registerUserRoutes(app: App, database: DatabaseHandle, admin: AdminCheck): void {
  app.get(
    "/api/admin/users",
    {
      ...admin,
      schema: { tags, summary: "Users of my organisation", response: { 200: UserList } },
    },
    async (request) => ({
      users: await listUsers(database.db, requireActor(request).orgId),
    }),
  );

  app.post(
    "/api/admin/users",
    {
      ...admin,
      schema: {
        tags,
        summary: "Create a user with an initial password",
        body: CreateUserBody,
        response: { 201: UserView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createUser(database, requireActor(request), requestMeta(request), request.body),
        ),
  );

  app.patch(
    "/api/admin/users/:id",
    {
      ...admin,
      schema: {
        tags,
        summary: "Rename, deactivate or reactivate a user",
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserView },
      },
    },
    async (request) =>
      updateUser(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

/** A user's roles given and taken away, and their MFA reset. */
function registerRoleAndMfaRoutes(app: App, database: DatabaseHandle, admin: AdminCheck): void {
  app.post(
    "/api/admin/users/:id/roles",
    {
      ...admin,
      schema: {
        tags,
        summary: "Give a user a role in a unit",
        params: IdParams,
        body: AddRoleBody,
        response: { 200: UserView },
      },
    },
    async (request) =>
      addRole(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );

  app.delete(
    "/api/admin/role-assignments/:id",
    {
      ...admin,
      schema: {
        tags,
        summary: "Take a role away",
        params: IdParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await removeRole(database, requireActor(request), requestMeta(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/admin/users/:id/mfa-reset",
    {
      ...admin,
      schema: {
        tags,
        summary: "Reset a user's MFA (they set it up again at next login)",
        params: IdParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await resetMfa(database, requireActor(request), requestMeta(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
