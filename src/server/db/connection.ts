import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config, ReportingSetting } from "../config.ts";
import { developmentKeyService, type KeyService } from "../crypto/key-service.ts";
import { type RecordKeyStore, temporaryKeyStore } from "../crypto/record-keys.ts";
import { FieldCipher } from "./field-cipher.ts";
import { PGliteDialect, PGliteSession } from "./pglite-dialect.ts";
import { assertFlushing, durablePgliteOptions, flushTree } from "./pglite-durable.ts";
import { attachReplica } from "./reporting-replica.ts";
import { acceptsPreludes, PreludePostgresDialect } from "./transaction-prelude.ts";
import type { Database } from "./types.ts";

export type DatabaseKind = "pglite" | "postgres";

/** The role all application work runs as: no BYPASSRLS, owns nothing (migration 0002). */
export const appRole = "frid_app";

/** The role statistics read as (migration 0033): select only, its own row-level security. */
export const reportRole = "frid_report";

export interface DatabaseHandle {
  kind: DatabaseKind;
  /** For requests: runs as frid_app, under row-level security. */
  db: Kysely<Database>;
  /** For migrations, the demo seed and operator scripts: the tables' owner. */
  owner: Kysely<Database>;
  /** Seals and opens the encrypted columns with this database's data keys (field-cipher.ts). */
  cipher: FieldCipher;
  /**
   * The record keys that documents are sealed under, kept outside the database so that
   * destroying one shreds its document everywhere (crypto/record-keys.ts, ADR 0023).
   */
  recordKeys: RecordKeyStore;
  close(): Promise<void>;
}

const OID_INT8 = 20;
const OID_DATE = 1082;

/**
 * Both drivers read values the same way: a `date` stays the ISO text it is (a Date object
 * would be local midnight and shift across time zones), and bigint counts become numbers
 * (audit ids and counts stay far below 2^53).
 */
const parseInt8 = (value: string) => Number(value);
const parseDate = (value: string) => value;

/**
 * PostgreSQL's buffer cache inside PGlite's WebAssembly memory, which never shrinks: the
 * default 128 MB is the largest part of the server's RSS, and Frid's working set (a few
 * thousand cases) fits in far less; the operating system's page cache still holds the files.
 * wal_buffers follows shared_buffers (1/32). Measured with `npm run bench:delivery`.
 * jit=off as on PostgreSQL (ADR 0009): PGlite has no JIT compiler, so this only makes the
 * setting say what happens and keeps the two databases alike.
 */
export const pgliteMemoryParams = ["-c", "shared_buffers=16MB", "-c", "jit=off"];

/**
 * The contrib extensions the migrations create (0035: person search by trigram index, case
 * and accents folded). PGlite carries their files only when they are named at opening, in
 * every process that opens a database (the server, the tests, the benchmarks); the empty
 * template needs none, its copy gets them when the migrations run.
 */
export const pgliteExtensions = { pg_trgm, unaccent, btree_gin };

/**
 * Without a record-key store (tests, benchmarks, scratch databases) the documents' keys go
 * in a temporary folder that is removed when the database is closed; the server passes the
 * configured one (main.ts).
 */
export async function openPglite(
  dataDir: string,
  keys: KeyService = developmentKeyService(),
  recordKeys: RecordKeyStore = temporaryKeyStore(),
): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // On disk, a commit is answered only once it is flushed (pglite-durable.ts).
  const durable = inMemory ? {} : durablePgliteOptions(dataDir);
  const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
    parsers: { [OID_INT8]: parseInt8, [OID_DATE]: parseDate },
    extensions: pgliteExtensions,
    ...durable,
    startParams: [...(durable.startParams ?? PGlite.defaultStartParams), ...pgliteMemoryParams],
  });
  if (!inMemory) {
    try {
      await assertFlushing(pglite);
      await flushTree(dataDir);
    } catch (error) {
      await pglite.close();
      throw error;
    }
  }
  const session = new PGliteSession(pglite);
  const owner = new Kysely<Database>({ dialect: new PGliteDialect(session, null) });
  const cipher = new FieldCipher(owner, keys);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(session, appRole) });
  return {
    kind: "pglite",
    db,
    owner,
    cipher,
    recordKeys,
    async close() {
      cipher.close();
      await db.destroy();
      await owner.destroy();
      if (!pglite.closed) await pglite.close();
      await recordKeys.close?.();
    },
  };
}

let onIdleError: (err: Error) => void = () => {};

