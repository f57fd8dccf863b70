import type { RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import type { OidcRefusal } from "../../audit/events/identity.ts";
import { recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";

export const unknownIdentityMessage =
  "Det finns inget konto i Frid för den här inloggningen. Kontakta din administratör.";
const startAgain =
  "Inloggningen kunde inte slutföras, eller tog för lång tid. Börja om från inloggningssidan.";

/**
 * What the person is told about each refusal, in Swedish. A deactivated account is told
 * the same as an unknown identity: whether an account exists is not the browser's to know;
 * the audit event says which.
 */
const messages: Record<OidcRefusal, string> = {
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
  token_invalid:
    "Svaret från identitetsleverantören kunde inte godtas. Försök igen; kvarstår felet, kontakta din administratör.",
  acr_too_low:
    "Inloggningen gjordes med för låg tillitsnivå. Logga in med en e-legitimation eller ett SITHS-kort på den nivå som krävs.",
  acr_not_configured:
    "Inloggning via den här identitetsleverantören saknar inställd tillitsnivå och kan inte användas. Kontakta din administratör.",
  identifier_missing: unknownIdentityMessage,
  unknown_identity: unknownIdentityMessage,
  inactive: unknownIdentityMessage,
};

/** A refused login through a provider: thrown inside the flow, answered by the route. */
export class OidcRefused extends Error {
  constructor(
    readonly why: OidcRefusal,
    readonly context: { providerId: string | null; orgId: string | null; userId?: string | null },
    readonly detail?: string,
  ) {
    super(`oidc login refused: ${why}`);
  }

  get statusCode(): number {
    if (this.why === "provider_unreachable") return 502;
    if (this.why === "provider_unknown") return 404;
    return this.why.startsWith("attempt_") || this.why === "browser_mismatch" ? 400 : 403;
  }
}

export function swedishMessage(why: OidcRefusal): string {
  return messages[why];
}

/** The refusal as an audit event (why, and the provider's words when it gave any). */
export async function auditRefusal(
  database: DatabaseHandle,
  refusal: OidcRefused,
  meta: RequestMeta,
): Promise<void> {
  const { providerId, orgId, userId } = refusal.context;
  await withActor(database.db, { userId: null, orgId }, (trx) =>
    recordAudit(trx, { actor: null, userId: userId ?? null, orgId, meta }, [
      {
        action: "login.oidc_failed",
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

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a refused browser lands on: the callback is a navigation from the provider, not
 * a call of the web app, so the answer is a page of its own (no script, no style: the CSP
 * holds) that leads back to the login.
 */
export function refusalPage(message: string): string {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggningen misslyckades – Frid</title></head>
<body><main><h1>Inloggningen misslyckades</h1><p>${escapeHtml(message)}</p>
<p><a href="/">Till inloggningen</a></p></main></body></html>`;
}
