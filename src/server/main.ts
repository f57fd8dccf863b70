import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import type { Logger } from "pino";
import { startSealer } from "./audit/sealer.ts";
import { type Config, loadConfig } from "./config.ts";
import { CryptoError } from "./crypto/envelope.ts";
import { keyServiceFor } from "./crypto/key-service.ts";
import {
  FolderKeyStore,
  keyStoreProblem,
  type RecordKeyStore,
  recordKeyStoreFor,
} from "./crypto/record-keys.ts";
import {
  appRole,
  type DatabaseHandle,
  openDatabase,
  reportIdleConnectionErrors,
} from "./db/connection.ts";
import { prepareDataDir } from "./db/data-dir.ts";
import { sealPlaintext } from "./db/key-rotation.ts";
import { migrate } from "./db/migrate.ts";
import { createFromTemplate } from "./db/pglite-template.ts";
import { probeReplica } from "./db/reporting-replica.ts";
import { markServerRunning } from "./db/running-server.ts";
import { seedDemo } from "./db/seed/demo.ts";
import { demoPassword, demoUsers } from "./db/seed/demo-data.ts";
import { startStatistics } from "./db/statistics.ts";
import { buildApp } from "./http/app.ts";
import { createLogger } from "./log.ts";
import { startChatPurge } from "./modules/chat/purge-job.ts";
import {
  finishShredding,
  missingDocumentKeys,
  sealLegacyDocuments,
} from "./modules/documents/content.ts";
import { startDigests } from "./modules/notifications/digest-job.ts";
import { smtpMailer } from "./modules/notifications/mailer.ts";
import { webBuildDir } from "./paths.ts";
import {
  explainDatabaseFailure,
  explainListenFailure,
  StartupError,
  startupFailureText,
} from "./startup-error.ts";

/**
 * Request work must run as frid_app, under row-level security. Refuse to start if the
 * application connection is anything else (e.g. the role could not be set).
 */
async function assertApplicationRole(database: DatabaseHandle) {
  const { rows } = await sql<{ user: string }>`select current_user as user`.execute(database.db);
  if (rows[0]?.user !== appRole) {
    throw new Error(
      `the application connection runs as ${rows[0]?.user}, not ${appRole}; refusing to start`,
    );
  }
}

/** How often an embedded database's planner statistics are gathered again (db/statistics.ts). */
const statisticsIntervalMs = 5 * 60_000;

/** Opens the configured database; a failure becomes the line that says what to do. */
async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  // A configured key folder that is not there stops the start before anything is made.
  // Then the data folder: its problem is the one to name (the default key folder sits
  // beside it, and would otherwise fail with a bare ENOTDIR).
  if (config.recordKeys.configured) await requireKeyStore(config.recordKeys.dir);
  if (config.database.kind === "pglite") {
    try {
      prepareDataDir(config.database.dataDir);
    } catch (error) {
      throw explainDatabaseFailure(error, config.database);
    }
  }
  const recordKeys = await openRecordKeys(config);
  try {
    if (config.database.kind === "pglite") await createFromTemplate(config.database.dataDir);
    return await openDatabase(config.database, keyServiceFor(config.encryption), recordKeys);
  } catch (error) {
    throw explainDatabaseFailure(error, config.database);
  }
}

/** The record-key store (ADR 0023); a configured folder that is not there stops the start. */
async function openRecordKeys(config: Config): Promise<RecordKeyStore> {
  const { dir, configured } = config.recordKeys;
  if (!configured) return recordKeyStoreFor(config.recordKeys);
  await requireKeyStore(dir);
  return new FolderKeyStore(dir);
}

async function requireKeyStore(dir: string): Promise<void> {
  const problem = await keyStoreProblem(dir);
  if (problem) {
    throw new StartupError(
      "FRID_KEY_STORE_DIR",
      `the record-key store FRID_KEY_STORE_DIR: ${problem}. Create it (readable only by Frid, outside the database and its backups), restore it from its own backup, or set FRID_KEY_STORE_DIR to the right folder`,
    );
  }
}

/**
 * Documents before Frid listens: an empty or wrong key folder stops the start (every living
 * document's key missing); documents from before 0078 are sealed; destructions whose key
 * was not yet destroyed (a crash right after their commit) are finished.
 */
async function prepareShredding(database: DatabaseHandle, logger: Logger) {
  const keys = await missingDocumentKeys(database);
  if (keys.of > 0 && keys.missing === keys.of) {
    throw new StartupError(
      "FRID_KEY_STORE_DIR",
      `the record-key store ${database.recordKeys.location} has none of the keys of the ${keys.of} documents in the database: set FRID_KEY_STORE_DIR to the folder that holds them, or restore it from its backup`,
    );
  }
  if (keys.missing > 0) {
    logger.warn(keys, "documents whose record key is gone cannot be read (destroyed keys)");
  }
  const sealed = await sealLegacyDocuments(database);
  const finished = await finishShredding(database);
  if (sealed + finished > 0) logger.info({ sealed, finished }, "record keys prepared");
  say(
    `Record keys: ${database.recordKeys.location}${sealed > 0 ? ` (documents from before sealed now: ${sealed})` : ""}`,
  );
}

/**
 * One plain line per start-up step for the person at the terminal. The JSON log (stdout,
 * LOG_LEVEL) keeps its own record of the same steps and every request, for machines.
 */
