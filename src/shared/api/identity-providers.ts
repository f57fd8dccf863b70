import { z } from "zod";
import { multiline } from "./fields.ts";

/**
 * Identity providers of an organisation (issue 21): logins through its OpenID Connect
 * provider, the identifiers that match a login to an account, and whether local passwords
 * are still allowed. The client secret never passes through the API: only the name of the
 * environment variable that holds it.
 */
export const IdentifierKind = z.enum(["hsa_id", "personal_identity_number", "email", "sub"]);
export type IdentifierKind = z.infer<typeof IdentifierKind>;

const acrValue = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(
    /^\S+$/,
    "Ett acr-värde skrivs utan mellanslag, t.ex. http://id.elegnamnden.se/loa/1.0/loa3.",
  );

export const IdentityProviderProtocol = z.enum(["oidc", "saml"]);
export type IdentityProviderProtocol = z.infer<typeof IdentityProviderProtocol>;

/** A SAML provider's settings as shown: its certificates by subject, expiry and fingerprint. */
export const SamlSettingsView = z
  .object({
    entityId: z.string(),
    ssoUrl: z.string(),
    certificates: z.array(
      z.object({
        subject: z.string(),
        notAfter: z.string().meta({ description: "ISO 8601" }),
        sha256: z.string().meta({ description: "SHA-256 fingerprint, hex pairs" }),
      }),
    ),
    /** Assertions must come encrypted to Frid's certificate (its SP metadata names it). */
    wantEncryptedAssertions: z.boolean(),
    /** The IdP's single logout address (HTTP-Redirect); null: none, its session stays open. */
    singleLogoutUrl: z.string().nullable(),
  })
  .meta({ id: "SamlSettings" });

export const IdentityProviderView = z
  .object({
    id: z.uuid(),
    protocol: IdentityProviderProtocol,
    displayName: z.string(),
    /** OIDC only (null for SAML). */
    issuer: z.string().nullable(),
    clientId: z.string().nullable(),
    clientSecretEnv: z.string().nullable(),
    /** Whether that variable is set in this server's environment (never its value). */
    clientSecretSet: z.boolean(),
    scopes: z.string(),
    identifierKind: IdentifierKind,
    identifierClaim: z.string(),
    /** The assurance required: acr values (OIDC) or AuthnContextClassRef values (SAML). */
    acrValues: z.array(z.string()),
    enabled: z.boolean(),
    saml: SamlSettingsView.nullable(),
  })
  .meta({ id: "IdentityProvider" });
export type IdentityProviderView = z.infer<typeof IdentityProviderView>;
export const IdentityProviderList = z
  .object({ providers: z.array(IdentityProviderView) })
  .meta({ id: "IdentityProviderList" });

const providerFields = {
  displayName: z.string().trim().min(2, "Skriv ett namn på minst 2 tecken.").max(100),
  issuer: z
    .url({ protocol: /^https?$/, error: "Skriv utfärdarens adress, t.ex. https://idp.example.se." })
    .max(500),
  clientId: z.string().trim().min(1, "Skriv klient-id.").max(200),
  clientSecretEnv: z
    .string()
    .trim()
    .regex(
      /^FRID_OIDC_SECRET_[A-Z0-9_]{1,60}$/,
      "Namnet på miljövariabeln ska börja med FRID_OIDC_SECRET_ och bara ha A–Z, 0–9 och _.",
    )
    .nullable(),
  scopes: z
    .string()
    .trim()
    .regex(
      /^openid( [A-Za-z0-9_:./-]{1,100}){0,20}$/,
      "Scope ska börja med openid, med mellanslag mellan värdena.",
    ),
  identifierKind: IdentifierKind,
  identifierClaim: z
    .string()
    .trim()
    .min(1, "Ange vilket claim som identifierar personen.")
    .max(200),
  // Required: a provider Frid does not hold to a level would let any login through as
  // multi-factor, so its logins are refused (auth/oidc, acr_not_configured).
  acrValues: z
    .array(acrValue)
    .min(1, "Ange minst en tillitsnivå (acr), t.ex. http://id.elegnamnden.se/loa/1.0/loa3.")
    .max(10),
  enabled: z.boolean(),
};

export const CreateIdentityProviderBody = z
  .object(providerFields)
  .partial({ scopes: true, enabled: true, clientSecretEnv: true })
  .strict()
  .meta({ id: "CreateIdentityProviderBody" });
export type CreateIdentityProviderBody = z.infer<typeof CreateIdentityProviderBody>;

export const UpdateIdentityProviderBody = z
  .object(providerFields)
  .partial()
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Ange minst en uppgift att ändra.",
  })
  .meta({ id: "UpdateIdentityProviderBody" });
export type UpdateIdentityProviderBody = z.infer<typeof UpdateIdentityProviderBody>;

/*
 * A SAML 2.0 provider (the Swedish eID framework's profile). Its certificates are the IdP's
 * public signing certificates in PEM (or the bare base64 of its metadata), several while it
 * rotates; the server reads each one and refuses what is no certificate.
 */
