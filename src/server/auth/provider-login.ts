import type { IdentifierKind } from "../../shared/api/identity-providers.ts";
import type { RequestMeta } from "../access/actor.ts";
import { withActor } from "../access/transaction.ts";
import { type AuditEntry, recordAudit } from "../audit/record.ts";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { normaliseIdentifier, storedIdentifier } from "./oidc/identifiers.ts";
import { ProviderRefused } from "./oidc/refusals.ts";
import { createSession, hashSessionId } from "./sessions.ts";

/**
 * What a login through an identity provider ends with, whichever protocol brought it
 * (auth/oidc/ for OpenID Connect, auth/saml/ for SAML 2.0): the identifier the provider
 * vouched for matched to an account Frid already has, and a fully logged-in session.
 */
export interface LoginProvider {
  id: string;
  org_id: string;
  protocol: "oidc" | "saml";
  identifier_kind: IdentifierKind;
  identifier_claim: string;
}

/**
 * The ACTIVE account of the provider's organisation that the identifier names — never one
 * made for the login. A `sub` (or a SAML persistent NameID kept as one) counts only at the
 * provider that issued it.
 */
export async function matchAccount(
  database: DatabaseHandle,
  provider: LoginProvider,
  raw: unknown,
): Promise<{ id: string }> {
  const context = { providerId: provider.id, orgId: provider.org_id };
  const refuse = (why: "identifier_missing" | "unknown_identity", detail?: string) =>
    new ProviderRefused(provider.protocol, why, context, detail);
  if (typeof raw !== "string" || raw.length === 0)
    throw refuse("identifier_missing", provider.identifier_claim);
  const normalised = normaliseIdentifier(provider.identifier_kind, raw);
  if (!normalised.ok) throw refuse("identifier_missing", "not a valid identifier");
  const value = await storedIdentifier(
    database,
    provider.org_id,
    provider.identifier_kind,
    normalised.value,
  );
  const user = await database.db
    .selectFrom("account_identifier as i")
    .innerJoin("app_user as u", "u.id", "i.user_id")
    .select(["u.id", "u.active"])
    .where("i.org_id", "=", provider.org_id)
    .where("u.org_id", "=", provider.org_id)
    .where("i.kind", "=", provider.identifier_kind)
    .where("i.value", "=", value)
    .where((eb) =>
      provider.identifier_kind === "sub"
        ? eb("i.provider_id", "=", provider.id)
        : eb("i.provider_id", "is", null),
    )
    .executeTakeFirst();
  if (!user) throw refuse("unknown_identity");
  if (!user.active)
    throw new ProviderRefused(provider.protocol, "inactive", { ...context, userId: user.id });
  return user;
}

export interface ProviderSessionNames {
  provider_sid: string | null;
  provider_sub: string | null;
  provider_name_id_format?: string | null;
  provider_name_qualifier?: string | null;
  provider_sp_name_qualifier?: string | null;
}

/**
 * A new session, fully logged in: the provider's login at the required assurance level is
 * the second factor, so no one-time code is asked. The success event is written with the
 * login time in one transaction.
 */
export async function openProviderSession(
  config: Config,
  database: DatabaseHandle,
  provider: LoginProvider,
  userId: string,
  meta: RequestMeta,
  event: AuditEntry,
  /**
   * The provider's own session, for its logouts: OIDC `sid` and `sub` (auth/oidc/logout.ts);
   * SAML SessionIndex and NameID, with the NameID's format and qualifiers (auth/saml/logout.ts).
   */
  remembered: ProviderSessionNames = { provider_sid: null, provider_sub: null },
): Promise<{ sessionId: string }> {
  const session = await createSession(
    database.db,
    config,
    { id: userId, orgId: provider.org_id },
    "authenticated",
    meta.clientAddress,
  );
  await withActor(database.db, { userId, orgId: provider.org_id }, async (trx) => {
    await trx
      .updateTable("session")
      .set({ ...remembered, provider_id: provider.id })
      .where("id_hash", "=", hashSessionId(session.id))
      .execute();
    await trx
      .updateTable("app_user")
      .set({ last_login_at: new Date() })
      .where("id", "=", userId)
      .execute();
    await recordAudit(trx, { actor: null, userId, orgId: provider.org_id, meta }, [event]);
  });
  return { sessionId: session.id };
}

/**
 * The cookie that binds a login begun at a provider to this browser (either protocol): set
 * for the attempt's lifetime (null: cleared), HttpOnly, sent only to the path the provider
 * answers on, with the SameSite the protocol's answer needs.
 */
export function attemptCookieHeader(
  name: string,
  value: string | null,
  options: { path: string; sameSite: "Lax" | "None"; secure: boolean; maxAgeSeconds: number },
): string {
  const attributes = [
    `Path=${options.path}`,
    "HttpOnly",
    `SameSite=${options.sameSite}`,
    ...(options.secure ? ["Secure"] : []),
  ];
  const age = value === null ? 0 : options.maxAgeSeconds;
  return [`${name}=${value ?? ""}`, `Max-Age=${age}`, ...attributes].join("; ");
}