function say(line: string) {
  process.stdout.write(`${line}\n`);
}

function describeDatabase(config: Config): string {
  if (config.database.kind === "pglite") return `embedded (PGlite) in ${config.database.dataDir}`;
  return config.database.reporting
    ? "PostgreSQL (DATABASE_URL); reports from its replica (FRID_REPORTING_DATABASE_URL)"
    : "PostgreSQL (DATABASE_URL)";
}

/**
 * The reporting replica (ADR 0026) is asked once: a server that accepts writes is not a
 * replica of the primary and stops the start; one that does not answer only makes reports
 * wait (503) — casework never depends on it.
 */
async function checkReportingReplica(config: Config, logger: Logger): Promise<void> {
  if (config.database.kind !== "postgres" || !config.database.reporting) return;
  const found = await probeReplica(
    config.database.reporting.url,
    config.database.connectTimeoutSeconds,
  );
  if (found === "primary") {
    throw new StartupError(
      "FRID_REPORTING_DATABASE_URL",
      "FRID_REPORTING_DATABASE_URL leads to a server that accepts writes (pg_is_in_recovery() is false), not a streaming replica of DATABASE_URL's primary: point it at the hot standby, or unset it to read reports from the primary",
    );
  }
  if (found !== "replica") {
    logger.warn({ err: found.error }, "the reporting replica does not answer");
    say(
      "Reports: the replica (FRID_REPORTING_DATABASE_URL) does not answer yet; reports answer 503 until it does",
    );
  }
}

/** open db → migrate → (demo: seed) → check the application role */
async function prepareDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  const database = await openConfiguredDatabase(config);
  say(`Database: ${describeDatabase(config)}`);
  try {
    if (config.database.kind === "pglite") markServerRunning(config.database.dataDir);
    await checkReportingReplica(config, logger);
    const applied = await migrate(database.owner);
    if (applied.length > 0) logger.info({ applied }, "database migrated");
    say(`Migrations: ${applied.length > 0 ? `${applied.length} applied` : "up to date"}`);
    if (config.demo) {
      const seeded = await seedDemo(database.owner);
      if (seeded) logger.info("demo data seeded");
      say(`Demo data: ${seeded ? "seeded (fictional people only)" : "already in place"}`);
    }
    await assertApplicationRole(database);
    await openKeyring(database, config);
    const sealed = await sealPlaintext(database);
    if (sealed) {
      logger.info({ sealed }, "contact details stored in plaintext sealed");
      say(`Encryption: ${sealed} contact details stored in plaintext sealed now`);
    }
    await prepareShredding(database, logger);
    return database;
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * The data keys are unwrapped before Frid listens: a KEK that does not open them stops the
 * start with what to set, rather than failing the first read of an address.
 */
async function openKeyring(database: DatabaseHandle, config: Config) {
  try {
    await database.cipher.keyring();
  } catch (error) {
    if (!(error instanceof CryptoError)) throw error;
    throw new StartupError("FRID_KEK", error.message, { cause: error });
  }
  say(
    config.encryption
      ? `Encryption: contact details sealed under key-encryption key ${config.encryption.kek.id}`
      : "Encryption: development key (public, not secret) – set FRID_KEK before real data",
  );
}

/** Set once the configuration is read: where a failure's stack goes (the debug log). */
let logger: Logger | undefined;

/** read config → prepare the database → build app → start the sealer → listen */
async function main() {
  const config = loadConfig();
  logger = createLogger(config.logLevel);
  const log = logger;
  reportIdleConnectionErrors((err) =>
    log.warn({ err }, "an idle database connection broke; it will be replaced"),
  );
  const database = await prepareDatabase(config, log);
  const app = await buildApp({ config, database, logger: log, webRoot: webBuildDir });
  const stopSealer = startSealer(database.db, log, config.auditSealIntervalMs);
  // PGlite has no autovacuum: without statistics a history page reads the whole history.
  const stopStatistics = startStatistics(database, log, statisticsIntervalMs);
  // The daily e-mail digest, only when SMTP is configured (FRID_SMTP_URL).
  const stopDigests = config.mail
    ? startDigests(database, {
        mailer: smtpMailer(config.mail),
        publicUrl: config.mail.publicUrl,
        logger: log,
      })
    : async () => {};
  // The young people's chat: closed conversations are deleted when their unit's rule says.
  const stopChatPurge = startChatPurge(database, log);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await stopSealer();
    await stopStatistics();
    await stopDigests();
    await stopChatPurge();
    await database.close();
    throw explainListenFailure(error, config.host, config.port);
  }
  const { port } = app.server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/`;

  const lines = [`Frid ${config.version} is running at ${url}`];
  if (config.demo) {
    lines.push(
      `DEMO mode – fictional data only. Demo logins (password for all: ${demoPassword}):`,
      ...demoUsers.map((u) => `  ${u.username.padEnd(16)} ${u.displayName}`),
    );
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "shutting down");
    await app.close();
    await stopSealer(); // seals the events this run wrote, before the database closes
    await stopStatistics();
    await stopDigests();
    await stopChatPurge();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  logger?.debug({ err: error }, "start-up failed");
  process.stderr.write(`\n${startupFailureText(error)}\n\n`);
  process.exit(1);
});
