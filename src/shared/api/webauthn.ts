import { z } from "zod";

/*
 * Security keys and passkeys (WebAuthn, issue 21 item 6; ADR 0029). The options go to the
 * browser's navigator.credentials as @simplewebauthn/browser expects them; the browser's
 * answer comes back as its JSON form (base64url strings).
 */

const base64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, "Svaret från nyckeln är inte giltigt (base64url).");

export const KeyTransport = z.enum([
  "ble",
  "cable",
  "hybrid",
  "internal",
  "nfc",
  "smart-card",
  "usb",
]);

const Descriptor = z.object({
  id: base64url(1400),
  type: z.literal("public-key"),
  transports: z.array(KeyTransport).max(7).optional(),
});

/** What the browser asks the key to create (navigator.credentials.create). */
export const KeyCreationOptions = z
  .looseObject({
    rp: z.object({ id: z.string().optional(), name: z.string() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    challenge: z.string(),
    pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal("public-key") })),
    timeout: z.number().optional(),
    excludeCredentials: z.array(Descriptor).optional(),
  })
  .meta({ id: "KeyCreationOptions" });

/** What the browser asks a key to sign (navigator.credentials.get). */
export const KeyRequestOptions = z
  .looseObject({
    challenge: z.string(),
    timeout: z.number().optional(),
    rpId: z.string().optional(),
    allowCredentials: z.array(Descriptor).optional(),
    userVerification: z.enum(["required", "preferred", "discouraged"]).optional(),
  })
  .meta({ id: "KeyRequestOptions" });

const responseCommon = {
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
};

/** The browser's answer to KeyCreationOptions. */
export const KeyRegistrationResponse = z
  .object({
    ...responseCommon,
    response: z.object({
      clientDataJSON: base64url(8_000),
      attestationObject: base64url(64_000),
      authenticatorData: base64url(64_000).optional(),
      transports: z.array(KeyTransport).max(7).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(8_000).optional(),
    }),
  })
  .meta({ id: "KeyRegistrationResponse" });

/** The browser's answer to KeyRequestOptions. */
export const KeyAuthenticationResponse = z
  .object({
    ...responseCommon,
    response: z.object({
      clientDataJSON: base64url(8_000),
      authenticatorData: base64url(8_000),
      signature: base64url(1_000),
      userHandle: base64url(200).optional(),
    }),
  })
  .meta({ id: "KeyAuthenticationResponse" });

const KeyName = z
  .string()
  .trim()
  .min(1, "Ge nyckeln ett namn, t.ex. ”Gul nyckel”.")
  .max(60, "Namnet får vara högst 60 tecken.");

/** Starting to register a key: the password again (ADR 0029, re-authentication). */
export const KeyRegistrationStartBody = z
  .object({ password: z.string().min(1, "Ange ditt lösenord.").max(256) })
  .strict()
  .meta({ id: "KeyRegistrationStartBody" });

export const KeyRegistrationBody = z
  .object({ name: KeyName, credential: KeyRegistrationResponse })
  .strict()
  .meta({ id: "KeyRegistrationBody" });

export const KeyRenameBody = z.object({ name: KeyName }).strict().meta({ id: "KeyRenameBody" });

export const KeyLoginBody = z
  .object({ credential: KeyAuthenticationResponse })
  .strict()
  .meta({ id: "KeyLoginBody" });

export const SecurityKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    /** multiDevice: a synced passkey; singleDevice: bound to one key or device. */
    deviceType: z.enum(["singleDevice", "multiDevice"]),
    backedUp: z.boolean(),
  })
  .meta({ id: "SecurityKey" });
export type SecurityKey = z.infer<typeof SecurityKey>;

export const SecurityKeyList = z
  .object({
    keys: z.array(SecurityKey),
    /** Whether the account has a one-time code app too: the last key may then go. */
    totpEnrolled: z.boolean(),
  })
  .meta({ id: "SecurityKeyList" });
export type SecurityKeyList = z.infer<typeof SecurityKeyList>;

/** Which second factors the session waiting for one may use. */
export const SecondFactorMethods = z
  .object({ totp: z.boolean(), keys: z.boolean() })
  .meta({ id: "SecondFactorMethods" });
export type SecondFactorMethods = z.infer<typeof SecondFactorMethods>;

export const KeyIdParams = z.object({ keyId: z.uuid({ error: "Nyckeln finns inte." }) }).strict();
