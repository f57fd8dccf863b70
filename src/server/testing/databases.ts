import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import {
  type DatabaseHandle,
  type DatabaseKind,
  openPglite,
  openPostgres,
} from "../db/connection.ts";
import { migrate } from "../db/migrate.ts";

/**
 * The databases API tests run on: PGlite always, PostgreSQL too when DATABASE_URL is set
 * (as CI does). Each call makes a fresh, empty database of its own, so test files and
 * workers never see each other's rows.
 */
export const testDatabaseKinds: DatabaseKind[] = process.env.DATABASE_URL
  ? ["pglite", "postgres"]
  : ["pglite"];

export interface TestDatabase extends DatabaseHandle {
  url?: string;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh empty database (not migrated). Closing it drops it. */
export async function createEmptyDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") return openPglite("memory://");
  const name = `frid_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = withDatabase(process.env.DATABASE_URL as string, name);
  const handle = await openPostgres(url);
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A fresh database with every migration applied. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = await createEmptyDatabase(kind);
  await migrate(database.owner);
  return database;
}

/**
 * One migrated database for a whole test file (creating a PGlite instance takes about a
 * second): tests in the file share it and make their own rows with factories.
 */
export function useTestDatabase(kind: DatabaseKind): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("useTestDatabase: the database is only there inside tests");
    return database;
  };
}
