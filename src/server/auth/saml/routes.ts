import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, AppContext, RouteModule } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { RateLimiter, rateLimited } from "../../http/rate-limit.ts";
import { requestMeta } from "../../http/request-context.ts";
import { auditLogoutRefusal } from "../oidc/backchannel.ts";
import { refusalPage } from "../oidc/refusal-page.ts";
import { answerRefusal } from "../oidc/refusals.ts";
import { attemptMinutes } from "../oidc/relying-party.ts";
import { attemptCookieHeader } from "../provider-login.ts";
import { cookieValue, revokeSession, sessionCookieHeader } from "../sessions.ts";
import { finishSamlLogin } from "./acs.ts";
import { receiveSamlLogout, SamlLogoutRefused } from "./logout.ts";
import { acsPath, beginSamlLogin, spMetadata } from "./service-provider.ts";

const tags = ["auth"];
const bindingCookie = "frid_saml";
const formType = "application/x-www-form-urlencoded";

/**
 * The browser's binding to its SAML attempt. The IdP's page POSTs the answer to Frid from
 * another site, and only a SameSite=None cookie comes with a cross-site POST; None needs
 * Secure, so over plain http (a developer's own machine, where IdP and Frid share a site)
 * it is Lax. HttpOnly, and sent only to the ACS.
 */
function bindingCookieHeader(value: string | null, secure: boolean): string {
  return attemptCookieHeader(bindingCookie, value, {
    path: acsPath,
    sameSite: secure ? "None" : "Lax",
    secure,
    maxAgeSeconds: attemptMinutes * 60,
  });
}

const refused = (
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
) =>
  answerRefusal(
    context,
    request,
    reply,
    error,
    bindingCookieHeader(null, request.protocol === "https"),
  );

export const samlRoutes: RouteModule = (app, context) => {
  registerStart(app, context);
  registerMetadata(app, context);
  registerSingleLogout(app, context);
  // The HTTP-POST binding's form, in the ACS's own scope alone: every other route keeps
  // taking JSON only (a plain form of another site cannot reach them; auth/hook.ts). The
  // back-channel logout keeps its own form the same way (auth/oidc/backchannel-routes.ts).
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(formType, { parseAs: "string" }, (_request, body, done) => {
      const form = Object.fromEntries(new URLSearchParams(String(body)));
      // Some IdPs wrap the base64 in lines (CRLF); whitespace means nothing in base64.
      if (typeof form.SAMLResponse === "string")
        form.SAMLResponse = form.SAMLResponse.replace(/[\r\n\t ]+/g, "");
      done(null, form);
    });
    registerAcs(scope, context);
  });
};

const ProviderParams = z.object({ providerId: z.uuid() });

/** The browser is sent to the IdP with an AuthnRequest (HTTP-Redirect binding). */
function registerStart(app: App, context: AppContext): void {
  // As the OIDC start: each start writes an attempt row, so a flood from one address waits.
  const starts = new RateLimiter(300, 60_000);
  app.get(
    "/api/auth/saml/:providerId/start",
    {
      config: { public: true },
      onRequest: rateLimited(
        starts,
        "Många inloggningar har påbörjats härifrån. Vänta en minut och försök igen.",
      ),
      schema: {
        tags,
        summary: "Begin a login through a SAML identity provider (redirects the browser there)",
        params: ProviderParams,
      },
    },
    async (request, reply) => {
      try {
        const { location, binding } = await beginSamlLogin(
          context.config,
          context.database,
          request.params.providerId,
        );
        return reply
          .status(303)
          .header("set-cookie", bindingCookieHeader(binding, request.protocol === "https"))
          .header("location", location)
          .send();
      } catch (error) {
        return refused(context, request, reply, error);
      }
    },
  );
}

