import { randomBytes } from "node:crypto";
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import type { Config } from "../../config.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { fridAddress } from "../oidc/addresses.ts";
import { SamlRefused } from "../oidc/refusals.ts";
import {
  attemptMinutes,
  clockToleranceSeconds,
  hashOf,
  providerById,
} from "../oidc/relying-party.ts";
import { type SpKeyPair, spKeyPair } from "./sp-key.ts";

/**
 * Frid as a SAML 2.0 service provider (node-saml 5, ADR 0030). Frid's addresses come from
 * FRID_PUBLIC_URL, never from a request's Host header: the audience and the recipient an
 * assertion is checked against must be what Frid is, not what the sender says it is. Each
 * provider has an entity id of its own (its metadata's address), so an assertion made for
 * one organisation's registration is no use at another's.
 */
export const acsPath = "/api/auth/saml/acs";
export const metadataPath = (providerId: string) => `/api/auth/saml/${providerId}/metadata`;
/** Single logout (HTTP-Redirect): the IdP's LogoutResponses and LogoutRequests (logout.ts). */
export const sloPath = (providerId: string) => `/api/auth/saml/${providerId}/slo`;

export type SamlProvider = NonNullable<Awaited<ReturnType<typeof providerById>>>;

/**
 * Frid's address as a SAML IdP knows it: FRID_PUBLIC_URL (path kept), or, outside production
 * only, localhost at the configured port as the OIDC login's (oidc/addresses.ts), so the
 * development server's metadata and logins work without it. Null: Frid cannot say where it is.
 */
export function samlOrigin(config: Config): string | null {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, "");
  return fridAddress(config, config.port);
}

export function serviceProvider(config: Config, provider: { id: string; org_id: string }) {
  const origin = samlOrigin(config);
  if (!origin)
    throw new SamlRefused("sp_unconfigured", { providerId: provider.id, orgId: provider.org_id });
  return {
    entityId: `${origin}${metadataPath(provider.id)}`,
    acsUrl: `${origin}${acsPath}`,
    sloUrl: `${origin}${sloPath(provider.id)}`,
  };
}

/** The NameID asked for: the IdP's persistent one when it names the person, else transient. */
function nameIdFormat(provider: SamlProvider): string {
  if (provider.identifier_claim !== "NameID")
    return "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
  return provider.identifier_kind === "email"
    ? "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"
    : "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
}

/** Frid's key pair, or the refusal that SAML cannot be used without one (production). */
export async function spKeyFor(config: Config, provider: { id: string; org_id: string }) {
  const key = await spKeyPair(config.samlSp);
  if (!key)
    throw new SamlRefused("sp_unconfigured", { providerId: provider.id, orgId: provider.org_id });
  return key;
}

/**
 * node-saml set up for one provider: a signed assertion required (what the Swedish eID
 * framework's IdPs sign; a signed Response alone is not enough), the audience and ACS address
 * Frid's own, the time window with the OIDC login's clock tolerance. InResponseTo is checked
 * by Frid against its own attempt row (acs.ts), not node-saml's memory cache, so any Frid
 * process can finish a login another began. Frid's key signs what Frid sends (RSA-SHA256,
 * the HTTP-Redirect binding's query signature) and opens assertions encrypted to it.
 */
export function samlFor(
  config: Config,
  provider: SamlProvider,
  key: SpKeyPair,
  requestId?: string,
): SAML {
  const sp = serviceProvider(config, provider);
  return new SAML({
    privateKey: key.keyPem,
    publicCert: key.certPem,
    decryptionPvk: key.keyPem,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
    issuer: sp.entityId,
    audience: sp.entityId,
    callbackUrl: sp.acsUrl,
    entryPoint: provider.saml_sso_url ?? "",
    ...(provider.saml_slo_url ? { logoutUrl: provider.saml_slo_url } : {}),
    logoutCallbackUrl: sp.sloUrl,
    idpCert: provider.saml_certificates ?? [],
    idpIssuer: provider.saml_entity_id ?? "",
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: clockToleranceSeconds * 1000,
    validateInResponseTo: ValidateInResponseTo.never,
    identifierFormat: nameIdFormat(provider),
    authnContext: provider.acr_values,
    disableRequestedAuthnContext: provider.acr_values.length === 0,
    racComparison: "exact",
    ...(requestId ? { generateUniqueId: () => requestId } : {}),
  });
}

/** A SAML provider by id, or the refusal that there is none (an OIDC one is none). */
export async function samlProviderById(database: DatabaseHandle, id: string) {
  const row = await providerById(database, id);
  if (row?.protocol !== "saml")
    throw new SamlRefused("provider_unknown", { providerId: null, orgId: null });
  return row;
}

/**
 * Begins a login: the AuthnRequest's id (the answer's InResponseTo) is kept in an attempt row
 * found by the RelayState's hash; the browser gets the RelayState (in the IdP's round trip)
 * and a random binding (its cookie). Old attempts and assertions past their time go.
 */
export async function beginSamlLogin(
  config: Config,
  database: DatabaseHandle,
  providerId: string,
): Promise<{ location: string; binding: string }> {
  const provider = await samlProviderById(database, providerId);
  if (!provider.enabled)
    throw new SamlRefused("provider_disabled", { providerId, orgId: provider.org_id });
  const requestId = `_${randomBytes(20).toString("hex")}`;
  const saml = samlFor(config, provider, await spKeyFor(config, provider), requestId);
  const relayState = randomBytes(32).toString("base64url");
  const binding = randomBytes(32).toString("base64url");
  const now = Date.now();
  await database.db
    .insertInto("saml_login_attempt")
    .values({
      relay_state_hash: hashOf(relayState),
      request_id: requestId,
      provider_id: provider.id,
      org_id: provider.org_id,
      browser_hash: hashOf(binding),
      expires_at: new Date(now + attemptMinutes * 60_000),
    })
    .execute();
  await database.db
    .deleteFrom("saml_login_attempt")
    .where("expires_at", "<", new Date(now - attemptMinutes * 60_000))
    .execute();
  await database.db
    .deleteFrom("saml_assertion_seen")
    .where("not_on_or_after", "<", new Date(now - clockToleranceSeconds * 1000))
    .execute();
  return { location: await saml.getAuthorizeUrlAsync(relayState, undefined, {}), binding };
}

/**
 * The SP metadata an IdP (or a federation's registry) is given for this provider: Frid's
 * certificate for both uses, signing (its AuthnRequests are signed) and encryption.
 */
export async function spMetadata(config: Config, database: DatabaseHandle, providerId: string) {
  const provider = await samlProviderById(database, providerId);
  const key = await spKeyFor(config, provider);
  const xml = samlFor(config, provider, key).generateServiceProviderMetadata(
    key.certPem,
    key.certPem,
  );
  // node-saml names the HTTP-POST binding for single logout; Frid's takes HTTP-Redirect.
  const post = 'SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"';
  return xml.replace(post, post.replace("HTTP-POST", "HTTP-Redirect"));
}
