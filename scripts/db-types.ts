/**
 * npm run db:types — rewrites src/server/db/schema.generated.ts from a freshly migrated
 * database: PGlite in memory by default; with DATABASE_URL, a scratch database made on that
 * server and dropped afterwards (the database the URL names is never migrated or changed).
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { type DatabaseHandle, openPglite, openPostgres } from "../src/server/db/connection.ts";
import { migrate } from "../src/server/db/migrate.ts";
import {
  generatedFile,
  generatedPath,
  generateSchemaTypes,
} from "../src/server/db/schema-types.ts";

async function onServer<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "frid-db-types" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database and how to get rid of it. */
async function scratchDatabase(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { handle: await openPglite("memory://"), drop: async () => {} };
  const name = `frid_types_${randomBytes(4).toString("hex")}`;
  await onServer(url, (c) => c.query(`create database ${name}`));
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  return {
    handle: await openPostgres(scratchUrl.toString()),
    drop: async () => {
      await onServer(url, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

const { handle, drop } = await scratchDatabase();
try {
  const applied = await migrate(handle.owner);
  writeFileSync(generatedFile, await generateSchemaTypes(handle.owner));
  console.log(`${generatedPath}: written from ${applied.length} migrations (${handle.kind})`);
} finally {
  await handle.close();
  await drop();
}
