import type { Kysely } from "kysely";
import type { OpenOptions } from "../crypto/envelope.ts";
import type { KeyService } from "../crypto/key-service.ts";
import type { Keyring } from "../crypto/keyring.ts";
import { insertActiveKey, loadKeyring } from "./data-keys.ts";
import type { Database } from "./types.ts";

/**
 * Sealing and opening of encrypted columns (issue 19 item 4, ADR 0021) for one database:
 * the organisations' data keys from that database's data_key table, unwrapped by the key
 * service. It lives on the DatabaseHandle so every writer — requests, the demo seed, test
 * factories, operator scripts — seals with the keys of the database it writes to.
 *
 * The keyring is loaded on first use, not when the handle opens: the data_key table exists
 * only once the migrations have run. An organisation created after the load (a test's
 * factory, an administrator's new organisation) gets its first key on its first seal.
 */
/**
 * How old the keyring may grow. Another process's `keys:rotate --new-data-key` makes a new
 * active key; every server reads the key rows again on a timer at half this age, so within
 * it every running server seals with the new key, and the rotation waits a little longer
 * than this before its last pass (db/key-rotation.ts). A timer, not a check on the seal
 * path: a seal may run inside a transaction, and on PGlite a read of the keys there would
 * wait for that transaction's own session.
 */
export const keyringMaxAgeMs = 30_000;

export interface FieldCipherOptions {
  /** How often the key rows are read again; half of keyringMaxAgeMs unless a test says. */
  refreshEveryMs?: number;
}

export class FieldCipher {
  #ring: Promise<Keyring> | null = null;
  #minting = new Map<string, Promise<void>>();
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(
    private readonly owner: Kysely<Database>,
    readonly keyService: KeyService,
    private readonly options: FieldCipherOptions = {},
  ) {}

  /** The loaded keyring; start-up awaits it so a wrong KEK stops Frid before it listens. */
  keyring(): Promise<Keyring> {
    this.#ring ??= loadKeyring(this.owner, this.keyService).then(
      (ring) => {
        this.#startRefreshing(ring);
        return ring;
      },
      (error: unknown) => {
        this.#ring = null;
        throw error;
      },
    );
    return this.#ring;
  }

  /** Stops the timer (the database handle's close calls it). */
  close(): void {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /**
   * Reads the key rows again on a timer. A failed read (the database away for a moment)
   * keeps the keys as they were and is tried again at the next tick; unref'd, so the timer
   * never keeps a process alive.
   */
  #startRefreshing(ring: Keyring): void {
    if (this.#timer || this.#closed) return;
    const every = this.options.refreshEveryMs ?? keyringMaxAgeMs / 2;
    this.#timer = setInterval(() => {
      ring.refreshShared().catch(() => {});
    }, every);
    this.#timer.unref();
  }

  /**
   * Seals `text` for `field` (`person.phone`) of the organisation's row `row` (its primary
   * key; db/sealed-columns.ts rowKeyOf); null stays null. Seal before opening a transaction:
   * an organisation's first seal mints its key over the owner connection, which on PGlite
   * waits for the open transaction (one session) and would never come.
   */
  async seal(
    orgId: string,
    field: string,
    text: string | null,
    row: string,
  ): Promise<string | null> {
    if (text === null) return null;
    const ring = await this.keyring();
    if (ring.activeKeyId(orgId) === null) await this.#mint(ring, orgId);
    return ring.seal(orgId, field, text, row);
  }

  /** Opens a stored value; a key made by another process since the load is read in first. */
  async open(
    orgId: string,
    field: string,
    stored: string | null,
    row: string,
    options?: OpenOptions,
  ): Promise<string | null> {
    if (stored === null) return null;
    return (await this.keyring()).openFresh(orgId, field, stored, row, options);
  }

  /**
   * Makes sure the organisation has its data key, outside any transaction: the auth hook
   * calls it for every signed-in request (an in-memory look-up once the key is there), and
   * the seed and scripts before they open theirs. On PGlite the owner connection shares
   * the application's one session, so a first key minted inside a request's transaction
   * would wait for that transaction forever.
   */
  async ready(orgId: string): Promise<void> {
    const ring = await this.keyring();
    if (ring.activeKeyId(orgId) === null) await this.#mint(ring, orgId);
  }

  /** After a rotation in this process: read the data keys again. */
  async refresh(): Promise<void> {
    await (await this.keyring()).refresh();
  }

  /**
   * The organisation's first data key. One mint per organisation at a time in this
   * process; across processes the partial unique index lets one insert win and the
   * refresh reads the winner.
   */
  #mint(ring: Keyring, orgId: string): Promise<void> {
    let pending = this.#minting.get(orgId);
    if (!pending) {
      pending = (async () => {
        await ring.refresh();
        if (ring.activeKeyId(orgId) !== null) return;
        await insertActiveKey(this.owner, this.keyService, orgId);
        await ring.refresh();
      })().finally(() => this.#minting.delete(orgId));
      this.#minting.set(orgId, pending);
    }
    return pending;
  }
}
