import type { Actor } from "../access/actor.ts";
import type { App, AppContext } from "../http/context.ts";
import { AppError } from "../http/errors.ts";
import { SessionCache } from "./session-cache.ts";
import {
  cookieValue,
  hashSessionId,
  type LoadedSession,
  loadSession,
  sameToken,
  sessionCookie,
  sessionProof,
  touchSession,
} from "./sessions.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export const actorOf = (session: LoadedSession): Actor | null =>
  session.state === "authenticated"
    ? {
        userId: session.userId,
        orgId: session.orgId,
        username: session.username,
        displayName: session.displayName,
        roles: session.roles,
      }
    : null;

/**
 * Before anything else on /api: find the session, the actor and their roles; refuse a
 * request that needs a login (401) before looking at its input (so 401 comes before 400);
 * then require the CSRF token on every state-changing request. A route whose statement
 * checks the session itself (`sessionInStatement`) may get it from memory (session-cache.ts).
 */
export function registerAuthentication(app: App, { config, database }: AppContext) {
  app.decorateRequest("authSession", null);
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionCheck", null);
  const cache = new SessionCache(config);

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const routeConfig = request.routeOptions.config;
    const id = cookieValue(request.headers.cookie, sessionCookie);
    const fromMemory =
      id && routeConfig?.sessionInStatement && safeMethods.has(request.method)
        ? cache.get(hashSessionId(id))
        : undefined;
    const session = fromMemory ?? (id ? await loadSession(database.db, config, id) : null);
    if (session) {
      request.authSession = session;
      request.actor = actorOf(session);
      // The organisation's data key is loaded (or made) before any transaction opens.
      await database.cipher.ready(session.orgId);
    }
    if (fromMemory && id) {
      request.sessionCheck = {
        proof: sessionProof(config, fromMemory),
        // The statement found the session not as remembered: ask the tables.
        reload: async () => {
          cache.drop(fromMemory.idHash);
          const now = await loadSession(database.db, config, id);
          request.authSession = now;
          request.actor = now ? actorOf(now) : null;
          if (now) cache.set(now);
          return request.actor;
        },
      };
    }

    // An unknown route has no url: let the not-found handler answer 404.
    if (!request.routeOptions.url) return;
    if (routeConfig?.public) {
      // Login is a public state-changing request: refuse one a browser marks as sent
      // from another site (login CSRF); the JSON-only body already rules out plain forms.
      if (
        !safeMethods.has(request.method) &&
        request.headers["sec-fetch-site"] === "cross-site" &&
        !routeConfig.crossSitePost
      ) {
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
    // question how long the session has left. A session held in memory is moved in place.
    if (session && !routeConfig?.passive) await touchSession(database.db, config, session);
    if (session && !fromMemory) cache.set(session);
  });
}
