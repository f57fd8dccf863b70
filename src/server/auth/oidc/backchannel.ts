import { createRemoteJWKSet, decodeJwt, errors, type JWTPayload, jwtVerify } from "jose";
import type { Kysely } from "kysely";
import type { RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import type { BackchannelRefusal } from "../../audit/events/identity.ts";
import type { AuditData } from "../../audit/events.ts";
import { recordAudit } from "../../audit/record.ts";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { OidcRefused } from "./refusals.ts";
import { clientConfiguration, clockToleranceSeconds, type ProviderRow } from "./relying-party.ts";

/**
 * OpenID Connect Back-Channel Logout 1.0: the provider posts a logout token (a JWT it signs)
 * when a person logs out there, and every Frid session begun in that provider session (its
 * `sid`) or by that person at it (`sub`) ends at once — in the database, which every process
 * asks before trusting a session it holds in memory (sessions.ts sessionHolds), so no cache
 * keeps one alive. The token is checked as the specification's section 2.6 says; a token
 * acted on is remembered by its `jti` until it is too old to be accepted anyway.
 */
const event = "http://schemas.openid.net/event/backchannel-logout";
/** A logout token older than this (plus the clock tolerance) is refused. */
const maxTokenAgeSeconds = 300;

type Provider = NonNullable<ProviderRow>;

export class BackchannelRefused extends Error {
  constructor(
    readonly why: BackchannelRefusal,
    readonly provider: Provider | null,
    readonly detail?: string,
  ) {
    super(`back-channel logout refused: ${why}`);
  }
}

// One key set per jwks_uri: jose fetches it again for a key id it has not seen (rotation).
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySetOf(jwksUri: string) {
  let found = keySets.get(jwksUri);
  if (!found) {
    found = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 10_000 });
    keySets.set(jwksUri, found);
  }
  return found;
}

/** The token checked; the sessions it names ended and audited. Throws BackchannelRefused. */
export async function backchannelLogout(
  config: Config,
  database: DatabaseHandle,
  logoutToken: string | undefined,
  meta: RequestMeta,
): Promise<{ sessions: number }> {
  if (!logoutToken) throw new BackchannelRefused("malformed", null, "no logout_token");
  const provider = await providerOf(database.db, logoutToken);
  const claims = await verified(config, provider, logoutToken);
  const names = namedSession(provider, claims);
  return endSessions(database, provider, claims, names, meta);
}

/** Which registered provider issued it, for Frid's client: read before the signature. */
async function providerOf(db: Kysely<Database>, token: string): Promise<Provider> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(token);
  } catch (error) {
    throw new BackchannelRefused("malformed", null, String(error));
  }
  const audiences = ([] as unknown[]).concat(unverified.aud ?? []);
  if (typeof unverified.iss !== "string") throw new BackchannelRefused("malformed", null, "no iss");
  // Several organisations may trust one provider, each with a client of its own.
  const providers = await db
    .selectFrom("identity_provider")
    .selectAll()
    .where("protocol", "=", "oidc")
    .where("issuer", "in", [unverified.iss, unverified.iss.replace(/\/$/, "")])
    .execute();
  if (providers.length === 0)
    throw new BackchannelRefused("provider_unknown", null, unverified.iss.slice(0, 200));
  const mine = providers.find((p) => audiences.includes(p.client_id));
  if (!mine) throw new BackchannelRefused("claims", providers[0] ?? null, "audience not Frid's");
  return mine;
}

async function verified(config: Config, provider: Provider, token: string): Promise<JWTPayload> {
  let metadata: ReturnType<Awaited<ReturnType<typeof clientConfiguration>>["serverMetadata"]>;
  try {
    metadata = (await clientConfiguration(config, provider)).serverMetadata();
  } catch (error) {
    if (error instanceof OidcRefused)
      throw new BackchannelRefused("provider_unreachable", provider, error.detail);
    throw error;
  }
  if (!metadata.jwks_uri) throw new BackchannelRefused("provider_unreachable", provider, "no jwks");
  // A SAML provider has no client id and sends no such tokens.
  if (!provider.client_id) throw new BackchannelRefused("claims", provider, "not an OIDC provider");
  // Only the provider's asymmetric algorithms: never `none`, never a shared secret.
  const algorithms = (metadata.id_token_signing_alg_values_supported ?? ["RS256"]).filter(
    (a) => a !== "none" && !a.startsWith("HS"),
  );
  try {
    const { payload } = await jwtVerify(token, keySetOf(metadata.jwks_uri), {
      issuer: metadata.issuer,
      audience: provider.client_id,
      algorithms,
      clockTolerance: clockToleranceSeconds,
      maxTokenAge: maxTokenAgeSeconds,
      requiredClaims: ["iat", "jti"],
    });
    return payload;
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired)
      throw new BackchannelRefused("claims", provider, detail);
    if (error instanceof errors.JOSEError)
      throw new BackchannelRefused("signature", provider, detail);
    throw new BackchannelRefused("provider_unreachable", provider, detail);
  }
}

