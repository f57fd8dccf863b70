import { randomUUID } from "node:crypto";
import { CompiledQuery } from "kysely";
import pg from "pg";
import type { Actor } from "../src/server/access/actor.ts";
import { appRole, openPglite } from "../src/server/db/connection.ts";
import { cpuMeter } from "./lib/cpu.ts";
import { type LoadOptions, runLoad } from "./lib/load.ts";
import {
  captureCaseRead,
  describeTemplate,
  replayCaseRead,
  type SqlRunner,
} from "./lib/request-sql.ts";
import type { BenchTarget } from "./lib/target.ts";

/**
 * The raw SQL baseline, in a process of its own like the server: the same statements an
 * audited case read sends, with the same pool, minus HTTP, Fastify, Zod and query building.
 * Configured by BENCH_RAW (JSON, from bench/access.ts); prints one BENCH_RESULT line.
 */
export interface RawConfig extends LoadOptions {
  target: BenchTarget;
  actor: Actor;
  unitId: string;
  rawSessionId: string;
  poolSize: number;
  /** Also read the local PostgreSQL's CPU over the measured window. */
  measurePostgres: boolean;
  verbose: boolean;
}

const config = JSON.parse(process.env.BENCH_RAW ?? "null") as RawConfig;
if (!config) throw new Error("BENCH_RAW is not set: run npm run bench:access");

type Rows = Record<string, unknown>[];

/** Like db/connection.ts pool(): same size, frid_app set on connect, same type parsers. */
function appPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: "frid-bench-raw",
    max,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === 20) return (v: string) => Number(v);
        if (oid === 1082) return (v: string) => v;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on("connect", (client) => void client.query(`set role ${appRole}`).catch(() => {}));
  return pool;
}

async function postgresRunner(url: string) {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const { rows } = await owner.query<{ id: string }>(`select id from "case"`);
  await owner.end();
  const pool = appPool(url, config.poolSize);
  const runner: SqlRunner = {
    // pool.connect() then query, as Kysely's driver does (pool.query() would queue behind
    // the connect handler's `set role` on a new client, a path pg deprecates).
    async query(sql, params) {
      const client = await pool.connect();
      try {
        return await client.query(sql, params);
      } finally {
        client.release();
      }
    },
    async onConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn((sql, params) => client.query(sql, params));
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return { caseIds: rows.map((r) => r.id), runner, close: () => pool.end() };
}

/** PGlite is one session: the project's dialect queues callers on it, as in the server. */
async function pgliteRunner(dataDir: string) {
  const database = await openPglite(dataDir);
  const ids = await database.owner.selectFrom("case").select("id").execute();
  const { db } = database;
  const raw = (sql: string, params: unknown[]) => CompiledQuery.raw(sql, params);
  const runner: SqlRunner = {
    query: async (sql, params) => db.executeQuery<Rows[number]>(raw(sql, params)),
    onConnection: (fn) =>
      db.connection().execute(async (conn) => {
        try {
          return await fn((sql, params) => conn.executeQuery<Rows[number]>(raw(sql, params)));
        } catch (error) {
          await conn.executeQuery(raw("rollback", [])).catch(() => {});
          throw error;
        }
      }),
  };
  return { caseIds: ids.map((r) => r.id), runner, close: () => database.close() };
}

// This process's and PostgreSQL's CPU over the measured window, as for the server.
const meter = cpuMeter(
  config.target.kind === "pglite" ? "raw SQL client with PGlite" : "raw SQL client",
  {},
  config.measurePostgres,
);

const { caseIds, runner, close } =
  config.target.kind === "postgres"
    ? await postgresRunner(config.target.url)
    : await pgliteRunner(config.target.dataDir);
try {
  const template = await captureCaseRead(config.actor, config.rawSessionId, config.unitId);
  if (config.verbose) process.stdout.write(`${describeTemplate(template)}\n`);
  // One read first, so a mistake shows as an error and not as a failure count.
  await replayCaseRead(template, runner, caseIds[0] as string, randomUUID());
  const summary = await runLoad(
    config,
    async () => {
      const caseId = caseIds[Math.floor(Math.random() * caseIds.length)] as string;
      // A fresh id per request, as the server's genReqId does.
      await replayCaseRead(template, runner, caseId, randomUUID());
      return null;
    },
    meter,
  );
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(summary)}\n`);
} finally {
  await close();
}
