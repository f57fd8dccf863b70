import type { FastifyRequest } from "fastify";
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
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { RouteModule } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  addRole,
  createUser,
  listUsers,
  removeRole,
  requireAdministrator,
  resetMfa,
  updateUser,
} from "./service.ts";

const tags = ["administration"];

const unitColumns = [
  "id",
  "name",
  "kind",
  "contact_phone",
  "contact_address",
  "contact_email",
  "partner_follow_up_months",
] as const;

function unitView(u: {
  id: string;
  name: string;
  kind: UnitView["kind"];
  contact_phone: string | null;
  contact_address: string | null;
  contact_email: string | null;
  partner_follow_up_months: number;
}): UnitView {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    contactPhone: u.contact_phone,
    contactAddress: u.contact_address,
    contactEmail: u.contact_email,
    partnerFollowUpMonths: u.partner_follow_up_months,
  };
}

export const adminRoutes: RouteModule = (app, { database }) => {
  // Every route here is for administrators only; checked before the handler runs.
  const admin = async (request: FastifyRequest) => {
    await requireAdministrator(
      database,
      requireActor(request),
      requestMeta(request),
      request.routeOptions.url ?? "",
    );
  };

  app.get(
    "/api/admin/units",
    {
      preHandler: admin,
      schema: { tags, summary: "Units of my organisation", response: { 200: UnitList } },
    },
    async (request) => {
      const actor = requireActor(request);
      const units = await database.db
        .selectFrom("unit")
        .select(unitColumns)
        .where("org_id", "=", actor.orgId)
        .orderBy("name")
        .execute();
      return { units: units.map(unitView) };
    },
  );

  app.post(
    "/api/admin/units",
    {
      preHandler: admin,
      schema: { tags, summary: "Create a unit", body: CreateUnitBody, response: { 201: UnitView } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const exists = await database.db
        .selectFrom("unit")
        .select("id")
        .where("org_id", "=", actor.orgId)
        .where("name", "=", request.body.name)
        .executeTakeFirst();
      if (exists)
        throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
          name: "Det finns redan en enhet med det namnet.",
        });
      const unit = await withActor(database.db, actor, async (trx) => {
        const row = await trx
          .insertInto("unit")
          .values({ org_id: actor.orgId, name: request.body.name, kind: request.body.kind })
          .returning(unitColumns)
          .executeTakeFirstOrThrow();
        await recordAudit(trx, auditContext(actor, requestMeta(request)), [
          { action: "admin.unit.create", resourceType: "unit", resourceId: row.id },
        ]);
        return unitView(row);
      });
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    "/api/admin/units/:id",
    {
      preHandler: admin,
      schema: {
        tags,
        summary: "Change a unit's contact details (printed on letters and forms) and settings",
        params: IdParams,
        body: UpdateUnitBody,
        response: { 200: UnitView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const b = request.body;
      const unit = await withActor(database.db, actor, async (trx) => {
        const row = await trx
          .updateTable("unit")
          .set({
            ...(b.contactPhone !== undefined ? { contact_phone: b.contactPhone || null } : {}),
            ...(b.contactAddress !== undefined
              ? { contact_address: b.contactAddress || null }
              : {}),
            ...(b.contactEmail !== undefined ? { contact_email: b.contactEmail } : {}),
            ...(b.partnerFollowUpMonths !== undefined
              ? { partner_follow_up_months: b.partnerFollowUpMonths }
              : {}),
          })
          .where("id", "=", request.params.id)
          .where("org_id", "=", actor.orgId)
          .returning(unitColumns)
          .executeTakeFirst();
        if (!row) return null;
        await recordAudit(trx, auditContext(actor, requestMeta(request)), [
          {
            action: "admin.unit.update",
            resourceType: "unit",
            resourceId: row.id,
            data: { fields: Object.keys(b) },
          },
        ]);
        return unitView(row);
      });
      if (!unit) throw new AppError(404, "not_found", "Enheten finns inte.");
      return unit;
    },
  );

  app.get(
    "/api/admin/users",
    {
      preHandler: admin,
      schema: { tags, summary: "Users of my organisation", response: { 200: UserList } },
    },
    async (request) => ({
      users: await listUsers(database.db, requireActor(request).orgId),
    }),
  );

  app.post(
    "/api/admin/users",
    {
      preHandler: admin,
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
      preHandler: admin,
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

  app.post(
    "/api/admin/users/:id/roles",
    {
      preHandler: admin,
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
      preHandler: admin,
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
      preHandler: admin,
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
};
