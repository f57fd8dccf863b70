import { IdParams } from "../../../shared/api/admin.ts";
import { AuditEventList } from "../../../shared/api/audit.ts";
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
        summary: "Who accessed this person's data (unit managers)",
        params: IdParams,
        response: { 200: AuditEventList },
      },
    },
    async (request) => ({
      events: await reviewPerson(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.get(
    "/api/audit/users/:id",
    {
      schema: {
        tags,
        summary: "What this user accessed (unit managers)",
        params: IdParams,
        response: { 200: AuditEventList },
      },
    },
    async (request) => ({
      events: await reviewUser(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
};
