import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { projectRoot } from "../paths.ts";
import type { Database } from "./types.ts";

/** From the project root, so the bundled server (dist/server/) reads the same files. */
export const migrationsDir = join(projectRoot, "src", "server", "db", "migrations");

const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** sha256 of the text with line endings folded, so a Windows checkout is not "changed". */
export function checksumOf(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex");
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  const seen = new Set<string>();
  return files.map((file) => {
    const match = fileName.exec(file);
    if (!match) {
      throw new MigrationError(
        `Migration file "${file}" must be named NNNN_name.sql (e.g. 0002_cases.sql)`,
      );
    }
    const [, version, name] = match as unknown as [string, string, string];
    if (seen.has(version)) throw new MigrationError(`Two migration files have number ${version}`);
    seen.add(version);
    const text = readFileSync(`${dir}/${file}`, "utf8");
    return { version, name, sql: text, checksum: checksumOf(text) };
  });
}

/**
 * Applies the migrations not yet applied, in order, in one transaction: either the database
 * reaches the new version or it stays as it was. A lock keeps two app processes starting at
 * once from both migrating. A migration that was applied and has since been edited stops
 * start-up: the database no longer matches what the code says it is.
 */
export async function migrate(db: Kysely<Database>, dir = migrationsDir): Promise<string[]> {
  const files = readMigrations(dir);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('frid.migrate'))`.execute(trx);
    await sql`
      create table if not exists schema_migration (
        version    text primary key,
        name       text not null,
        checksum   text not null,
        applied_at timestamptz not null default now()
      )`.execute(trx);
    const applied = await trx
      .selectFrom("schema_migration")
      .selectAll()
      .orderBy("version")
      .execute();
    const byVersion = new Map(files.map((f) => [f.version, f]));

    for (const row of applied) {
      const file = byVersion.get(row.version);
      if (!file) {
        throw new MigrationError(
          `The database has migration ${row.version}_${row.name} applied, but this version of Frid does not have that file. Is an older version of Frid running against a newer database?`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${row.version}_${row.name}.sql has changed since it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${file.checksum.slice(0, 12)}… in the file). Applied migrations must never be edited: restore the file and put the change in a new migration.`,
        );
      }
    }

    const done = new Set(applied.map((r) => r.version));
    const newlyApplied: string[] = [];
    for (const file of files) {
      if (done.has(file.version)) continue;
      try {
        await sql.raw(file.sql).execute(trx);
      } catch (error) {
        throw new MigrationError(
          `Migration ${file.version}_${file.name}.sql failed: ${(error as Error).message}`,
        );
      }
      await trx
        .insertInto("schema_migration")
        .values({ version: file.version, name: file.name, checksum: file.checksum })
        .execute();
      newlyApplied.push(`${file.version}_${file.name}`);
    }
    return newlyApplied;
  });
}
