import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { startSealer } from "./audit/sealer.ts";
import { ConfigError, loadConfig } from "./config.ts";
import {
  appRole,
  type DatabaseHandle,
  openDatabase,
  reportIdleConnectionErrors,
} from "./db/connection.ts";
import { MigrationError, migrate } from "./db/migrate.ts";
import { markServerRunning } from "./db/running-server.ts";
import { seedDemo } from "./db/seed/demo.ts";
import { demoPassword, demoUsers } from "./db/seed/demo-data.ts";
import { startStatistics } from "./db/statistics.ts";
import { buildApp } from "./http/app.ts";
import { createLogger } from "./log.ts";
import { webBuildDir } from "./paths.ts";

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

/** read config → open db → migrate → (demo: seed) → build app → listen */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  reportIdleConnectionErrors((err) =>
    logger.warn({ err }, "an idle database connection broke; it will be replaced"),
  );
  const database = await openDatabase(config.database);
  if (config.database.kind === "pglite") markServerRunning(config.database.dataDir);
  const applied = await migrate(database.owner);
  if (applied.length > 0) logger.info({ applied }, "database migrated");
  if (config.demo && (await seedDemo(database.owner))) logger.info("demo data seeded");
  await assertApplicationRole(database);

  const app = await buildApp({ config, database, logger, webRoot: webBuildDir });
  const stopSealer = startSealer(database.db, logger, config.auditSealIntervalMs);
  // PGlite has no autovacuum: without statistics a history page reads the whole history.
  const stopStatistics = startStatistics(database, logger, statisticsIntervalMs);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/`;

  const lines = [
    "",
    `Frid ${config.version} is running at ${url}`,
    `Database: ${database.kind === "pglite" ? `embedded (PGlite) in ${config.database.kind === "pglite" ? config.database.dataDir : ""}` : "PostgreSQL"}`,
  ];
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
    logger.info({ signal }, "shutting down");
    await app.close();
    await stopSealer();
    await stopStatistics();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(`\nFrid could not start: ${(error as Error).stack ?? String(error)}\n\n`);
  }
  process.exit(1);
});
