import type { Kysely } from "kysely";
import * as client from "openid-client";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { samlLogoutLocation } from "../saml/logout.ts";
import { fridAddress, loggedOutPath } from "./addresses.ts";
import { OidcRefused } from "./refusals.ts";
import { clientConfiguration, providerById } from "./relying-party.ts";

/** A provider's session as its ID token named it; longer values than these are not kept. */
export function providerSessionOf(
  providerId: string,
  claims: { sub: string; sid?: unknown },
): { provider_id: string; provider_sid: string | null; provider_sub: string | null } {
  const fits = (v: unknown): v is string =>
    typeof v === "string" && v.length > 0 && v.length <= 500;
  return {
    provider_id: providerId,
    provider_sid: fits(claims.sid) ? claims.sid : null,
    provider_sub: fits(claims.sub) ? claims.sub : null,
  };
}

export interface ProviderLogout {
  providerId: string;
  /** The provider's end-session address for this browser; null: it offers none. */
  location: string | null;
}

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): for a session begun through
 * a provider whose metadata names an end_session_endpoint, where the browser goes to end
 * the provider's session too. Frid names itself by its client id, not an id_token_hint (the
 * ID token is not kept: ADR 0028), and asks to come back to its logged-out page. A provider
 * that does not answer, or offers no logout, leaves its own session open: null location.
 * Null altogether: the session was Frid's own (a password login).
 */
export async function providerLogoutOf(
  config: Config,
  database: DatabaseHandle,
  sessionIdHash: string,
  localPort: number | undefined,
): Promise<ProviderLogout | null> {
  const providerId = await sessionProvider(database.db, sessionIdHash);
  if (!providerId) return null;
  const provider = await providerById(database, providerId);
  const base = fridAddress(config, localPort);
  // A SAML provider's: its single logout, when it offers one (ADR 0032).
  if (provider?.protocol === "saml")
    return {
      providerId,
      location: await samlLogoutLocation(config, database, provider, sessionIdHash),
    };
  if (!provider || !base || provider.protocol !== "oidc" || !provider.client_id)
    return { providerId, location: null };
  let configuration: client.Configuration;
  try {
    configuration = await clientConfiguration(config, provider);
  } catch (error) {
    if (error instanceof OidcRefused) return { providerId, location: null };
    throw error;
  }
  if (!configuration.serverMetadata().end_session_endpoint) return { providerId, location: null };
  const url = client.buildEndSessionUrl(configuration, {
    client_id: provider.client_id,
    post_logout_redirect_uri: `${base}${loggedOutPath}`,
  });
  return { providerId, location: url.href };
}

async function sessionProvider(db: Kysely<Database>, idHash: string): Promise<string | null> {
  const row = await db
    .selectFrom("session")
    .select("provider_id")
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
  return row?.provider_id ?? null;
}
