import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { App, AppContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { RateLimiter, rateLimited } from "../../http/rate-limit.ts";
import { requestMeta } from "../../http/request-context.ts";
import { backchannelLogoutPath } from "./addresses.ts";
import { auditLogoutRefusal, BackchannelRefused, backchannelLogout } from "./backchannel.ts";

const formType = "application/x-www-form-urlencoded";
const refused = "Utloggningsbeskedet från identitetsleverantören kunde inte godtas (logout_token).";

/**
 * POST /api/auth/oidc/backchannel-logout: the provider's server, not a browser, posts the
 * logout token as a form. The form parser lives in this route's own scope only: every other
 * route still takes JSON alone, which is what keeps a cross-site form from posting to them.
 */
export function registerBackchannelLogout(app: App, context: AppContext): void {
  const { config, database } = context;
  // A provider posts one token per logout; an office's logouts at four come from one address.
  const posts = new RateLimiter(600, 60_000);
  app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      formType,
      { parseAs: "string", bodyLimit: 16_384 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.post(
      backchannelLogoutPath,
      {
        config: { public: true },
        onRequest: rateLimited(posts, "För många utloggningsbesked. Vänta en minut."),
        schema: {
          tags: ["auth"],
          summary:
            "The identity provider's back-channel logout (a signed logout token ends the sessions it names)",
          consumes: [formType],
          body: z.object({ logout_token: z.string().max(8000).optional() }).loose(),
          response: { 200: z.undefined() },
        },
      },
      async (request, reply) => {
        const meta = requestMeta(request);
        try {
          await backchannelLogout(config, database, request.body.logout_token, meta);
        } catch (error) {
          if (!(error instanceof BackchannelRefused)) throw error;
          await auditLogoutRefusal(database, "logout.backchannel_refused", error, meta);
          request.log.info({ why: error.why }, "back-channel logout refused");
          throw new AppError(400, "bad_request", refused);
        }
        // The specification asks the provider's caches not to keep the answer.
        return reply.status(200).header("cache-control", "no-store").send();
      },
    );
  });
}
