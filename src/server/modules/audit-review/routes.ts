import { IdParams } from "../../../shared/api/admin.ts";
import { AuditEventList, AuditReviewQuery } from "../../../shared/api/audit.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { reviewPerson, reviewUser } from "./service.ts";

const tags = ["audit"];

export const auditReviewRoutes: RouteModule = (app, { database }) => {
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
};
