import { z } from "zod";

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
  "unknown_identity",
  "inactive",
] as const;
export type OidcRefusal = (typeof oidcRefusals)[number];

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
};
