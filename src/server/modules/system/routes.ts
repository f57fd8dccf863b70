import { sql } from "kysely";
import { AppInfo, Health } from "../../../shared/api/app-info.ts";
import type { RouteModule } from "../../http/context.ts";

/** Health for load balancers and operators; app info for the web shell (demo banner). */
export const systemRoutes: RouteModule = (app, { config, database }) => {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["system"],
        summary: "Is Frid up, and can it reach its database?",
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      const body = { database: database.kind, version: config.version };
      try {
        await sql`select 1`.execute(database.db);
        return { status: "ok" as const, ...body };
      } catch (err) {
        request.log.error({ err }, "health check: database unreachable");
        return reply.status(503).send({ status: "unavailable" as const, ...body });
      }
    },
  );

  app.get(
    "/api/app-info",
    {
      config: { public: true },
      schema: {
        tags: ["system"],
        summary: "Name, version and whether this is a demo installation",
        response: { 200: AppInfo },
      },
    },
    async () => ({ name: "Frid" as const, version: config.version, demo: config.demo }),
  );
};
