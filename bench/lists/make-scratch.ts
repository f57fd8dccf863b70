/**
 * Makes the scratch database the list measurements run on (bench/lists/README.md): a new
 * database on DATABASE_URL's server, migrated, filled by scratch.sql. Drop it when done:
 * `tsx bench/lists/make-scratch.ts --drop`; `--migrate` applies newer migrations to it.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { openPostgres } from "../../src/server/db/connection.ts";
import { migrate } from "../../src/server/db/migrate.ts";

const name = "frid_lists_scratch";
const base = process.env.DATABASE_URL;
if (!base) throw new Error("DATABASE_URL: the PostgreSQL server to make the scratch database on");
const url = new URL(base);
url.pathname = `/${name}`;

if (process.argv.includes("--migrate")) {
  // The scratch data stays; the code's newer migrations (its indexes) are applied to it.
  const handle = await openPostgres(url.toString());
  console.log(`${name}: applied ${(await migrate(handle.owner)).join(", ") || "nothing"}`);
  await handle.close();
  process.exit(0);
}
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`drop database if exists ${name} with (force)`);
if (process.argv.includes("--drop")) {
  await admin.end();
  process.exit(0);
}
await admin.query(`create database ${name}`);
await admin.end();
const handle = await openPostgres(url.toString());
await migrate(handle.owner);
await handle.close();
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
const started = Date.now();
await client.query(readFileSync(new URL("./scratch.sql", import.meta.url), "utf8"));
await client.end();
console.log(`${name}: made in ${Math.round((Date.now() - started) / 1000)} s`);
