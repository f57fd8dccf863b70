import { type Kysely, sql, type Transaction } from "kysely";
import { appRole, reportRole } from "../db/connection.ts";
import {
  primaryPosition,
  type ReportingReplica,
  replicaDataAsOf,
  replicaLag,
  replicaOf,
  replicaState,
} from "../db/reporting-replica.ts";
import { preludeLiteral, preludeMarker, sendsPreludes } from "../db/transaction-prelude.ts";
import type { Database } from "../db/types.ts";
import {
  noteDataAsOf,
  ReplicaUnavailableError,
  replicaBehindMessage,
  replicaConflictMessage,
  replicaDownMessage,
  replicaNotFollowingMessage,
} from "./data-as-of.ts";
import { withLanes } from "./reporting-lanes.ts";

export type Trx = Transaction<Database>;

/**
 * Runs `fn` in a transaction as the application role, with the actor set for row-level
 * security (frid_actor(), frid_org() in SQL). Everything a request does with personal
 * data, including its audit event, happens inside one of these: all or nothing.
 * The role is set here too, not only per connection, so no path can run as the owner.
 */
export async function withActor<T>(
  db: Kysely<Database>,
  actor: { userId: string | null; orgId: string | null },
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  let hooks: AfterCommit[] = [];
  const run = async (trx: Trx) => {
    const value = await fn(trx);
    hooks = afterCommitHooks.get(trx) ?? [];
    return value;
  };
  const value = await inTransaction(db, actor, run);
  for (const hook of hooks) await hook();
  return value;
}