const samlFields = {
  entityId: z
    .string()
    .trim()
    .min(1, "Skriv identitetsleverantörens entity id.")
    .max(500)
    .regex(/^\S+$/, "Ett entity id skrivs utan mellanslag."),
  ssoUrl: z
    .url({
      protocol: /^https?$/,
      error: "Skriv adressen för single sign-on (HTTP-Redirect), t.ex. https://idp.example.se/sso.",
    })
    .max(500),
  certificates: z
    // A PEM has lines.
    .array(multiline(z.string().trim().min(1, "Klistra in certifikatet (PEM).").max(10_000)))
    .min(1, "Ange minst ett signeringscertifikat.")
    .max(5, "Högst fem certifikat."),
  wantEncryptedAssertions: z.boolean(),
  singleLogoutUrl: z
    .url({
      protocol: /^https?$/,
      error: "Skriv adressen för single logout (HTTP-Redirect), t.ex. https://idp.example.se/slo.",
    })
    .max(500)
    .nullable(),
};

/** Every setting of a SAML provider, named as SAML names them (attribute, AuthnContextClassRef). */
const samlProviderFields = {
  displayName: providerFields.displayName,
  ...samlFields,
  identifierKind: IdentifierKind,
  /** The attribute that names the person (e.g. urn:oid:1.2.752.29.4.13), or `NameID`. */
  identifierAttribute: z
    .string()
    .trim()
    .min(1, "Ange vilket attribut som identifierar personen, eller NameID.")
    .max(200)
    .regex(/^\S+$/, "Ett attributnamn skrivs utan mellanslag."),
  // Required, as an OIDC provider's acr values: a login held to no level is refused.
  authnContextClassRefs: z
    .array(acrValue)
    .min(1, "Ange minst en tillitsnivå, t.ex. http://id.elegnamnden.se/loa/1.0/loa3.")
    .max(10),
  enabled: z.boolean(),
};

export const CreateSamlProviderBody = z
  .object(samlProviderFields)
  .partial({ enabled: true, wantEncryptedAssertions: true, singleLogoutUrl: true })
  .strict()
  .meta({ id: "CreateSamlProviderBody" });
export type CreateSamlProviderBody = z.infer<typeof CreateSamlProviderBody>;

/** Any of a SAML provider's settings, saved together (one transaction, one audit event). */
export const UpdateSamlProviderBody = z
  .object(samlProviderFields)
  .partial()
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Ange minst en uppgift att ändra.",
  })
  .meta({ id: "UpdateSamlProviderBody" });
export type UpdateSamlProviderBody = z.infer<typeof UpdateSamlProviderBody>;

/** An account's identifier as shown: a personal identity number only as "stored" (a hash). */
export const AccountIdentifierView = z
  .object({
    id: z.uuid(),
    kind: IdentifierKind,
    value: z.string().nullable().meta({ description: "null for a personal identity number" }),
    providerId: z.uuid().nullable(),
  })
  .meta({ id: "AccountIdentifier" });
export const AccountIdentifierList = z
  .object({ identifiers: z.array(AccountIdentifierView) })
  .meta({ id: "AccountIdentifierList" });

export const AddAccountIdentifierBody = z
  .object({
    kind: IdentifierKind,
    value: z.string().trim().min(1, "Skriv identifieraren.").max(300),
    providerId: z.uuid().optional(),
  })
  .strict()
  .meta({ id: "AddAccountIdentifierBody" });
export type AddAccountIdentifierBody = z.infer<typeof AddAccountIdentifierBody>;

/** What decided whether passwords are allowed (auth/login-policy.ts localPasswordsPolicy). */
export const LocalPasswordsBasis = z.enum([
  "chosen",
  "default",
  "production_default",
  "production_default_kept_on",
]);
export type LocalPasswordsBasis = z.infer<typeof LocalPasswordsBasis>;

export const LoginPolicyView = z
  .object({
    localPasswords: z.boolean(),
    /**
     * Why (auth/login-policy.ts): the organisation's own choice; the default (on); production's
     * default (off: an enabled provider and a break-glass administrator with a hardware key);
     * or production's default kept on because no such administrator is there yet.
     */
    localPasswordsBasis: LocalPasswordsBasis,
    /** Active accounts marked break-glass, who keep a password login (issue 21, item 4). */
    breakGlassAccounts: z.array(
      z.object({
        id: z.uuid(),
        username: z.string(),
        displayName: z.string(),
        /** A key bound to its device: what keeps the account a way in while passwords are off. */
        hardwareKey: z.boolean(),
      }),
    ),
  })
  .meta({ id: "LoginPolicy" });
export type LoginPolicyView = z.infer<typeof LoginPolicyView>;
export const LoginPolicyBody = z
  .object({ localPasswords: z.boolean() })
  .strict()
  .meta({ id: "LoginPolicyBody" });

export const BreakGlassBody = z
  .object({ breakGlass: z.boolean() })
  .strict()
  .meta({ id: "BreakGlassBody" });

/**
 * The login page's buttons: every enabled provider with its organisation's name, before
 * anyone logs in. It tells which organisations use this Frid and what their login is called
 * — nothing of issuers, clients or accounts.
 */
export const PublicIdentityProviderList = z
  .object({
    providers: z.array(
      z.object({
        id: z.uuid(),
        displayName: z.string(),
        organisation: z.string(),
        protocol: IdentityProviderProtocol,
      }),
    ),
  })
  .meta({ id: "PublicIdentityProviderList" });
export type PublicIdentityProviderList = z.infer<typeof PublicIdentityProviderList>;
