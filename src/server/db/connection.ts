import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { Database } from "./types.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
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

export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(inMemory ? undefined : dataDir, {
    parsers: { [OID_INT8]: parseInt8, [OID_DATE]: parseDate },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: "pglite", close: () => db.destroy() };
}

export async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: "frid",
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === OID_INT8) return parseInt8;
        if (oid === OID_DATE) return parseDate;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // Fail at start-up, with the server's own message, rather than on the first request.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", close: () => db.destroy() };
}

export function openDatabase(database: Config["database"]): Promise<DatabaseHandle> {
  return database.kind === "postgres" ? openPostgres(database.url) : openPglite(database.dataDir);
}
