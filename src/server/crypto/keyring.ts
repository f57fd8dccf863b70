import { randomUUID } from "node:crypto";
import { CryptoError, keyIdOf, type OpenOptions, openWith, sealWith } from "./envelope.ts";
import { type KeyService, newDataKey } from "./key-service.ts";

/**
 * The organisations' data keys, unwrapped once and then held in memory: sealing and
 * opening are synchronous and make no round trip to the database or the key service, so a
 * read that opens a phone number costs one AES-GCM operation (issue 19's p99 budget).
 * Where the rows come from is a function passed in (the data_key table, read over the
 * owner connection), so this module stays free of the database and is tested on its own.
 */

export type DataKeyState = "active" | "decrypt_only" | "retired";

export interface DataKeyRow {
  id: string;
  orgId: string;
  wrapped: Buffer | Uint8Array;
  kekId: string;
  state: DataKeyState;
}

export type DataKeySource = () => Promise<readonly DataKeyRow[]>;

interface LoadedKey {
  orgId: string;
  dek: Buffer;
  state: DataKeyState;
}

/** `table.column`, as it is spelled in the database: part of every value's AAD. */
const fieldPattern = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
/** The row's key (a uuid, a hash, or a composite key joined with "/"). */
const rowPattern = /^[A-Za-z0-9_/-]{1,200}$/;

/**
 * Where a value lives: field, organisation and row. Binding the row (ADR 0022) means a
 * ciphertext copied onto another person's row — by someone who can write to the database
 * but holds no key — does not open, rather than showing her address as his.
 */
function additionalData(orgId: string, field: string, row: string): string {
  if (!fieldPattern.test(field)) {
    throw new CryptoError("malformed", `"${field}" is not a field name (table.column)`);
  }
  if (!rowPattern.test(row)) {
    throw new CryptoError("malformed", `the row key of a ${field} value is not a key`);
  }
  return `${field}:${orgId}:${row}`;
}

export class Keyring {
  /** key id → key; retired keys are not unwrapped (no row may use them any more). */
  #keys = new Map<string, LoadedKey>();
  #retired = new Set<string>();
  #active = new Map<string, string>();
  /** One refresh at a time for openFresh: many reads meeting a new key share one reload. */
  #refreshing: Promise<void> | null = null;

  private constructor(
    private readonly keyService: KeyService,
    private readonly source: DataKeySource,
  ) {}

  /** Reads every data key row and unwraps the usable ones. */
  static async load(keyService: KeyService, source: DataKeySource): Promise<Keyring> {
    const keyring = new Keyring(keyService, source);
    await keyring.refresh();
    return keyring;
  }

  /**
   * Reads the rows again (after a rotation made a new key or changed states). Keys already
   * in memory are not unwrapped again; the new set replaces the old one only when every row
   * loaded, so a failed refresh leaves the keyring as it was.
   */
  async refresh(): Promise<void> {
    const keys = new Map<string, LoadedKey>();
    const retired = new Set<string>();
    const active = new Map<string, string>();
    for (const row of await this.source()) {
      if (row.state === "retired") {
        retired.add(row.id);
        continue;
      }
      if (row.state === "active") {
        const other = active.get(row.orgId);
        if (other) {
          throw new CryptoError(
            "bad_key",
            `organisation ${row.orgId} has two active data keys (${other}, ${row.id})`,
          );
        }
        active.set(row.orgId, row.id);
      }
      const known = this.#keys.get(row.id);
      const dek =
        known?.orgId === row.orgId
          ? known.dek
          : await this.keyService.unwrap(Buffer.from(row.wrapped), row.kekId);
      keys.set(row.id, { orgId: row.orgId, dek, state: row.state });
    }
    this.#keys = keys;
    this.#retired = retired;
    this.#active = active;
  }

  /** Reads the rows again, sharing one read among callers that ask at the same time. */
  refreshShared(): Promise<void> {
    this.#refreshing ??= this.refresh().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** The id of the organisation's active data key, or null when it has none yet. */
  activeKeyId(orgId: string): string | null {
    return this.#active.get(orgId) ?? null;
  }

  /** Seals a value of `field` (`person.phone`) of `row` with the organisation's active data key. */
  seal(orgId: string, field: string, text: string | null, row: string): string | null {
    if (text === null) return null;
    const keyId = this.#active.get(orgId);
    const key = keyId === undefined ? undefined : this.#keys.get(keyId);
    if (keyId === undefined || !key) {
      throw new CryptoError("no_active_key", `organisation ${orgId} has no active data key`);
    }
    return sealWith(key.dek, keyId, text, additionalData(orgId, field, row));
  }

  /**
   * Opens a stored value of `field`, finding the key by the envelope's key id (the active
   * key or one kept for decryption during rotation). Legacy plaintext passes through unless
   * `options.legacy` is "refuse" (envelope.ts says why).
   */
  open(
    orgId: string,
    field: string,
    stored: string | null,
    row: string,
    options?: OpenOptions,
  ): string | null {
    if (stored === null) return null;
    const aad = additionalData(orgId, field, row);
    return openWith((keyId) => this.#lookup(orgId, keyId), stored, aad, options);
  }

  /**
   * As open, but a key id not in memory (a rotation in another process made it) reads the
   * rows once more before failing: reads go on without a restart while keys change.
   */
  async openFresh(
    orgId: string,
    field: string,
    stored: string | null,
    row: string,
    options?: OpenOptions,
  ): Promise<string | null> {
    const keyId = stored === null ? null : keyIdOf(stored);
    if (keyId !== null && !this.#keys.has(keyId) && !this.#retired.has(keyId)) {
      await this.refreshShared();
    }
    return this.open(orgId, field, stored, row, options);
  }

  #lookup(orgId: string, keyId: string): Buffer | undefined {
    if (this.#retired.has(keyId)) {
      throw new CryptoError(
        "unknown_key",
        `an encrypted value is under data key ${keyId}, which is retired`,
      );
    }
    const key = this.#keys.get(keyId);
    if (key && key.orgId !== orgId) {
      throw new CryptoError(
        "not_authentic",
        `an encrypted value of organisation ${orgId} names data key ${keyId} of another organisation`,
      );
    }
    return key?.dek;
  }
}

/**
 * A new data key for an organisation, wrapped under the service's current KEK: the row to
 * insert (as active for a first key, or to replace the active one in a rotation).
 */
export async function mintDataKey(
  keyService: KeyService,
  orgId: string,
  state: DataKeyState = "active",
): Promise<DataKeyRow> {
  const dek = newDataKey();
  try {
    const wrapped = await keyService.wrap(dek);
    return { id: randomUUID(), orgId, wrapped, kekId: keyService.kekId, state };
  } finally {
    dek.fill(0);
  }
}
