import { createHash, randomBytes } from "node:crypto";
import { CryptoError, gcmDecrypt, gcmEncrypt, isValidKeyId, keyBytes } from "./envelope.ts";

/**
 * Where the key-encryption key (KEK) lives. Data keys (one per organisation, keyring.ts)
 * are stored in the database only wrapped by the KEK, and the KEK never is: a stolen dump or
 * backup holds ciphertext and wrapped keys, nothing that opens them. Today the KEK comes from
 * configuration (ConfigKeyService); a key service (a KMS, an HSM, Vault transit) fits behind
 * the same three members without touching the rest, which is why wrap/unwrap are async.
 */
export interface KeyService {
  /** The KEK new data keys are wrapped under; stored beside each wrapped key. */
  readonly kekId: string;
  wrap(dek: Buffer): Promise<Buffer>;
  /** Unwraps a data key wrapped under `kekId` (the current KEK or one still kept for rotation). */
  unwrap(wrapped: Buffer, kekId: string): Promise<Buffer>;
}

export interface Kek {
  id: string;
  key: Buffer;
}

/** A new data key: 32 random bytes for AES-256-GCM. */
export function newDataKey(): Buffer {
  return randomBytes(keyBytes);
}

/** Format byte in front of a wrapped key, so another wrapping can be told apart later. */
const wrapFormat = 1;

/** The wrapped key is bound to the KEK id it names: a kek_id edited in the database fails. */
const wrapAad = (kekId: string) => Buffer.from(`frid.dek|${kekId}`, "utf8");

/**
 * The KEK from configuration (FRID_KEK, FRID_KEK_ID), and optionally the previous one
 * (FRID_KEK_PREVIOUS, FRID_KEK_PREVIOUS_ID) while `keys:rotate` re-wraps the data keys.
 *
 * Wrapping is AES-256-GCM of the data key under the KEK, not AES key wrap (RFC 3394,
 * `id-aes256-wrap`): GCM is the one primitive the envelope already uses, its 128-bit tag
 * is stronger than key wrap's 64-bit check, it binds the KEK id as additional data, and
 * node exposes key wrap only through OpenSSL cipher names whose availability depends on
 * the build. Key wrap's advantage — no IV to get wrong — matters little here: a random
 * 96-bit IV per wrap, with a handful of wraps per organisation per rotation.
 */
export class ConfigKeyService implements KeyService {
  readonly kekId: string;
  // Private fields: a logged or serialised service shows no key.
  readonly #keys = new Map<string, Buffer>();

  constructor(current: Kek, previous: Kek | null = null) {
    for (const kek of previous ? [current, previous] : [current]) {
      if (!isValidKeyId(kek.id)) {
        throw new CryptoError("bad_key", "a KEK id must be 1–64 letters, digits, - or _");
      }
      if (kek.key.length !== keyBytes) {
        throw new CryptoError("bad_key", `KEK ${kek.id} must be ${keyBytes} bytes`);
      }
      if (this.#keys.has(kek.id)) {
        throw new CryptoError("bad_key", `the previous KEK must have another id than ${kek.id}`);
      }
      this.#keys.set(kek.id, Buffer.from(kek.key));
    }
    this.kekId = current.id;
  }

  async wrap(dek: Buffer): Promise<Buffer> {
    if (dek.length !== keyBytes) {
      throw new CryptoError("bad_key", `a data key must be ${keyBytes} bytes`);
    }
    const kek = this.#keys.get(this.kekId) as Buffer;
    return Buffer.concat([Buffer.of(wrapFormat), gcmEncrypt(kek, dek, wrapAad(this.kekId))]);
  }

  async unwrap(wrapped: Buffer, kekId: string): Promise<Buffer> {
    const kek = this.#keys.get(kekId);
    if (!kek) {
      throw new CryptoError(
        "unknown_key",
        `a data key is wrapped under KEK ${kekId}, which is not configured (FRID_KEK_ID is ${this.kekId}; set the old key as FRID_KEK_PREVIOUS with FRID_KEK_PREVIOUS_ID=${kekId} until keys:rotate has re-wrapped it)`,
      );
    }
    const dek =
      wrapped[0] === wrapFormat ? gcmDecrypt(kek, wrapped.subarray(1), wrapAad(kekId)) : null;
    if (!dek || dek.length !== keyBytes) {
      throw new CryptoError(
        "not_authentic",
        `a data key does not unwrap under KEK ${kekId}: the configured key with that id is not the one it was wrapped with, or the wrapped key was changed`,
      );
    }
    return dek;
  }
}

/**
 * A data key re-wrapped under the service's current KEK (KEK rotation, `keys:rotate`):
 * the data key itself, and so every envelope sealed with it, stays as it is.
 */
export async function rewrapDataKey(
  service: KeyService,
  wrapped: Buffer,
  kekId: string,
): Promise<{ wrapped: Buffer; kekId: string }> {
  const dek = await service.unwrap(wrapped, kekId);
  try {
    return { wrapped: await service.wrap(dek), kekId: service.kekId };
  } finally {
    dek.fill(0);
  }
}

/**
 * The KEK outside production when FRID_KEK is not set: derived from a published phrase, so
 * it protects nothing and says so in its id. It lets the demo, the tests and a developer's
 * machine run the same sealing code as production with no key to manage; production refuses
 * to start without FRID_KEK (config.ts), so real data is never under this key.
 */
export const developmentKek: Kek = {
  id: "development-not-secret",
  key: createHash("sha256").update("Frid development KEK - public, never for real data").digest(),
};

export function developmentKeyService(): KeyService {
  return new ConfigKeyService(developmentKek);
}

/** The key service for the configured KEKs, or the development one when none is set. */
export function keyServiceFor(encryption: { kek: Kek; previous: Kek | null } | null): KeyService {
  return encryption
    ? new ConfigKeyService(encryption.kek, encryption.previous)
    : developmentKeyService();
}
