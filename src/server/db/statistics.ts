import { sql } from "kysely";
import type { DatabaseHandle } from "./connection.ts";

/**
 * The planner's statistics on an embedded database. PostgreSQL's autovacuum analyses a
 * table soon after its rows change; PGlite (one session, no background workers) never does,
 * so a table that grew after it was made is planned as if it held a few rows. Paged
 * histories suffer most: planned so, a page of a safety plan's 1,600 versions read all of
 * them and ran the row-level-security check on each (313 ms instead of 18, bench:histories).
 * On PGlite Frid therefore runs ANALYZE itself: once at start and then every `intervalMs`.
 * ANALYZE reads a bounded sample per table, so a run stays short as the data grows; on the
 * single session, requests wait for it meanwhile. On PostgreSQL autovacuum does the work.
 */
export function startStatistics(
  database: DatabaseHandle,
  logger: { error: (obj: object, msg: string) => void },
  intervalMs: number,
): () => Promise<void> {
  if (database.kind !== "pglite") return async () => {};
  const analyze = () =>
    sql`analyze`
      .execute(database.owner)
      .catch((err: unknown) => logger.error({ err }, "planner statistics failed"));
  let running: Promise<unknown> = analyze();
  const timer = setInterval(() => {
    running = running.then(analyze);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