function inTransaction<T>(
  db: Kysely<Database>,
  actor: { userId: string | null; orgId: string | null },
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  const statement = sendsPreludes(db) ? actorStatement(actor) : null;
  if (statement) {
    // PostgreSQL: the settings travel with BEGIN (db/transaction-prelude.ts).
    return db.connection().execute(async (connection) => {
      await connection.executeQuery(preludeMarker(statement));
      return connection.transaction().execute(fn);
    });
  }
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${appRole}, true),
                     set_config('frid.user_id', ${actor.userId ?? ""}, true),
                     set_config('frid.org_id', ${actor.orgId ?? ""}, true)`.execute(trx);
    return fn(trx);
  });
}

/** Work that must follow a commit and must not happen if the transaction rolls back. */
type AfterCommit = () => Promise<void>;
const afterCommitHooks = new WeakMap<Trx, AfterCommit[]>();

/**
 * Runs `hook` once withActor's transaction `trx` has committed, before withActor returns;
 * never after a rollback. For effects outside the database that cannot be undone — a record
 * key destroyed (documents/content.ts) — so a rolled-back destruction leaves the document
 * readable. The hook must not throw: the commit is done and its answer stands; what it
 * could not finish is found again by its own sweep.
 */
export function afterCommit(trx: Trx, hook: AfterCommit): void {
  const hooks = afterCommitHooks.get(trx);
  if (hooks) hooks.push(hook);
  else afterCommitHooks.set(trx, [hook]);
}

/** The same settings as one statement without parameters, when every value is plain. */
function actorStatement(actor: { userId: string | null; orgId: string | null }): string | null {
  const values = [appRole, actor.userId ?? "", actor.orgId ?? ""].map(preludeLiteral);
  if (values.some((v) => v === null)) return null;
  const [role, user, org] = values;
  return `select set_config('role', ${role}, true), set_config('frid.user_id', ${user}, true), set_config('frid.org_id', ${org}, true)`;
}

export { reportRole };

/**
 * Runs `fn` in a read-only transaction as the reporting role, with the actor set: its
 * policies let a unit manager count the cases of their own units and an analyst those of
 * their organisation, and its column grants hold no name or text. For figures only; the
 * audit event of a report is written with withActor (on the primary).
 *
 * With a reporting replica (FRID_REPORTING_DATABASE_URL, ADR 0026) the transaction runs on
 * the replica, and only when it is current enough; else 503 (ReplicaUnavailableError). The
 * answer says how fresh the figures are (data-as-of.ts).
 */
export async function withReporting<T>(
  db: Kysely<Database>,
  actor: { userId: string; orgId: string },
  fn: ReportingWork<T>,
  /** More transactions on the same snapshot, for a report read in parallel (reporting-lanes.ts). */
  lanes = 0,
): Promise<T> {
  const replica = replicaOf(db);
  if (!replica) {
    const value = await reportingTransaction(db, actor, fn, lanes);
    noteDataAsOf("primary");
    return value;
  }
  return onReplica(db, replica, actor, fn, lanes);
}

/** A report's reads: its transaction, and the lanes it asked for (none on PGlite, or when busy). */
export type ReportingWork<T> = (trx: Trx, lanes: Trx[]) => Promise<T>;

/**
 * The report on the replica, after its freshness is checked in the same transaction against
 * where the primary's log ended just before. A replica that cannot be reached is a refusal,
 * never a fall back to the primary: reports must not load the database casework runs on.
 */
async function onReplica<T>(
  primary: Kysely<Database>,
  replica: ReportingReplica,
  actor: { userId: string; orgId: string },
  fn: ReportingWork<T>,
  lanes: number,
): Promise<T> {
  const position = await primaryPosition(primary);
  let checked = false;
  try {
    const read: ReportingWork<{ value: T; asOf: string }> = async (trx, more) => {
      const state = await replicaState(trx, position);
      checked = true;
      refuseStale(replicaLag(state), replica.maxLagSeconds);
      return { value: await fn(trx, more), asOf: replicaDataAsOf(state) };
    };
    const { value, asOf } = await reportingTransaction(replica.db, actor, read, lanes);
    noteDataAsOf(asOf);
    return value;
  } catch (error) {
    if (error instanceof ReplicaUnavailableError) throw error;
    // Before the check answered, the failure is the replica's (down, refusing, timed out).
    if (!checked)
      throw new ReplicaUnavailableError(replicaDownMessage, "no answer", { cause: error });
    // A hot standby cancels a read whose rows its replay must remove: try again.
    if ((error as { code?: string }).code === "40001") {
      throw new ReplicaUnavailableError(replicaConflictMessage, "conflict with recovery", {
        cause: error,
      });
    }
    throw error;
  }
}

function refuseStale(lag: number | null, maxLagSeconds: number): void {
  if (lag === null) {
    throw new ReplicaUnavailableError(replicaNotFollowingMessage, "not following the primary");
  }
  if (lag > maxLagSeconds) {
    throw new ReplicaUnavailableError(
      replicaBehindMessage(maxLagSeconds),
      `${Math.round(lag)} s behind, more than the ${maxLagSeconds} s allowed`,
    );
  }
}

/**
 * A report reads one snapshot (repeatable read): its figures and totals all count the records
 * as they stood at one moment, though casework commits between its statements.
 */
const reportingMode = "set transaction isolation level repeatable read, read only";

function reportingTransaction<T>(
  db: Kysely<Database>,
  actor: { userId: string; orgId: string },
  fn: ReportingWork<T>,
  lanes: number,
): Promise<T> {
  const settings = reportingSettings(actor);
  if (sendsPreludes(db) && settings) {
    // PostgreSQL: read only and the settings travel with BEGIN (db/transaction-prelude.ts).
    const onSnapshot = (id: string) =>
      `${reportingMode}; set transaction snapshot ${id}; ${settings}`;
    return db.connection().execute(async (connection) => {
      await connection.executeQuery(preludeMarker(`${reportingMode}; ${settings}`));
      return connection
        .transaction()
        .execute((trx) => withLanes(db, trx, onSnapshot, lanes, (more) => fn(trx, more)));
    });
  }
  return db.transaction().execute(async (trx) => {
    // Said as a statement: the embedded database's dialect has no access mode of its own.
    await sql.raw(reportingMode).execute(trx);
    await sql`select set_config('role', ${reportRole}, true),
                     set_config('frid.user_id', ${actor.userId}, true),
                     set_config('frid.org_id', ${actor.orgId}, true)`.execute(trx);
    // One connection: the report reads in turn.
    return fn(trx, []);
  });
}

/** The reporting settings as one statement without parameters, when every value is plain. */
function reportingSettings(actor: { userId: string; orgId: string }): string | null {
  const values = [reportRole, actor.userId, actor.orgId].map(preludeLiteral);
  if (values.some((v) => v === null)) return null;
  const [role, user, org] = values;
  return `select set_config('role', ${role}, true), set_config('frid.user_id', ${user}, true), set_config('frid.org_id', ${org}, true)`;
}
