import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/*
 * The sealed text form of an encrypted value (issue 19 item 4; docs/adr/0021):
 *
 *   f1.<keyId>.<base64url(iv 12 bytes | ciphertext | tag 16 bytes)>
 *
 * AES-256-GCM from node:crypto. The key id is readable so that rotation can find the rows
 * still sealed under a key (`like 'f1.<keyId>.%'`) without decrypting anything. The IV is
 * random per seal: 96 random bits are safe for far more seals than one data key will ever
 * make (NIST SP 800-38D's limit is 2^32 per key), and two seals of the same text differ, so
 * equal phone numbers cannot be spotted in a dump. The additional data (AAD) names where the
 * value lives (`person.phone:<orgId>`), so a ciphertext copied to another column or another
 * organisation does not open; the envelope's own header is bound in as well.
 */

export const envelopeVersion = "f1";
const prefix = `${envelopeVersion}.`;
const ivBytes = 12;
const tagBytes = 16;
export const keyBytes = 32;

/** Key ids (data_key.id, a uuid; KEK ids from configuration) must not contain the "." separator. */
const keyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const bodyPattern = /^[A-Za-z0-9_-]+$/;

export type CryptoFailure =
  | "bad_key"
  | "malformed"
  | "unknown_key"
  | "not_authentic"
  | "no_active_key"
  | "plaintext_refused";

/**
 * A value that could not be sealed or opened. Never carries key material or plaintext;
 * the message says which key and what went wrong, so an operator can act on it.
 */
export class CryptoError extends Error {
  override name = "CryptoError";
  constructor(
    readonly reason: CryptoFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function isValidKeyId(keyId: string): boolean {
  return keyIdPattern.test(keyId);
}

function requireKey(key: Buffer, what: string): void {
  if (key.length !== keyBytes) {
    throw new CryptoError("bad_key", `${what} must be ${keyBytes} bytes, not ${key.length}`);
  }
}

/** AES-256-GCM: iv | ciphertext | tag, with a fresh random IV. */
export function gcmEncrypt(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  requireKey(key, "an AES-256-GCM key");
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: tagBytes });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]);
}

/**
 * Opens iv | ciphertext | tag; returns null when the tag does not verify (wrong key,
 * wrong AAD, a changed byte) so the caller can say which of its cases that is.
 */
export function gcmDecrypt(key: Buffer, box: Buffer, aad: Buffer): Buffer | null {
  requireKey(key, "an AES-256-GCM key");
  if (box.length < ivBytes + tagBytes) return null;
  const iv = box.subarray(0, ivBytes);
  const tag = box.subarray(box.length - tagBytes);
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: tagBytes });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(box.subarray(ivBytes, box.length - tagBytes)),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}

/** The bytes authenticated beside the ciphertext: the header and where the value lives. */
function additionalData(keyId: string, aad: string): Buffer {
  return Buffer.from(`${prefix}${keyId}|${aad}`, "utf8");
}

/**
 * Is this stored text an envelope (as opposed to legacy plaintext)? The prefix alone
 * decides: a damaged envelope must fail loudly, never pass as plaintext. Legacy text that
 * happened to begin with "f1." would therefore fail to open too — loudly, and the backfill
 * would report it; no phone number, e-mail or address begins so.
 */
export function isSealed(stored: string): boolean {
  return stored.startsWith(prefix);
}

/** The key id an envelope was sealed under; null for legacy plaintext. */
export function keyIdOf(stored: string): string | null {
  if (!isSealed(stored)) return null;
  const end = stored.indexOf(".", prefix.length);
  return end < 0 ? null : stored.slice(prefix.length, end);
}

/** The start every envelope sealed under `keyId` shares, for `like '<prefix>%'` in rotation. */
export function sealedPrefix(keyId: string): string {
  return `${prefix}${keyId}.`;
}

/** Seals `plaintext` under the data key `dek` (32 bytes) known as `keyId`. */
export function sealWith(dek: Buffer, keyId: string, plaintext: string, aad: string): string {
  if (!isValidKeyId(keyId)) {
    throw new CryptoError("bad_key", "a key id must be 1–64 letters, digits, - or _");
  }
  requireKey(dek, `data key ${keyId}`);
  const box = gcmEncrypt(dek, Buffer.from(plaintext, "utf8"), additionalData(keyId, aad));
  return `${sealedPrefix(keyId)}${box.toString("base64url")}`;
}

export interface OpenOptions {
  /**
   * "pass" (the default): text without the `f1.` prefix is legacy plaintext, returned as
   * is. Columns are encrypted by a backfill that runs while Frid serves requests, so for a
   * while a column holds both forms and every read must work on either. "refuse": once a
   * column is fully sealed, plaintext there can only be a mistake or a planted value.
   */
  legacy?: "pass" | "refuse";
}

function parse(stored: string): { keyId: string; box: Buffer } {
  const keyId = keyIdOf(stored);
  const body = keyId === null ? "" : stored.slice(sealedPrefix(keyId).length);
  if (keyId === null || !isValidKeyId(keyId) || !bodyPattern.test(body)) {
    throw new CryptoError(
      "malformed",
      "an encrypted value is damaged: it is not a valid f1 envelope",
    );
  }
  const box = Buffer.from(body, "base64url");
  if (box.length < ivBytes + tagBytes) {
    throw new CryptoError("malformed", `an encrypted value under key ${keyId} is too short`);
  }
  return { keyId, box };
}

/**
 * Opens an envelope with the data key `lookup` finds for its key id. A value under an
 * unknown key, a changed byte or the wrong AAD (copied from another column or organisation)
 * throws CryptoError: never a silently wrong value.
 */
export function openWith(
  lookup: (keyId: string) => Buffer | undefined,
  stored: string,
  aad: string,
  options: OpenOptions = {},
): string {
  if (!isSealed(stored)) {
    if (options.legacy === "refuse") {
      throw new CryptoError(
        "plaintext_refused",
        "a value that must be encrypted is stored as plaintext",
      );
    }
    return stored;
  }
  const { keyId, box } = parse(stored);
  const dek = lookup(keyId);
  if (!dek) {
    throw new CryptoError(
      "unknown_key",
      `an encrypted value is under data key ${keyId}, which is not loaded`,
    );
  }
  const plaintext = gcmDecrypt(dek, box, additionalData(keyId, aad));
  if (!plaintext) {
    throw new CryptoError(
      "not_authentic",
      `an encrypted value under data key ${keyId} does not open: it was changed, or it belongs to another field or organisation`,
    );
  }
  return plaintext.toString("utf8");
}
