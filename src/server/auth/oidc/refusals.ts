import type { FastifyReply, FastifyRequest } from "fastify";
import type { ErrorCode } from "../../../shared/api/error.ts";
import type { RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import type { LoginRefusal, OidcRefusal } from "../../audit/events/identity.ts";
import { recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { AppContext } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { requestMeta } from "../../http/request-context.ts";
import { refusalPage } from "./refusal-page.ts";

export const unknownIdentityMessage =
  "Det finns inget konto i Frid för den här inloggningen. Kontakta din administratör.";
const startAgain =
  "Inloggningen kunde inte slutföras, eller tog för lång tid. Börja om från inloggningssidan.";
const notAccepted =
  "Svaret från identitetsleverantören kunde inte godtas. Försök igen; kvarstår felet, kontakta din administratör.";

/**
 * What the person is told about each refusal, in Swedish — the same for both protocols
 * (OIDC here, SAML in auth/saml/). A deactivated account is told
 * the same as an unknown identity: whether an account exists is not the browser's to know;
 * the audit event says which.
 */
const messages: Record<LoginRefusal, string> = {
  provider_unknown:
    "Inloggning via den här identitetsleverantören finns inte i Frid. Kontakta din administratör.",
  provider_disabled:
    "Inloggning via den här identitetsleverantören är avstängd. Kontakta din administratör.",
  provider_unreachable: "Identitetsleverantören svarar inte just nu. Försök igen om en stund.",
  attempt_unknown: startAgain,
  attempt_used: startAgain,
  attempt_expired: startAgain,
  browser_mismatch: startAgain,
  provider_error: "Identitetsleverantören avbröt inloggningen. Försök igen.",
  token_invalid: notAccepted,
  acr_too_low:
    "Inloggningen gjordes med för låg tillitsnivå. Logga in med en e-legitimation eller ett SITHS-kort på den nivå som krävs.",
  acr_not_configured:
    "Inloggning via den här identitetsleverantören saknar inställd tillitsnivå och kan inte användas. Kontakta din administratör.",
  identifier_missing: unknownIdentityMessage,
  userinfo_mismatch: notAccepted,
  unknown_identity: unknownIdentityMessage,
  inactive: unknownIdentityMessage,
  sp_unconfigured:
    "Inloggning via SAML kan inte användas förrän Frids adress och SAML-nyckel är inställda (FRID_PUBLIC_URL, FRID_SAML_SP_KEY_FILE). Kontakta systemförvaltaren.",
  response_invalid: notAccepted,
  signature_invalid: notAccepted,
  issuer_mismatch: notAccepted,
  audience_mismatch: notAccepted,
  recipient_mismatch: notAccepted,
  assertion_expired: startAgain,
  assertion_replayed: startAgain,
  in_response_to_mismatch: startAgain,
  assertion_not_encrypted: notAccepted,
  decryption_failed: notAccepted,
};

const stale = new Set<LoginRefusal>([
  "browser_mismatch",
  "assertion_expired",
  "assertion_replayed",
  "in_response_to_mismatch",
]);

type RefusalContext = { providerId: string | null; orgId: string | null; userId?: string | null };

/** A refused login through a provider: thrown inside the flow, answered by the route. */
export class ProviderRefused extends Error {
  constructor(
    readonly protocol: "oidc" | "saml",
    readonly why: LoginRefusal,
    readonly context: RefusalContext,
    readonly detail?: string,
  ) {
    super(`${protocol} login refused: ${why}`);
  }

  get statusCode(): number {
    if (this.why === "provider_unreachable") return 502;
    if (this.why === "sp_unconfigured") return 503;
    if (this.why === "provider_unknown") return 404;
    // A stale or misdirected answer: the login is begun again, nothing is forbidden.
    return this.why.startsWith("attempt_") || stale.has(this.why) ? 400 : 403;
  }
}

export class OidcRefused extends ProviderRefused {
  constructor(why: OidcRefusal, context: RefusalContext, detail?: string) {
    super("oidc", why, context, detail);
  }
}

export class SamlRefused extends ProviderRefused {
  constructor(why: LoginRefusal, context: RefusalContext, detail?: string) {
    super("saml", why, context, detail);
  }
}

export function swedishMessage(why: LoginRefusal): string {
  return messages[why];
}

/** The refusal as an audit event (why, and the provider's words when it gave any). */
export async function auditRefusal(
  database: DatabaseHandle,
  refusal: ProviderRefused,
  meta: RequestMeta,
): Promise<void> {
  const { providerId, orgId, userId } = refusal.context;
  await withActor(database.db, { userId: null, orgId }, (trx) =>
    recordAudit(trx, { actor: null, userId: userId ?? null, orgId, meta }, [
      {
        action: refusal.protocol === "saml" ? "login.saml_failed" : "login.oidc_failed",
        outcome: "denied",
        resourceType: "session",
        data: {
          providerId,
          why: refusal.why,
          ...(refusal.detail ? { detail: refusal.detail.slice(0, 200) } : {}),
        },
      },
    ]),
  );
}

const codeOf = (status: number): ErrorCode =>
  status === 404
    ? "not_found"
    : status === 400
      ? "bad_request"
      : status === 502 || status === 503
        ? "unavailable"
        : "forbidden";

/**
 * A refusal, audited first. A browser's navigation (it asks for text/html: the provider sent
 * it back, or the login page's link) gets a Swedish page of its own; any other client the
 * API's one error body. The attempt's cookie is cleared (`clearCookie`). Never a 500.
 */
export async function answerRefusal(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  clearCookie: string,
) {
  if (!(error instanceof ProviderRefused)) throw error;
  await auditRefusal(context.database, error, requestMeta(request));
  request.log.info({ why: error.why }, "login through identity provider refused");
  const message = swedishMessage(error.why);
  reply.header("set-cookie", clearCookie);
  if (!request.headers.accept?.includes("text/html"))
    throw new AppError(error.statusCode, codeOf(error.statusCode), message);
  return reply
    .status(error.statusCode)
    .header("content-type", "text/html; charset=utf-8")
    .send(refusalPage(message, { demo: context.config.demo }));
}