/** Where broken idle database connections are reported (main.ts: the log). */
export function reportIdleConnectionErrors(handler: (err: Error) => void): void {
  onIdleError = handler;
}

function pool(url: string, max: number, role: string | null, connectTimeoutSeconds = 0): pg.Pool {
  const p = new pg.Pool({
    connectionString: url,
    application_name: role === reportRole ? "frid-reporting" : role ? "frid" : "frid-owner",
    max,
    // 0: wait as long as it takes (the primary, checked at start); the replica's own limit.
    connectionTimeoutMillis: connectTimeoutSeconds * 1000,
    // No JIT: Frid's statements run in milliseconds, and compiling one took 1.2–1.4 s at a
    // million cases (measured, ADR 0009); the planner's estimate of a list with the access
    // rule easily passes jit_above_cost while the work itself is an index probe or two.
    options: "-c jit=off",
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === OID_INT8) return parseInt8;
        if (oid === OID_DATE) return parseDate;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // node-postgres runs a client's queries in order, so this is the first thing every new
  // connection does: from then on it works as frid_app, under row-level security.
  if (role) p.on("connect", (client) => void client.query(`set role ${role}`).catch(() => {}));
  // An idle connection that breaks (the server restarts, an administrator ends it) is
  // reported here; without a listener Node would end the whole process. The pool drops
  // the connection and opens a new one for the next query; a query in flight gets its own
  // error and its request fails as usual.
  p.on("error", (err) => onIdleError(err));
  return p;
}

/** The server accepted the connection but did not answer in time (a hung or foreign server). */
export class ConnectTimeoutError extends Error {
  override name = "ConnectTimeoutError";
  constructor(
    readonly timeoutSeconds: number,
    options?: ErrorOptions,
  ) {
    super(`the database server did not answer within ${timeoutSeconds} s`, options);
  }
}

/**
 * Fail at start-up, with the server's own refusal, rather than on the first request — and
 * within a time limit: a server that accepts and never answers would otherwise hang forever.
 */
async function checkConnection(url: string, timeoutSeconds: number): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    application_name: "frid-owner",
    connectionTimeoutMillis: timeoutSeconds * 1000,
  });
  try {
    await client.connect();
  } catch (error) {
    // node-postgres says only this when its connection timeout ends the attempt.
    if ((error as Error).message === "timeout expired") {
      throw new ConnectTimeoutError(timeoutSeconds, { cause: error });
    }
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The primary, and with `reporting` its streaming replica that withReporting reads from
 * (ADR 0026). The replica is not checked here: it may be down while Frid starts, and then
 * only reports wait for it (503), never casework.
 */
export async function openPostgres(
  url: string,
  connectTimeoutSeconds = 15,
  keys: KeyService = developmentKeyService(),
  recordKeys: RecordKeyStore = temporaryKeyStore(),
  reporting: ReportingSetting | null = null,
): Promise<DatabaseHandle> {
  await checkConnection(url, connectTimeoutSeconds);
  const ownerPool = pool(url, 2, null);
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  const cipher = new FieldCipher(owner, keys);
  // The application's transactions send their actor settings with BEGIN (one round trip).
  const db = acceptsPreludes(
    new Kysely<Database>({ dialect: new PreludePostgresDialect({ pool: pool(url, 10, appRole) }) }),
  );
  // Its connections work as frid_report from the start, and wait no longer than the primary's.
  const replica = reporting
    ? acceptsPreludes(
        new Kysely<Database>({
          dialect: new PreludePostgresDialect({
            pool: pool(reporting.url, 10, reportRole, connectTimeoutSeconds),
          }),
        }),
      )
    : null;
  if (replica && reporting)
    attachReplica(db, { db: replica, maxLagSeconds: reporting.maxLagSeconds });
  return {
    kind: "postgres",
    db,
    owner,
    cipher,
    recordKeys,
    async close() {
      cipher.close();
      await db.destroy();
      await replica?.destroy();
      await owner.destroy();
      await recordKeys.close?.();
    },
  };
}

export function openDatabase(
  database: Config["database"],
  keys: KeyService,
  recordKeys: RecordKeyStore,
): Promise<DatabaseHandle> {
  return database.kind === "postgres"
    ? openPostgres(
        database.url,
        database.connectTimeoutSeconds,
        keys,
        recordKeys,
        database.reporting,
      )
    : openPglite(database.dataDir, keys, recordKeys);
}
