import { type Kysely, sql } from "kysely";
import pg from "pg";
import type { Database } from "./types.ts";

/**
 * A PostgreSQL streaming replica that reports and statistics read from instead of the
 * primary (FRID_REPORTING_DATABASE_URL, ADR 0026). Its connections work as frid_report.
 */
export interface ReportingReplica {
  db: Kysely<Database>;
  /** Further behind than this, a report is refused rather than shown stale. */
  maxLagSeconds: number;
}

/**
 * The replica belongs to the primary's application Kysely, so every withReporting(database.db,
 * …) finds it without its callers knowing there is one.
 */
const replicas = new WeakMap<object, ReportingReplica>();

export function attachReplica(primary: Kysely<Database>, replica: ReportingReplica): void {
  replicas.set(primary, replica);
}

export const replicaOf = (db: object): ReportingReplica | undefined => replicas.get(db);

/** Where the primary's write-ahead log ends now: what a replica must have replayed to be current. */
export async function primaryPosition(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(db);
  const lsn = rows[0]?.lsn;
  if (!lsn) throw new Error("the primary did not say where its write-ahead log ends");
  return lsn;
}

export interface ReplicaState {
  /** Still a replica (in recovery); false once promoted: it no longer follows the primary. */
  recovering: boolean;
  /** Has replayed everything the primary had written at `position`. */
  caughtUp: boolean;
  /** Commit time of the last transaction it replayed; null when none since it started. */
  replayedAt: Date | null;
  /** The replica's clock when asked. */
  checkedAt: Date;
}

/** Asked inside the report's own transaction on the replica, as frid_report (all public functions). */
export async function replicaState(db: Kysely<Database>, position: string): Promise<ReplicaState> {
  const { rows } = await sql<{
    recovering: boolean;
    caught_up: boolean;
    replayed_at: Date | null;
    checked_at: Date;
  }>`select pg_is_in_recovery() as recovering,
            coalesce(pg_last_wal_replay_lsn() >= ${position}::pg_lsn, false) as caught_up,
            pg_last_xact_replay_timestamp() as replayed_at,
            clock_timestamp() as checked_at`.execute(db);
  const row = rows[0];
  if (!row) throw new Error("the replica did not say how far it has replayed");
  return {
    recovering: row.recovering,
    caughtUp: row.caught_up,
    replayedAt: row.replayed_at,
    checkedAt: row.checked_at,
  };
}

/**
 * How many seconds the replica's data may be behind the primary's, or null when that cannot
 * be known (promoted, or nothing replayed while behind). Caught up with the primary's position
 * at the report's start is 0 however long ago the last write was (an idle primary is no lag);
 * otherwise the time since the last transaction it replayed — an upper bound.
 */
export function replicaLag(state: ReplicaState): number | null {
  if (!state.recovering) return null;
  if (state.caughtUp) return 0;
  if (!state.replayedAt) return null;
  return Math.max(0, (state.checkedAt.getTime() - state.replayedAt.getTime()) / 1000);
}

/**
 * What a report read on the replica says of its data: the commit time of the last transaction
 * replayed (pg_last_xact_replay_timestamp()); a replica that has replayed none since it
 * started but holds all the primary had says the time it was found so.
 */
export const replicaDataAsOf = (state: ReplicaState): string =>
  (state.replayedAt ?? state.checkedAt).toISOString();

/**
 * Asked once at start-up (main.ts): is the reporting server a hot standby? "primary" when it
 * accepts writes (a misconfiguration: it would not follow DATABASE_URL), or why it did not
 * answer (then only reports wait for it).
 */
export async function probeReplica(
  url: string,
  timeoutSeconds: number,
): Promise<"replica" | "primary" | { error: Error }> {
  const client = new pg.Client({
    connectionString: url,
    application_name: "frid-reporting",
    connectionTimeoutMillis: timeoutSeconds * 1000,
  });
  try {
    await client.connect();
    const { rows } = await client.query<{ replica: boolean }>(
      "select pg_is_in_recovery() as replica",
    );
    return rows[0]?.replica ? "replica" : "primary";
  } catch (error) {
    return { error: error as Error };
  } finally {
    await client.end().catch(() => {});
  }
}