/** The IdP's answer, posted by the browser (HTTP-POST binding). */
function registerAcs(app: App, context: AppContext): void {
  app.post(
    acsPath,
    {
      // The IdP's page posts from its own site: the signed assertion, made for this browser's
      // own attempt, is what protects this route, not the Sec-Fetch-Site check.
      config: { public: true, crossSitePost: true },
      schema: {
        tags,
        summary: "The SAML IdP's answer: logs in and redirects to the start page",
        consumes: [formType],
        body: z
          .object({
            SAMLResponse: z.string().max(200_000).optional(),
            RelayState: z.string().max(500).optional(),
          })
          .loose(),
      },
    },
    async (request, reply) => {
      try {
        const { sessionId } = await finishSamlLogin(
          context.config,
          context.database,
          {
            samlResponse: request.body.SAMLResponse,
            relayState: request.body.RelayState,
            binding: cookieValue(request.headers.cookie, bindingCookie),
          },
          requestMeta(request),
        );
        // A new session id at every login; a session the browser had is ended (fixation).
        if (request.authSession)
          await revokeSession(context.database.db, request.authSession.idHash);
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
        return refused(context, request, reply, error);
      }
    },
  );
}

/** What the IdP (or the federation's registry) is given: Frid's SP metadata for a provider. */
function registerMetadata(app: App, context: AppContext): void {
  app.get(
    "/api/auth/saml/:providerId/metadata",
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Frid's SAML service provider metadata for one provider",
        params: ProviderParams,
      },
    },
    async (request, reply) => {
      try {
        const xml = await spMetadata(context.config, context.database, request.params.providerId);
        return reply
          .header("content-type", "application/samlmetadata+xml; charset=utf-8")
          .send(xml);
      } catch (error) {
        return refused(context, request, reply, error);
      }
    },
  );
}

const logoutRefused =
  "Utloggningsmeddelandet från identitetsleverantören kunde inte godtas. Stäng webbläsaren för att vara säker på att du är utloggad.";

/**
 * The provider's single logout address (HTTP-Redirect): the IdP's answer to Frid's
 * LogoutRequest, or its own LogoutRequest (logout.ts). A refused message is audited and
 * answered 400 (a page to a browser), never acted on.
 */
function registerSingleLogout(app: App, context: AppContext): void {
  // As the back-channel logout: one message per logout, an office's at four from one address.
  const messages = new RateLimiter(600, 60_000);
  const text = (max: number) => z.string().max(max).optional();
  app.get(
    "/api/auth/saml/:providerId/slo",
    {
      config: { public: true },
      onRequest: rateLimited(messages, "För många utloggningsmeddelanden. Vänta en minut."),
      schema: {
        tags,
        summary:
          "SAML single logout (HTTP-Redirect): the IdP's LogoutResponse, or its LogoutRequest",
        params: ProviderParams,
        querystring: z
          .object({
            SAMLRequest: text(100_000),
            SAMLResponse: text(100_000),
            RelayState: text(500),
            SigAlg: text(200),
            Signature: text(2_000),
          })
          .loose(),
      },
    },
    async (request, reply) => {
      const meta = requestMeta(request);
      const rawQuery = request.url.includes("?")
        ? request.url.slice(request.url.indexOf("?") + 1)
        : "";
      try {
        const { location } = await receiveSamlLogout(
          context.config,
          context.database,
          request.params.providerId,
          request.query as Record<string, string | undefined>,
          rawQuery,
          meta,
        );
        return reply.status(303).header("location", location).send();
      } catch (error) {
        if (!(error instanceof SamlLogoutRefused)) throw error;
        await auditLogoutRefusal(context.database, "logout.saml_refused", error, meta);
        request.log.info({ why: error.why }, "SAML logout message refused");
        if (!request.headers.accept?.includes("text/html"))
          throw new AppError(400, "bad_request", logoutRefused);
        return reply
          .status(400)
          .header("content-type", "text/html; charset=utf-8")
          .send(
            refusalPage(logoutRefused, {
              demo: context.config.demo,
              heading: "Utloggningen kunde inte slutföras",
            }),
          );
      }
    },
  );
}
