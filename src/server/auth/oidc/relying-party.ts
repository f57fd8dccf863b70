import { createHash, randomBytes } from "node:crypto";
import * as client from "openid-client";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { OidcRefused } from "./refusals.ts";

/**
 * Frid as an OpenID Connect relying party (openid-client 6, ADR 0028). The provider's
 * metadata is discovered from its issuer and kept per provider until a login through it
 * fails, so a provider that moves its endpoints or rotates its signing keys is read again
 * (openid-client itself fetches the key set again for a key id it has not seen).
 */
export type ProviderRow = Awaited<ReturnType<typeof providerById>>;

/** Seconds of clock difference tolerated in the ID token's iat/exp/nbf. */
export const clockToleranceSeconds = 60;
/** How long a begun login may take at the provider. */
export const attemptMinutes = 10;

export function providerById(database: DatabaseHandle, id: string) {
  return database.db
    .selectFrom("identity_provider")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
}

const configurations = new Map<string, Promise<client.Configuration>>();
// A row changed by the administrator is a new entry: the old metadata is never used for it.
const cacheKey = (row: NonNullable<ProviderRow>) => `${row.id}:${row.updated_at.getTime()}`;

export function forgetConfiguration(row: NonNullable<ProviderRow>): void {
  configurations.delete(cacheKey(row));
}

/**
 * Plain http only to this machine and never in production: the development provider and
 * the tests. Everything else must be https (openid-client refuses it otherwise).
 */
function insecureAllowed(config: Config, issuer: URL): boolean {
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
  return config.mode !== "production" && loopback && issuer.protocol === "http:";
}

export async function clientConfiguration(
  config: Config,
  row: NonNullable<ProviderRow>,
): Promise<client.Configuration> {
  const key = cacheKey(row);
  let found = configurations.get(key);
  if (!found) {
    found = discover(config, row);
    configurations.set(key, found);
    found.catch(() => configurations.delete(key));
  }
  try {
    return await found;
  } catch (error) {
    throw new OidcRefused(
      "provider_unreachable",
      { providerId: row.id, orgId: row.org_id },
      String(error),
    );
  }
}

function discover(config: Config, row: NonNullable<ProviderRow>) {
  // A SAML provider has neither (the CHECK of migration 0106); its logins never come here.
  if (!row.issuer || !row.client_id) return Promise.reject(new Error("not an OIDC provider"));
  const issuer = new URL(row.issuer);
  const secret = row.client_secret_env ? process.env[row.client_secret_env] : undefined;
  if (row.client_secret_env && !secret)
    return Promise.reject(new Error(`${row.client_secret_env} is not set`));
  return client
    .discovery(
      issuer,
      row.client_id,
      { [client.clockTolerance]: clockToleranceSeconds },
      secret ? client.ClientSecretBasic(secret) : client.None(),
      {
        execute: insecureAllowed(config, issuer) ? [client.allowInsecureRequests] : [],
        timeout: 10,
      },
    )
    .then((configuration) => {
      // openid-client trusts an ID token from the token endpoint on TLS alone (OIDC Core
      // 3.1.3.7 allows it) and never looks at its signature. Frid checks it against the
      // provider's published keys as well: a token endpoint reached through a broken proxy or
      // a mis-issued certificate must still not make a login (rotation.test.ts).
      client.enableNonRepudiationChecks(configuration);
      return configuration;
    });
}

export const hashOf = (value: string) => createHash("sha256").update(value).digest("hex");

/**
 * Begins a login: state, nonce and the PKCE verifier are kept in a login-attempt row; the
 * browser gets only a random binding (its cookie) and the provider's address to go to.
 */
export async function beginLogin(
  config: Config,
  database: DatabaseHandle,
  providerId: string,
  redirectUri: string,
): Promise<{ location: string; binding: string }> {
  const row = await providerById(database, providerId);
  if (row?.protocol !== "oidc")
    throw new OidcRefused("provider_unknown", { providerId: null, orgId: null });
  const context = { providerId: row.id, orgId: row.org_id };
  if (!row.enabled) throw new OidcRefused("provider_disabled", context);
  // Without a required level the login could not count as multi-factor (ADR 0028): refused
  // here already, so no one is sent to the provider for nothing.
  if (row.acr_values.length === 0) throw new OidcRefused("acr_not_configured", context);
  const configuration = await clientConfiguration(config, row);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const binding = randomBytes(32).toString("base64url");
  await database.db
    .insertInto("oidc_login_attempt")
    .values({
      state_hash: hashOf(state),
      provider_id: row.id,
      org_id: row.org_id,
      browser_hash: hashOf(binding),
      nonce,
      code_verifier: verifier,
      redirect_uri: redirectUri,
      expires_at: new Date(Date.now() + attemptMinutes * 60_000),
    })
    .execute();
  // Old attempts go as new ones come: nothing of an abandoned login stays long.
  await database.db
    .deleteFrom("oidc_login_attempt")
    .where("expires_at", "<", new Date(Date.now() - attemptMinutes * 60_000))
    .execute();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: row.scopes,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    acr_values: row.acr_values.join(" "),
  });
  return { location: url.href, binding };
}
