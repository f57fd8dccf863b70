import { sql } from "kysely";
import type { Logger } from "pino";
import { withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";

/** How often the server deletes the conversations whose time has come. */
export const purgeRoundMs = 5 * 60_000;
/** A conversation nobody has written in for this long is closed (she left without the exit). */
export const idleHours = 6;

/**
 * One round: closes idle conversations, then DELETES every conversation (and its messages)
 * whose unit's retention after closing has run out (frid_chat_purge, 0061). Answers how many
 * were deleted. Tests call it with a clock of their own.
 */
export async function purgeChats(
  database: DatabaseHandle,
  now: Date = new Date(),
): Promise<number> {
  return withActor(database.db, { userId: null, orgId: null }, async (trx) => {
    const { rows } = await sql<{ deleted: number }>`
      select frid_chat_purge(${now.toISOString()}::timestamptz,
                             ${`${idleHours} hours`}::interval) as deleted`.execute(trx);
    return rows[0]?.deleted ?? 0;
  });
}

/** Runs a round at start and every five minutes until stopped; stopping waits for the round. */
export function startChatPurge(
  database: DatabaseHandle,
  logger: Logger,
  intervalMs: number = purgeRoundMs,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const round = () => {
    running = running.then(() =>
      purgeChats(database).catch((err: unknown) =>
        logger.error({ err }, "chat purge round failed; it is tried again next round"),
      ),
    );
  };
  const first = setTimeout(round, 5_000);
  const timer = setInterval(round, intervalMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
