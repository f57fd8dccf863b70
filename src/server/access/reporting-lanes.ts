import { type Kysely, sql, type Transaction } from "kysely";
import { preludeLiteral, preludeMarker } from "../db/transaction-prelude.ts";
import type { Database } from "../db/types.ts";

type Trx = Transaction<Database>;

/**
 * More reporting transactions on the snapshot of one already begun (PostgreSQL only): the
 * main transaction exports its snapshot (pg_export_snapshot) and each lane begins on its own
 * connection with `set transaction snapshot`, so a report read over several connections at
 * once still counts the records as they stood at one moment — the same figures it would give
 * read in turn. A standby exports snapshots too (PostgreSQL 10 and later), so the replica
 * reads in lanes as well.
 *
 * A lane holds a pool connection while its main transaction holds another and waits for it:
 * at most `maxFanOuts` reports in the process open lanes at once (the others read in turn),
 * so the pool (10) always has connections for the lanes and for casework, and no two reports
 * can each hold what the other waits for.
 */
const maxFanOuts = 2;
let fanOuts = 0;

export async function withLanes<T>(
  db: Kysely<Database>,
  main: Trx,
  prelude: (snapshot: string) => string,
  count: number,
  fn: (lanes: Trx[]) => Promise<T>,
): Promise<T> {
  if (count <= 0 || fanOuts >= maxFanOuts) return fn([]);
  fanOuts++;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const opened: Lane[] = [];
  try {
    const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(main);
    const id = preludeLiteral(rows[0]?.id ?? "");
    if (id === null) throw new Error("the exported snapshot's name is not plain text");
    for (let i = 0; i < count; i++) opened.push(openLane(db, prelude(id), released));
    const lanes = await Promise.all(opened.map((lane) => lane.ready));
    return await fn(lanes);
  } finally {
    release();
    await Promise.allSettled(opened.map((lane) => lane.closed));
    fanOuts--;
  }
}

interface Lane {
  /** The lane's transaction, once begun on the snapshot. */
  ready: Promise<Trx>;
  /** Settled when the lane's transaction has ended and its connection is back in the pool. */
  closed: Promise<void>;
}

function openLane(db: Kysely<Database>, prelude: string, released: Promise<void>): Lane {
  let begun: (trx: Trx) => void = () => {};
  const ready = new Promise<Trx>((resolve) => {
    begun = resolve;
  });
  const closed = db.connection().execute(async (connection) => {
    await connection.executeQuery(preludeMarker(prelude));
    await connection.transaction().execute(async (trx) => {
      begun(trx);
      await released;
    });
  });
  const failed = closed.then(() => {
    throw new Error("a reporting lane ended before it began");
  });
  return { ready: Promise.race([ready, failed]), closed };
}

/**
 * Runs every job on the first free transaction, in the order given (the longest first keeps
 * the lanes even), and answers when all have finished — never while one still runs on a
 * lane, which would otherwise end under it. The first failure is thrown after that.
 */
export async function runOnLanes<T>(
  lanes: Trx[],
  jobs: [string, (trx: Trx) => Promise<T>][],
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const queue = [...jobs];
  const worker = async (trx: Trx) => {
    try {
      for (let job = queue.shift(); job; job = queue.shift()) out.set(job[0], await job[1](trx));
    } catch (error) {
      queue.length = 0; // the report fails: the other lanes start nothing more
      throw error;
    }
  };
  const results = await Promise.allSettled(lanes.map(worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
  return out;
}
