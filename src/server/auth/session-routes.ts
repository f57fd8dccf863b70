import { SessionStatus } from "../../shared/api/auth.ts";
import type { RouteModule } from "../http/context.ts";
import { requireActor } from "../http/request-context.ts";
import { extendSession, sessionTiming } from "./sessions.ts";

const tags = ["auth"];

/**
 * The session's clock for the web, which warns before the session ends and keeps it alive
 * while the user types (typing sends no request of its own otherwise). Neither touches
 * personal data, so neither is audited.
 */
export const sessionRoutes: RouteModule = (app, { config, database }) => {
  app.get(
    "/api/auth/session",
    {
      // Asking is not working: the answer must not put the end off.
      config: { passive: true },
      schema: {
        tags,
        summary: "How long my session has left (does not count as activity)",
        response: { 200: SessionStatus },
      },
    },
    async (request) => {
      requireActor(request);
      const session = request.authSession!;
      return sessionTiming(config, session.lastSeenAt, session.expiresAt);
    },
  );

  app.post(
    "/api/auth/heartbeat",
    {
      schema: {
        tags,
        summary: "I am working (typing): start the idle clock again, within the absolute limit",
        response: { 200: SessionStatus },
      },
    },
    async (request) => {
      requireActor(request);
      const session = request.authSession!;
      const now = await extendSession(database.db, session);
      return sessionTiming(config, now, session.expiresAt);
    },
  );
};