/** The logout token's own rules (section 2.4): the event, no nonce, a sid or a sub. */
function namedSession(provider: Provider, claims: JWTPayload) {
  const events = claims.events;
  if (typeof events !== "object" || events === null || !(event in events))
    throw new BackchannelRefused("events_missing", provider);
  // A nonce would make it an ID token: one must never be taken for the other.
  if ("nonce" in claims) throw new BackchannelRefused("nonce_present", provider);
  const text = (v: unknown) =>
    typeof v === "string" && v.length > 0 && v.length <= 500 ? v : null;
  const sid = text(claims.sid);
  const sub = text(claims.sub);
  if (!sid && !sub) throw new BackchannelRefused("subject_missing", provider);
  if (!text(claims.jti)) throw new BackchannelRefused("claims", provider, "jti");
  return { sid, sub };
}

/**
 * The token's jti, remembered until the token could not be accepted anyway (older ones go
 * as new ones come); one seen before is a replay. Two at once: the key lets one in.
 */
async function rememberToken(trx: Kysely<Database>, provider: Provider, claims: JWTPayload) {
  const forgetAfter =
    Math.max(claims.exp ?? 0, (claims.iat ?? 0) + maxTokenAgeSeconds) + clockToleranceSeconds;
  await trx.deleteFrom("oidc_logout_token").where("forget_after", "<", new Date()).execute();
  const fresh = await trx
    .insertInto("oidc_logout_token")
    .values({
      provider_id: provider.id,
      jti: String(claims.jti),
      forget_after: new Date(forgetAfter * 1000),
    })
    .onConflict((oc) => oc.columns(["provider_id", "jti"]).doNothing())
    .returning("jti")
    .executeTakeFirst();
  if (!fresh) throw new BackchannelRefused("replayed", provider);
}

async function endSessions(
  database: DatabaseHandle,
  provider: Provider,
  claims: JWTPayload,
  names: { sid: string | null; sub: string | null },
  meta: RequestMeta,
): Promise<{ sessions: number }> {
  return withActor(database.db, { userId: null, orgId: provider.org_id }, async (trx) => {
    await rememberToken(trx, provider, claims);
    const { known, ended } = await endProviderSessions(trx, provider.id, names);
    // Only sessions ended already (the logout began in Frid): nothing is left open.
    if (!known) throw new BackchannelRefused("session_unknown", provider);
    const users = new Set(ended.map((s) => s.user_id));
    await recordAudit(
      trx,
      {
        actor: null,
        userId: users.size === 1 ? ([...users][0] ?? null) : null,
        orgId: provider.org_id,
        meta,
      },
      [
        {
          action: "logout.backchannel",
          resourceType: "session",
          data: { providerId: provider.id, sessions: ended.length },
        },
      ],
    );
    return { sessions: ended.length };
  });
}

/**
 * Ends every open session begun at the provider that the names match (its session id and/or
 * the person at it): a provider's logout from outside, either protocol (OIDC back-channel
 * here, SAML single logout in auth/saml/logout.ts). `known`: some session ever matched.
 */
export async function endProviderSessions(
  trx: Kysely<Database>,
  providerId: string,
  names: { sid: string | null; sub: string | null },
): Promise<{ known: boolean; ended: { id_hash: string; user_id: string }[] }> {
  let named = trx.selectFrom("session").where("provider_id", "=", providerId);
  if (names.sid) named = named.where("provider_sid", "=", names.sid);
  if (names.sub) named = named.where("provider_sub", "=", names.sub);
  const known = await named.select("id_hash").limit(1).executeTakeFirst();
  const ended = await named
    .select(["id_hash", "user_id"])
    .where("revoked_at", "is", null)
    .execute();
  if (ended.length > 0)
    await trx
      .updateTable("session")
      .set({ revoked_at: new Date() })
      .where(
        "id_hash",
        "in",
        ended.map((s) => s.id_hash),
      )
      .execute();
  return { known: known !== undefined, ended };
}

interface Refused<Why> {
  why: Why;
  provider: { id: string; org_id: string } | null;
  detail?: string | undefined;
}

/**
 * A refused logout message from a provider (an OIDC logout token or a SAML LogoutRequest or
 * LogoutResponse), audited: which check failed, never the message itself.
 */
export async function auditLogoutRefusal<
  A extends "logout.backchannel_refused" | "logout.saml_refused",
>(
  database: DatabaseHandle,
  action: A,
  refusal: Refused<AuditData<A>["why"]>,
  meta: RequestMeta,
): Promise<void> {
  const orgId = refusal.provider?.org_id ?? null;
  await withActor(database.db, { userId: null, orgId }, (trx) =>
    recordAudit(trx, { actor: null, userId: null, orgId, meta }, [
      {
        action,
        outcome: "denied",
        resourceType: "session",
        // The action and its reasons are paired by the signature; the schema checks at the write.
        data: {
          providerId: refusal.provider?.id ?? null,
          why: refusal.why,
          ...(refusal.detail ? { detail: refusal.detail.slice(0, 200) } : {}),
        } as AuditData<A>,
      },
    ]),
  );
}
