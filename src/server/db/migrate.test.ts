import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createEmptyDatabase, type TestDatabase, testDatabaseKinds } from "../testing/databases.ts";
import { checksumOf, MigrationError, migrate, migrationsDir, readMigrations } from "./migrate.ts";

describe("readMigrations", () => {
  it("reads the project's migrations in order, with checksums", () => {
    const files = readMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => f.version)).toEqual([...files.map((f) => f.version)].sort());
    expect(files[0]?.checksum).toBe(checksumOf(files[0]?.sql ?? ""));
  });

  it("ignores Windows line endings in the checksum", () => {
    expect(checksumOf("a\r\nb\r\n")).toBe(checksumOf("a\nb\n"));
  });
});

describe.each(testDatabaseKinds)("migrate (%s)", (kind) => {
  let database: TestDatabase | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function copyOfMigrations() {
    dir = mkdtempSync(join(tmpdir(), "frid-migrations-"));
    cpSync(migrationsDir, dir, { recursive: true });
    return dir;
  }

  it("applies every migration once, and nothing the second time", async () => {
    database = await createEmptyDatabase(kind);
    const first = await migrate(database.owner);
    expect(first).toEqual(readMigrations().map((f) => `${f.version}_${f.name}`));
    expect(await migrate(database.owner)).toEqual([]);
    const rows = await database.db
      .selectFrom("schema_migration")
      .select(["version", "checksum"])
      .execute();
    expect(rows).toHaveLength(first.length);
  });

  it("stops with a clear message when an applied migration was changed", async () => {
    database = await createEmptyDatabase(kind);
    const d = copyOfMigrations();
    await migrate(database.owner, d);
    writeFileSync(join(d, "0001_organisation.sql"), "-- edited\ncreate table x (id int);\n");
    await expect(migrate(database.owner, d)).rejects.toThrow(MigrationError);
    await expect(migrate(database.owner, d)).rejects.toThrow(
      /Migration 0001_organisation\.sql has changed since it was applied .* Applied migrations must never be edited/,
    );
  });

  it("applies a failing batch not at all: the transaction leaves the database as it was", async () => {
    database = await createEmptyDatabase(kind);
    const d = copyOfMigrations();
    await migrate(database.owner, d);
    writeFileSync(join(d, "9998_good.sql"), "create table good_one (id int);\n");
    writeFileSync(
      join(d, "9999_bad.sql"),
      "create table bad_one (id int);\nselect * from no_such_table;\n",
    );
    await expect(migrate(database.owner, d)).rejects.toThrow(/Migration 9999_bad\.sql failed/);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_name in ('good_one', 'bad_one')`.execute(
      database.owner,
    );
    expect(rows[0]?.n).toBe(0);
    const versions = await database.owner
      .selectFrom("schema_migration")
      .select("version")
      .execute();
    expect(versions.map((v) => v.version)).not.toContain("9998");
  });

  it("refuses a database that is newer than the code", async () => {
    database = await createEmptyDatabase(kind);
    const d = copyOfMigrations();
    writeFileSync(join(d, "9999_future.sql"), "select 1;\n");
    await migrate(database.owner, d);
    await expect(migrate(database.owner)).rejects.toThrow(/does not have that file/);
  });

  it("refuses a file that is not named NNNN_name.sql", async () => {
    const d = copyOfMigrations();
    writeFileSync(join(d, "2_oops.sql"), "select 1;\n");
    expect(() => readMigrations(d)).toThrow(/must be named NNNN_name\.sql/);
  });
});
