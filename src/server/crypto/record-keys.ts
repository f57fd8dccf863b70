import { randomBytes, randomUUID } from "node:crypto";
import { constants, mkdtempSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CryptoError, gcmDecrypt, gcmEncrypt, keyBytes, openWith, sealWith } from "./envelope.ts";

/**
 * Record keys for crypto-shredding (issue 19 item 5, docs/adr/0023): a record that must one
 * day be destroyed for good (a scanned consent form, later a journal narrative) is sealed
 * under a key of its own, and destroying the record destroys its key. Old row versions, the
 * WAL and database backups then hold ciphertext nothing can open.
 *
 * That holds only if the key itself is not in the database — a key row would survive in the
 * same old versions, WAL and backups — so record keys live in a store of their own: today a
 * folder (FolderKeyStore, FRID_KEY_STORE_DIR). A key service (KMS, Vault) fits behind the
 * same three members.
 */
export interface RecordKeyStore {
  /** Where the keys are, for messages (never a key). */
  readonly location: string;
  /** A new random key, durably stored before its id is returned. */
  create(): Promise<string>;
  /** The key, or null when it was destroyed (or never existed here). */
  key(id: string): Promise<Buffer | null>;
  /** Destroys the key for good; destroying a key that is already gone is no error. */
  destroy(id: string): Promise<void>;
  /** A temporary store removes itself when its database closes. */
  close?(): Promise<void>;
}

const keyIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function requireKeyId(id: string): void {
  // The id becomes a file name: only a uuid, so no path can be smuggled in.
  if (!keyIdPattern.test(id)) throw new CryptoError("malformed", "a record key id is a uuid");
}

/** fsync of a folder, so a created or removed name survives a crash. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * One file per key (`<uuid>.key`, 32 bytes, mode 0600) in one folder. A key is written to a
 * temporary name, flushed, renamed and the folder flushed: once create() returns, the key
 * survives a crash. Destroying overwrites the file with random bytes, flushes, unlinks and
 * flushes the folder. On a journalling or copy-on-write file system or an SSD the old blocks
 * may linger on the device until reused; the folder belongs on an encrypted volume (ADR 0023).
 */
export class FolderKeyStore implements RecordKeyStore {
  constructor(readonly location: string) {}

  #file(id: string): string {
    requireKeyId(id);
    return join(this.location, `${id}.key`);
  }

  async create(): Promise<string> {
    const id = randomUUID();
    const file = this.#file(id);
    const temporary = `${file}.new`;
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(randomBytes(keyBytes));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    await syncFolder(this.location);
    return id;
  }

  async key(id: string): Promise<Buffer | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.#file(id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    if (bytes.length !== keyBytes) {
      throw new CryptoError("bad_key", `record key ${id} in ${this.location} is damaged`);
    }
    return bytes;
  }

  async destroy(id: string): Promise<void> {
    const file = this.#file(id);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(file, "r+");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    try {
      await handle.write(randomBytes(keyBytes), 0, keyBytes, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await unlink(file);
    await syncFolder(this.location);
  }
}

/** Why a configured key store cannot be used, or null when it can. */
export async function keyStoreProblem(dir: string): Promise<string | null> {
  try {
    if (!(await stat(dir)).isDirectory()) return `${dir} is not a folder`;
  } catch {
    return `${dir} does not exist`;
  }
  try {
    const probe = join(dir, `.probe-${randomUUID()}`);
    await (await open(probe, "wx", 0o600)).close();
    await unlink(probe);
  } catch {
    return `${dir} is not writable by Frid`;
  }
  return null;
}

/**
 * The configured store (FRID_KEY_STORE_DIR, which start-up checks with keyStoreProblem), or
 * outside production, when none is configured, the default folder, made if missing.
 */
export async function recordKeyStoreFor(setting: {
  dir: string;
  configured: boolean;
}): Promise<FolderKeyStore> {
  if (!setting.configured) await mkdir(setting.dir, { recursive: true, mode: 0o700 });
  return new FolderKeyStore(setting.dir);
}

/**
 * A store in a fresh temporary folder, made at the first key and removed on close: for
 * tests and scratch databases, whose documents need not outlive the process.
 */
export function temporaryKeyStore(): RecordKeyStore {
  let folder: FolderKeyStore | null = null;
  const made = () => {
    folder ??= new FolderKeyStore(mkdtempSync(join(tmpdir(), "frid-record-keys-")));
    return folder;
  };
  return {
    get location() {
      return folder?.location ?? "(a temporary folder, made at the first key)";
    },
    create: () => made().create(),
    key: async (id) => (folder ? folder.key(id) : null),
    destroy: async (id) => folder?.destroy(id),
    close: async () => {
      if (folder) await rm(folder.location, { recursive: true, force: true });
      folder = null;
    },
  };
}

/** The bytes authenticated beside a record: which key, and which record of which table. */
const recordAad = (keyId: string, where: string) => Buffer.from(`frid.record|${keyId}|${where}`);

/** Seals a record's bytes (a document's file) under its record key. */
export function sealRecordBytes(key: Buffer, keyId: string, bytes: Uint8Array, where: string) {
  return gcmEncrypt(key, Buffer.from(bytes), recordAad(keyId, where));
}

/** Opens a record's bytes; a changed byte or a record moved to another row throws. */
export function openRecordBytes(key: Buffer, keyId: string, box: Uint8Array, where: string) {
  const bytes = gcmDecrypt(key, Buffer.from(box), recordAad(keyId, where));
  if (!bytes) {
    throw new CryptoError(
      "not_authentic",
      `a record sealed under record key ${keyId} does not open`,
    );
  }
  return bytes;
}

/**
 * A record's text (the seam for journal narratives and other text columns): the f1
 * envelope of envelope.ts, with the record key's id as its key id.
 */
export function sealRecordText(key: Buffer, keyId: string, text: string, where: string): string {
  return sealWith(key, keyId, text, `record:${where}`);
}

export function openRecordText(key: Buffer, keyId: string, stored: string, where: string): string {
  return openWith((id) => (id === keyId ? key : undefined), stored, `record:${where}`, {
    legacy: "refuse",
  });
}
