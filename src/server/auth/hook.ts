import type { App, AppContext } from "../http/context.ts";
import { AppError } from "../http/errors.ts";
import { cookieValue, loadSession, sameToken, sessionCookie, touchSession } from "./sessions.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Before anything else on /api: find the session, the actor and their roles; refuse a
 * request that needs a login (401) before looking at its input (so 401 comes before 400);
 * then require the CSRF token on every state-changing request.
 */
export function registerAuthentication(app: App, { config, database }: AppContext) {
  app.decorateRequest("authSession", null);
  app.decorateRequest("actor", null);

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const id = cookieValue(request.headers.cookie, sessionCookie);
    const session = id ? await loadSession(database.db, config, id) : null;
    if (session) {
      request.authSession = session;
      if (session.state === "authenticated") {
        request.actor = {
          userId: session.userId,
          orgId: session.orgId,
          username: session.username,
          displayName: session.displayName,
          roles: session.roles,
        };
      }
    }

    const routeConfig = request.routeOptions.config;
    // An unknown route has no url: let the not-found handler answer 404.
    if (!request.routeOptions.url) return;
    if (routeConfig?.public) {
      // Login is a public state-changing request: refuse one a browser marks as sent
      // from another site (login CSRF); the JSON-only body already rules out plain forms.
      if (!safeMethods.has(request.method) && request.headers["sec-fetch-site"] === "cross-site") {
        throw new AppError(403, "forbidden", "Begäran kom från en annan webbplats och avvisades.");
      }
      return;
    }
    const allowed = routeConfig?.allowPendingSession ? request.authSession : request.actor;
    if (!allowed) throw new AppError(401, "unauthenticated", "Du behöver logga in.");

    if (!safeMethods.has(request.method)) {
      const token = request.headers["x-csrf-token"];
      if (typeof token !== "string" || !session || !sameToken(token, session.csrfToken)) {
        throw new AppError(
          403,
          "forbidden",
          "Säkerhetstoken saknas eller stämmer inte (x-csrf-token). Ladda om sidan och försök igen.",
        );
      }
    }
    // Only a request that got this far is the user's activity: a refused one (a forged
    // request without the token) must not keep an idle session alive, nor must the web's
    // question how long the session has left.
    if (session && !routeConfig?.passive) await touchSession(database.db, config, session);
  });
}
