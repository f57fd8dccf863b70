import type { Kysely } from "kysely";
import * as client from "openid-client";
import type { RequestMeta } from "../../access/actor.ts";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { matchAccount, openProviderSession } from "../provider-login.ts";
import { providerSessionOf } from "./logout.ts";
import { OidcRefused } from "./refusals.ts";
import {
  clientConfiguration,
  clockToleranceSeconds,
  forgetConfiguration,
  hashOf,
  type ProviderRow,
  providerById,
} from "./relying-party.ts";
import { type IdentityClaims, identifyingClaims } from "./userinfo.ts";

type Provider = NonNullable<ProviderRow>;
type Attempt = {
  provider_id: string;
  org_id: string;
  nonce: string;
  code_verifier: string;
  redirect_uri: string;
};

/**
 * The provider sent the browser back. The attempt is taken once (a second callback with
 * the same state is refused, so a replayed code never reaches the token endpoint twice),
 * only in the browser that began it, within its ten minutes; then the code is exchanged and
 * the ID token checked by openid-client (signature, issuer, audience, nonce, expiry with
 * the clock tolerance), the assurance level by Frid, the identifying claim taken from the
 * ID token or else the provider's userinfo (userinfo.ts), and the identifier matched to an
 * account Frid already has. A login never creates an account.
 */
export async function finishLogin(
  config: Config,
  database: DatabaseHandle,
  input: { query: string; state: string | undefined; binding: string | undefined },
  meta: RequestMeta,
): Promise<{ sessionId: string }> {
  const attempt = await takeAttempt(database.db, input.state, input.binding);
  const context = { providerId: attempt.provider_id, orgId: attempt.org_id };
  const provider = await providerById(database, attempt.provider_id);
  if (!provider?.enabled) throw new OidcRefused("provider_disabled", context);
  const exchanged = await exchange(config, provider, attempt, input);
  const claims = await identifyingClaims(config, provider, exchanged.claims, exchanged.accessToken);
  // An address the provider has not verified may be anyone's (a broker lets people type it).
  if (provider.identifier_kind === "email" && claims.email_verified !== true)
    throw new OidcRefused("identifier_missing", context, "email not verified");
  const user = await matchAccount(database, provider, claims[provider.identifier_claim]);
  const acr = typeof claims.acr === "string" ? claims.acr : null;
  // The provider's login at the required level is the second factor: no TOTP. The session
  // remembers the provider's session, which a logout there names (back-channel logout).
  return openProviderSession(
    config,
    database,
    provider,
    user.id,
    meta,
    {
      action: "login.oidc_succeeded",
      resourceType: "session",
      data: { providerId: provider.id, acr },
    },
    providerSessionOf(provider.id, claims),
  );
}

async function takeAttempt(
  db: Kysely<Database>,
  state: string | undefined,
  binding: string | undefined,
): Promise<Attempt> {
  const none = { providerId: null, orgId: null };
  if (!state) throw new OidcRefused("attempt_unknown", none);
  const found = await db
    .selectFrom("oidc_login_attempt")
    .select(["provider_id", "org_id", "browser_hash", "used_at", "expires_at"])
    .where("state_hash", "=", hashOf(state))
    .executeTakeFirst();
  if (!found) throw new OidcRefused("attempt_unknown", none);
  const context = { providerId: found.provider_id, orgId: found.org_id };
  if (!binding || hashOf(binding) !== found.browser_hash)
    throw new OidcRefused("browser_mismatch", context);
  // Taken in one statement: of two callbacks at once, one finds it unused.
  const taken = await db
    .updateTable("oidc_login_attempt")
    .set({ used_at: new Date() })
    .where("state_hash", "=", hashOf(state))
    .where("used_at", "is", null)
    .returning(["provider_id", "org_id", "nonce", "code_verifier", "redirect_uri"])
    .executeTakeFirst();
  if (!taken) throw new OidcRefused("attempt_used", context);
  if (found.expires_at.getTime() < Date.now()) throw new OidcRefused("attempt_expired", context);
  return taken;
}

async function exchange(
  config: Config,
  provider: Provider,
  attempt: Attempt,
  input: { query: string; state: string | undefined },
): Promise<{ claims: IdentityClaims; accessToken: string | undefined }> {
  const context = { providerId: provider.id, orgId: provider.org_id };
  const configuration = await clientConfiguration(config, provider);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(
      configuration,
      new URL(`${attempt.redirect_uri}?${input.query}`),
      {
        pkceCodeVerifier: attempt.code_verifier,
        expectedNonce: attempt.nonce,
        expectedState: input.state,
        idTokenExpected: true,
      },
    );
  } catch (error) {
    throw refusalOf(provider, error);
  }
  const claims = tokens.claims();
  if (!claims) throw new OidcRefused("token_invalid", context, "no ID token");
  // openid-client checks exp and nbf; a token issued in the future is a clock gone wrong.
  if (claims.iat > Date.now() / 1000 + clockToleranceSeconds)
    throw new OidcRefused("token_invalid", context, "iat in the future");
  if (provider.acr_values.length === 0) throw new OidcRefused("acr_not_configured", context);
  if (!provider.acr_values.includes(String(claims.acr ?? "")))
    throw new OidcRefused(
      "acr_too_low",
      context,
      `acr ${String(claims.acr ?? "none")}`.slice(0, 200),
    );
  return { claims, accessToken: tokens.access_token };
}

/** Which refusal an error of the exchange is; the provider's metadata is read again next time. */
function refusalOf(provider: Provider, error: unknown): OidcRefused {
  const context = { providerId: provider.id, orgId: provider.org_id };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // The provider's own answer (the person cancelled, a code it will not take) says nothing
  // about its metadata: kept. Forgotten only when a check failed (perhaps new keys or moved
  // endpoints) or the provider did not answer.
  if (
    error instanceof client.AuthorizationResponseError ||
    error instanceof client.ResponseBodyError
  )
    return new OidcRefused("provider_error", context, detail);
  forgetConfiguration(provider);
  if (error instanceof client.ClientError || error instanceof client.WWWAuthenticateChallengeError)
    return new OidcRefused("token_invalid", context, detail);
  // Anything else is the network or the provider's server: tried again at the next login.
  return new OidcRefused("provider_unreachable", context, detail);
}
