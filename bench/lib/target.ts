import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import type { KeyService } from "../../src/server/crypto/key-service.ts";
import { type DatabaseHandle, openPglite, openPostgres } from "../../src/server/db/connection.ts";

/** Where a benchmark runs: a throwaway PostgreSQL database, or a PGlite data directory. */
export type BenchTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface CreatedTarget {
  target: BenchTarget;
  /** Drops the database or removes the directory; safe to call twice. */
  remove(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL when DATABASE_URL is set (a fresh database next to the one it names, so the
 * benchmark never touches existing data), else PGlite in a temporary directory.
 */
export async function createTarget(databaseUrl: string | undefined): Promise<CreatedTarget> {
  if (databaseUrl) {
    const name = `frid_bench_${randomBytes(4).toString("hex")}`;
    await admin(databaseUrl, `create database ${name}`);
    let removed = false;
    return {
      target: { kind: "postgres", url: withDatabase(databaseUrl, name) },
      async remove() {
        if (removed) return;
        removed = true;
        await admin(databaseUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), "frid-bench-"));
  return {
    target: { kind: "pglite", dataDir },
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether PostgreSQL runs on this machine, so its processes' CPU can be read. */
export function isLocalPostgres(target: BenchTarget): boolean {
  if (target.kind !== "postgres") return false;
  return ["", "localhost", "127.0.0.1", "[::1]"].includes(new URL(target.url).hostname);
}

/**
 * `keys`: the key service the data keys are wrapped with; the server's (server.ts
 * serverKeyService) when the benchmark seals values the server must open.
 */
export function openTarget(target: BenchTarget, keys?: KeyService): Promise<DatabaseHandle> {
  return target.kind === "postgres"
    ? openPostgres(target.url, 15, keys)
    : openPglite(target.dataDir, keys);
}

/**
 * "postgres 15.18" or "PGlite (embedded PostgreSQL 18.6, one session)", from the server
 * itself; durability settings are named when they are not the defaults, since every
 * audited read commits a write and its cost depends on them.
 */
export async function describeTarget(database: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ v: string; fsync: string; sync: string }>`
    select version() as v, current_setting('fsync') as fsync,
           current_setting('synchronous_commit') as sync`.execute(database.owner);
  const row = rows[0];
  const version = /PostgreSQL [\d.]+/.exec(row?.v ?? "")?.[0] ?? "PostgreSQL ?";
  if (database.kind === "pglite") return `PGlite (embedded ${version}, one session)`;
  const unsafe = [
    row?.fsync === "off" ? "fsync=off" : "",
    row?.sync !== "on" ? `synchronous_commit=${row?.sync}` : "",
  ].filter(Boolean);
  return `${version.replace("PostgreSQL", "postgres")}${unsafe.length > 0 ? ` (${unsafe.join(", ")}: commits cost less than in production)` : ""}`;
}
