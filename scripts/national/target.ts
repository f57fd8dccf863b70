import { existsSync, readdirSync, rmSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgliteExtensions } from "../../src/server/db/connection.ts";
import { PGliteDialect, PGliteSession } from "../../src/server/db/pglite-dialect.ts";
import { flushTree } from "../../src/server/db/pglite-durable.ts";
import type { Database } from "../../src/server/db/types.ts";

/**
 * Where the country goes: a PostgreSQL database (DATABASE_URL) or a PGlite folder. Both
 * take rows as COPY text (copy-text.ts): PostgreSQL through pg-copy-streams, PGlite through
 * `COPY … FROM '/dev/blob'`. Either must start empty: the generator never mixes its rows
 * into a database in use; `--replace` drops and recreates it.
 */
export interface Target {
  kind: "postgres" | "pglite";
  /** The tables' owner (row-level security does not apply): migrations, ANALYZE, reads. */
  owner: Kysely<Database>;
  /** How many COPYs may run at once (connections); lane is 0 … lanes - 1. */
  lanes: number;
  copy(table: string, columns: readonly string[], text: string, lane?: number): Promise<void>;
  /** Runs statements that do not depend on each other, over the lanes. */
  runEach(statements: string[]): Promise<void>;
  close(): Promise<void>;
}

export class TargetNotEmpty extends Error {
  override name = "TargetNotEmpty";
}

const OID_INT8 = 20;
const OID_DATE = 1082;
const copySql = (table: string, columns: readonly string[]) =>
  `copy "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) from stdin`;

async function onMaintenance<T>(url: URL, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Makes sure the named database exists and is empty (or, with replace, recreates it). */
async function preparePostgres(url: URL, replace: boolean): Promise<void> {
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || name === "postgres")
    throw new TargetNotEmpty(
      `DATABASE_URL must name a database of its own for the generated country (not "${name || "(none)"}"), e.g. postgres://…/national.`,
    );
  await onMaintenance(url, async (c) => {
    const exists = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount && replace) await c.query(`drop database "${name}" with (force)`);
    if (!exists.rowCount || replace) await c.query(`create database "${name}"`);
  });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from pg_class where relnamespace = 'public'::regnamespace",
    );
    if (Number(rows[0]?.n) > 0)
      throw new TargetNotEmpty(
        `The database "${name}" is not empty. The generator only fills an empty database: give --replace to drop and recreate it (everything in it is lost), or name another database in DATABASE_URL.`,
      );
  } finally {
    await client.end();
  }
}

/**
 * Three connections load batches of organisations side by side (each batch is complete in
 * itself, so their foreign keys never wait on each other): PostgreSQL checks keys and fills
 * indexes in its own processes, and on two cores one connection leaves it idle between
 * batches while Node draws the next one.
 */
export async function openPostgresTarget(
  urlText: string,
  replace: boolean,
  lanes = 3,
): Promise<Target> {
  const url = new URL(urlText);
  await preparePostgres(url, replace);
  const clients: pg.Client[] = [];
  for (let i = 0; i < lanes; i++) {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    // A bulk load: a crash means loading again, so commits need not wait for the disk.
    await client.query("set synchronous_commit = off");
    // Indexes built after the load (deferred.ts) sort in memory rather than on disk.
    await client.query("set maintenance_work_mem = '256MB'");
    clients.push(client);
  }
  const ownerPool = new pg.Pool({ connectionString: url.toString(), max: 1 });
  ownerPool.on("connect", (c) => {
    c.setTypeParser(OID_INT8, (v: string) => Number(v));
    c.setTypeParser(OID_DATE, (v: string) => v);
  });
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  return {
    kind: "postgres",
    owner,
    lanes,
    async copy(table, columns, text, lane = 0) {
      const stream = (clients[lane] as pg.Client).query(copyFrom(copySql(table, columns)));
      await pipeline(Readable.from([Buffer.from(text, "utf8")]), stream);
    },
    async runEach(statements) {
      const queue = [...statements];
      await Promise.all(
        clients.map(async (client) => {
          for (let next = queue.shift(); next; next = queue.shift()) await client.query(next);
        }),
      );
    },
    async close() {
      await owner.destroy();
      for (const client of clients) await client.end();
    },
  };
}

export async function openPgliteTarget(dir: string, replace: boolean): Promise<Target> {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!replace)
      throw new TargetNotEmpty(
        `The folder ${dir} is not empty. The generator only fills an empty folder: give --replace to delete it and start again (everything in it is lost), or name another folder.`,
      );
    rmSync(dir, { recursive: true, force: true });
  }
  // The extensions the migrations create (pg_trgm, unaccent, btree_gin: 0035), as the server opens them.
  const pglite = await PGlite.create(dir, {
    parsers: { [OID_INT8]: (v: string) => Number(v), [OID_DATE]: (v: string) => v },
    extensions: pgliteExtensions,
  });
  const owner = new Kysely<Database>({
    dialect: new PGliteDialect(new PGliteSession(pglite), null),
  });
  return {
    kind: "pglite",
    owner,
    lanes: 1,
    async copy(table, columns, text) {
      const blob = new Blob([text]);
      await pglite.query(
        `${copySql(table, columns).replace("from stdin", "from '/dev/blob'")}`,
        [],
        {
          blob,
        },
      );
    },
    async runEach(statements) {
      for (const statement of statements) await pglite.exec(statement);
    },
    async close() {
      await owner.destroy();
      if (!pglite.closed) await pglite.close();
      // Loaded without a flush per commit (a bulk load); on the disk before we say done.
      await flushTree(dir);
    },
  };
}

export async function analyze(target: Target): Promise<void> {
  await sql`analyze`.execute(target.owner);
}
