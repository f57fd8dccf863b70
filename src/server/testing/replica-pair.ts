import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { projectRoot } from "../paths.ts";

const run = promisify(execFile);

/**
 * A PostgreSQL primary and its streaming replica for the reporting-replica test (ADR 0026).
 * CI starts one pair (.ci/run: DATABASE_URL is its primary, FRID_TEST_REPLICA_URL its
 * replica); anywhere else the test starts its own with the same script, so it never passes
 * without a replica: no PostgreSQL binaries is a failure that says so.
 */
export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  stop(): Promise<void>;
}

const script = join(projectRoot, "scripts", "replica-pair.sh");

export async function startReplicaPair(): Promise<ReplicaPair> {
  const replicaUrl = process.env.FRID_TEST_REPLICA_URL;
  const primaryUrl = process.env.DATABASE_URL;
  if (replicaUrl) {
    if (!primaryUrl)
      throw new Error("FRID_TEST_REPLICA_URL is set: set DATABASE_URL (its primary)");
    return { primaryUrl, replicaUrl, stop: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), "frid-replica-pair-"));
  let out: string;
  try {
    out = (await run("bash", [script, "start", dir])).stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? "").trim();
    throw new Error(
      `The reporting-replica test needs a PostgreSQL primary and replica and could not start them (scripts/replica-pair.sh): ${stderr || (error as Error).message}`,
    );
  }
  const value = (name: string) => {
    const line = out.split("\n").find((l) => l.startsWith(`${name}=`));
    if (!line) throw new Error(`scripts/replica-pair.sh printed no ${name}: ${out}`);
    return line.slice(name.length + 1);
  };
  return {
    primaryUrl: value("PRIMARY_URL"),
    replicaUrl: value("REPLICA_URL"),
    stop: async () => void (await run("bash", [script, "stop", dir])),
  };
}

export function inDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A superuser's connection (the pair's own user): to pause replay, to make databases. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** A fresh database on the primary, there on the replica once replayed. */
export async function createReplicatedDatabase(pair: ReplicaPair) {
  const name = `frid_replica_${process.pid}_${randomBytes(4).toString("hex")}`;
  const primary = await connect(pair.primaryUrl);
  const replica = await connect(pair.replicaUrl);
  try {
    await primary.query(`create database ${name}`);
    await waitForReplay(primary, replica);
  } finally {
    await replica.end();
    await primary.end();
  }
  return {
    name,
    primaryUrl: inDatabase(pair.primaryUrl, name),
    replicaUrl: inDatabase(pair.replicaUrl, name),
    async drop() {
      const c = await connect(pair.primaryUrl);
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}

/**
 * Until the replica has replayed all the primary has written so far: its replay position
 * reaches the primary's insert position, asked again until it does (no fixed sleep). The
 * deadline only turns a replica that stopped following into a failure that says so.
 */
export async function waitForReplay(
  primary: pg.Client,
  replica: pg.Client,
  deadlineMs = 30_000,
): Promise<void> {
  const { rows } = await primary.query<{ lsn: string }>(
    "select pg_current_wal_insert_lsn()::text as lsn",
  );
  const lsn = rows[0]?.lsn;
  const until = Date.now() + deadlineMs;
  for (;;) {
    const replayed = await replica.query<{ done: boolean; at: string | null }>(
      "select pg_last_wal_replay_lsn() >= $1::pg_lsn as done, pg_last_wal_replay_lsn()::text as at",
      [lsn],
    );
    if (replayed.rows[0]?.done) return;
    if (Date.now() > until) {
      throw new Error(`the replica replayed to ${replayed.rows[0]?.at}, not ${lsn}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
