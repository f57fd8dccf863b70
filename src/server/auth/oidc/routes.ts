import type { FastifyReply, FastifyRequest } from "fastify";
import { sql } from "kysely";
import { z } from "zod";
import { PublicIdentityProviderList } from "../../../shared/api/identity-providers.ts";
import type { Config } from "../../config.ts";
import type { App, AppContext, RouteModule } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { RateLimiter, rateLimited } from "../../http/rate-limit.ts";
import { requestMeta } from "../../http/request-context.ts";
import { attemptCookieHeader } from "../provider-login.ts";
import { cookieValue, revokeSession, sessionCookieHeader } from "../sessions.ts";
import { callbackPath, fridAddress } from "./addresses.ts";
import { registerBackchannelLogout } from "./backchannel-routes.ts";
import { finishLogin } from "./callback.ts";
import { answerRefusal as answerProviderRefusal } from "./refusals.ts";
import { attemptMinutes, beginLogin } from "./relying-party.ts";

const tags = ["auth"];
const bindingCookie = "frid_oidc";

/**
 * The browser's binding to its login attempt. SameSite=Lax, not Strict: the callback is a
 * navigation from the provider's site, and a Strict cookie would not come with it.
 */
function bindingCookieHeader(value: string | null, secure: boolean): string {
  return attemptCookieHeader(bindingCookie, value, {
    path: callbackPath,
    sameSite: "Lax",
    secure,
    maxAgeSeconds: attemptMinutes * 60,
  });
}

/** The redirect URI the provider has registered: Frid's own address (addresses.ts). */
function redirectUriOf(config: Config, request: FastifyRequest): string {
  const base = fridAddress(config, request.socket.localPort);
  if (!base)
    throw new AppError(
      409,
      "conflict",
      "Inloggning via identitetsleverantör kan inte användas förrän Frids adress är inställd (FRID_PUBLIC_URL). Kontakta systemförvaltaren.",
    );
  return `${base}${callbackPath}`;
}

const answerRefusal = (
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
) =>
  answerProviderRefusal(
    context,
    request,
    reply,
    error,
    bindingCookieHeader(null, request.protocol === "https"),
  );

export const oidcRoutes: RouteModule = (app, context) => {
  registerProviderList(app, context);
  registerStart(app, context);
  registerCallback(app, context);
  registerBackchannelLogout(app, context);
};

/** The login page's buttons (public). */
function registerProviderList(app: App, { database }: AppContext): void {
  app.get(
    "/api/auth/identity-providers",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The enabled identity providers to log in with (for the login page)",
        response: { 200: PublicIdentityProviderList },
      },
    },
    async () => ({
      providers: await database.db
        .selectFrom("identity_provider as p")
        .innerJoin("organisation as o", "o.id", "p.org_id")
        .select(["p.id", "p.display_name as displayName", "o.name as organisation", "p.protocol"])
        .where("p.enabled", "=", true)
        // One held to no assurance level refuses every login (acr_not_configured): no button.
        .where(sql<number>`cardinality(p.acr_values)`, ">", 0)
        .orderBy("o.name")
        .orderBy("p.display_name")
        .execute(),
    }),
  );
}

/** The browser is sent to the provider. */
function registerStart(app: App, context: AppContext): void {
  const { config, database } = context;
  // Each start writes a login-attempt row: a flood from one address is slowed down. Generous,
  // as a whole office may reach Frid through one proxy address at eight in the morning.
  const starts = new RateLimiter(300, 60_000);
  app.get(
    "/api/auth/oidc/:providerId/start",
    {
      config: { public: true },
      onRequest: rateLimited(
        starts,
        "Många inloggningar har påbörjats härifrån. Vänta en minut och försök igen.",
      ),
      schema: {
        tags,
        summary: "Begin a login through an identity provider (redirects the browser there)",
        params: z.object({ providerId: z.uuid() }),
      },
    },
    async (request, reply) => {
      try {
        const { location, binding } = await beginLogin(
          config,
          database,
          request.params.providerId,
          redirectUriOf(config, request),
        );
        return reply
          .status(303)
          .header("set-cookie", bindingCookieHeader(binding, request.protocol === "https"))
          .header("location", location)
          .send();
      } catch (error) {
        return answerRefusal(context, request, reply, error);
      }
    },
  );
}

/** The provider sent the browser back. */
function registerCallback(app: App, context: AppContext): void {
  const { config, database } = context;
  // Each callback may exchange a code at the provider and write an audit event: a flood is
  // slowed down, as generously as the start (an office behind one address).
  const callbacks = new RateLimiter(300, 60_000);
  app.get(
    callbackPath,
    {
      config: { public: true },
      onRequest: rateLimited(
        callbacks,
        "Många inloggningar har avslutats härifrån. Vänta en minut och försök igen.",
      ),
      schema: {
        tags,
        summary: "The identity provider's answer: logs in and redirects to the start page",
        querystring: z.object({ state: z.string().max(500).optional() }).loose(),
      },
    },
    async (request, reply) => {
      const query = request.url.includes("?")
        ? request.url.slice(request.url.indexOf("?") + 1)
        : "";
      try {
        const { sessionId } = await finishLogin(
          config,
          database,
          {
            query,
            state: request.query.state,
            binding: cookieValue(request.headers.cookie, bindingCookie),
          },
          requestMeta(request),
        );
        // A new session id at every login; a session the browser had is ended (fixation).
        if (request.authSession) await revokeSession(database.db, request.authSession.idHash);
        const secure = request.protocol === "https";
        return reply
          .status(303)
          .header("set-cookie", [
            sessionCookieHeader(sessionId, secure),
            bindingCookieHeader(null, secure),
          ])
          .header("location", "/")
          .send();
      } catch (error) {
        return answerRefusal(context, request, reply, error);
      }
    },
  );
}
