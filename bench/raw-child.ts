import { randomUUID } from "node:crypto";
import { CompiledQuery } from "kysely";
import pg from "pg";
import type { Actor } from "../src/server/access/actor.ts";
import { hashSessionId } from "../src/server/auth/sessions.ts";
import { loadConfig } from "../src/server/config.ts";
import { appRole, openPglite } from "../src/server/db/connection.ts";
import { cpuMeter } from "./lib/cpu.ts";
import { type LoadOptions, runLoad } from "./lib/load.ts";
import { minimalCaseReadName, minimalCaseReadSql } from "./lib/minimal-sql.ts";
import {
  captureCaseRead,
  describeTemplate,
  replayCaseRead,
  type SqlRunner,
  sessionRolesKey,
} from "./lib/request-sql.ts";
import type { BenchTarget } from "./lib/target.ts";

/**
 * A SQL baseline, in a process of its own like the server. `replay`: the same statements an
 * audited case read sends, with the same pool, minus HTTP, Fastify, Zod and query building.
 * `minimal`: the hand-written one-statement read (lib/minimal-sql.ts) as the tables' owner.
 * Configured by BENCH_RAW (JSON, from bench/access.ts); prints one BENCH_RESULT line.
 */
export interface RawConfig extends LoadOptions {
  mode: "replay" | "minimal";
  target: BenchTarget;
  actor: Actor;
  rawSessionId: string;
  poolSize: number;
  /** Also read the local PostgreSQL's CPU over the measured window. */
  measurePostgres: boolean;
  verbose: boolean;
}

const config = JSON.parse(process.env.BENCH_RAW ?? "null") as RawConfig;
if (!config) throw new Error("BENCH_RAW is not set: run npm run bench:access");

type Rows = Record<string, unknown>[];

/** Like db/connection.ts pool(): same size, frid_app set on connect (replay), same type parsers. */
function appPool(url: string, max: number, asApp: boolean): pg.Pool {
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
  if (asApp) {
    pool.on("connect", (client) => void client.query(`set role ${appRole}`).catch(() => {}));
  }
  return pool;
}

async function postgresRunner(url: string) {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  const { rows } = await owner.query<{ id: string }>(`select id from "case"`);
  await owner.end();
  const pool = appPool(url, config.poolSize, config.mode === "replay");
  const runner: SqlRunner = {
    // pool.connect() then query, as Kysely's driver does (pool.query() would queue behind
    // the connect handler's `set role` on a new client, a path pg deprecates). The minimal
    // read is a named statement: parsed and planned once per connection.
    async query(sql, params) {
      const client = await pool.connect();
      try {
        if (sql === minimalCaseReadSql) {
          return await client.query({ name: minimalCaseReadName, text: sql, values: params });
        }
        return await client.query(sql, params);
      } finally {
        client.release();
      }
    },
    async onConnection(fn) {
      const client = await pool.connect();
      try {
        return await fn((sql, params, name) =>
          client.query(name ? { name, text: sql, values: params } : { text: sql, values: params }),
        );
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
  const db = config.mode === "replay" ? database.db : database.owner;
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
  const template = await captureCaseRead(config.actor, config.rawSessionId);
  const rolesKey = await sessionRolesKey(template, runner);
  if (config.verbose && config.mode === "replay") {
    process.stdout.write(`${describeTemplate(template)}\n`);
  }
  const idHash = hashSessionId(config.rawSessionId);
  const idleMinutes = loadConfig({}).session.idleMinutes;
  // A fresh request id per read, as the server's genReqId does.
  const readOnce = async (caseId: string) => {
    if (config.mode === "replay") {
      await replayCaseRead(template, runner, caseId, randomUUID(), rolesKey);
      return;
    }
    const params = [idHash, caseId, randomUUID(), "127.0.0.1", idleMinutes];
    const { rows } = await runner.query(minimalCaseReadSql, params);
    if (rows.length !== 1) throw new Error("the minimal read found no case");
  };
  // One read first, so a mistake shows as an error and not as a failure count.
  await readOnce(caseIds[0] as string);
  const summary = await runLoad(
    config,
    async () => {
      await readOnce(caseIds[Math.floor(Math.random() * caseIds.length)] as string);
      return null;
    },
    meter,
  );
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(summary)}\n`);
} finally {
  await close();
}
