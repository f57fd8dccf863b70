import { z } from "zod";
import { ImportChange } from "../../../shared/api/account-import.ts";

/**
 * Why a login through an identity provider was refused (auth/oidc/): each refusal is an
 * audit event with its reason, the person seeing only a Swedish message.
 */
export const oidcRefusals = [
  "provider_unknown",
  "provider_disabled",
  "provider_unreachable",
  "attempt_unknown",
  "attempt_used",
  "attempt_expired",
  "browser_mismatch",
  "provider_error",
  "token_invalid",
  "acr_too_low",
  "acr_not_configured",
  "identifier_missing",
  // The provider's userinfo answered for another subject than its ID token named.
  "userinfo_mismatch",
  "unknown_identity",
  "inactive",
] as const;
export type OidcRefusal = (typeof oidcRefusals)[number];

/**
 * A SAML login's refusals besides those it shares with OIDC (auth/saml/): what the
 * assertion's checks found (ADR 0030). `sp_unconfigured`: FRID_PUBLIC_URL is not set, so
 * Frid has no audience or ACS address to check against, or (production) Frid has no SAML
 * key pair to sign and decrypt with (ADR 0032).
 */
export const samlOnlyRefusals = [
  "sp_unconfigured",
  "response_invalid",
  "signature_invalid",
  "issuer_mismatch",
  "audience_mismatch",
  "recipient_mismatch",
  "assertion_expired",
  "assertion_replayed",
  "in_response_to_mismatch",
  // ADR 0032: the provider requires assertions encrypted to Frid, and this one was not, or
  // it could not be opened with Frid's key (encrypted to another).
  "assertion_not_encrypted",
  "decryption_failed",
] as const;
export const loginRefusals = [...oidcRefusals, ...samlOnlyRefusals] as const;
export type LoginRefusal = (typeof loginRefusals)[number];

/** Logins through an organisation's SAML 2.0 provider (issue 21 item 2). */
export const samlLoginEvents = {
  "login.saml_succeeded": z
    .object({ providerId: z.uuid(), authnContextClassRef: z.string().nullable() })
    .strict(),
  "login.saml_failed": z
    .object({
      providerId: z.uuid().nullable(),
      why: z.enum(loginRefusals),
      detail: z.string().max(200).optional(),
    })
    .strict(),
};

/** Logins through an organisation's OpenID Connect provider (issue 21). */
export const oidcLoginEvents = {
  "login.oidc_succeeded": z.object({ providerId: z.uuid(), acr: z.string().nullable() }).strict(),
  "login.oidc_failed": z
    .object({
      providerId: z.uuid().nullable(),
      why: z.enum(oidcRefusals),
      detail: z.string().max(200).optional(),
    })
    .strict(),
};

/** An administrator's changes to providers, identifiers and the login policy (issue 21). */
export const identityProviderAdminEvents = {
  "admin.identity_provider.create": z.object({ issuer: z.string() }).strict(),
  "admin.identity_provider.update": z.object({ fields: z.array(z.string()) }).strict(),
  "admin.identifier.add": z.object({ kind: z.string() }).strict(),
  "admin.identifier.remove": z.object({ kind: z.string() }).strict(),
  "admin.login_policy.update": z.object({ localPasswords: z.boolean() }).strict(),
  "admin.break_glass.update": z.object({ breakGlass: z.boolean() }).strict(),
  // One per account an import created or changed: which fields, never their values.
  "admin.user.import": z
    .object({ outcome: z.enum(["create", "update"]), changes: z.array(ImportChange) })
    .strict(),
};

/** Why a back-channel logout token was refused (auth/oidc/backchannel.ts). */
export const backchannelRefusals = [
  "malformed",
  "provider_unknown",
  "provider_unreachable",
  "signature",
  "claims",
  "events_missing",
  "nonce_present",
  "subject_missing",
  "replayed",
  "session_unknown",
] as const;
export type BackchannelRefusal = (typeof backchannelRefusals)[number];

/** Why a SAML single logout message was refused (auth/saml/logout.ts). */
export const samlLogoutRefusals = [
  "provider_unknown",
  "malformed",
  "unsigned",
  "signature",
  "issuer",
  "expired",
  "in_response_to",
  "replayed",
  "provider_status",
] as const;
export type SamlLogoutRefusal = (typeof samlLogoutRefusals)[number];

/**
 * Logging out (issue 21 item 5). A session begun through a provider names it, and whether
 * the browser was sent to log out there too; a provider's back-channel logout ends sessions.
 */
export const logoutEvents = {
  logout: z
    .object({
      providerId: z.uuid().optional(),
      atProvider: z.enum(["redirected", "not_offered"]).optional(),
    })
    .strict(),
  "logout.backchannel": z
    .object({ providerId: z.uuid(), sessions: z.number().int().min(0) })
    .strict(),
  "logout.backchannel_refused": z
    .object({
      providerId: z.uuid().nullable(),
      why: z.enum(backchannelRefusals),
      detail: z.string().max(200).optional(),
    })
    .strict(),
  // SAML single logout (ADR 0032): the IdP answered Frid's LogoutRequest; the IdP asked Frid
  // to end the sessions of a person's IdP session; a message refused.
  "logout.saml_completed": z.object({ providerId: z.uuid() }).strict(),
  "logout.saml_idp": z.object({ providerId: z.uuid(), sessions: z.number().int().min(0) }).strict(),
  "logout.saml_refused": z
    .object({
      providerId: z.uuid().nullable(),
      why: z.enum(samlLogoutRefusals),
      detail: z.string().max(200).optional(),
    })
    .strict(),
};
