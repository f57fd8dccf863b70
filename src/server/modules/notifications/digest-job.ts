import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Logger } from "pino";
import { atHour, stockholmDate } from "../../../shared/calendar.ts";
import type { Actor } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { digestCounts, digestMail, nothingToTell } from "./digest.ts";
import type { Mailer } from "./mailer.ts";
import { namedIn } from "./notices.ts";
import { actorOf } from "./queries.ts";
import { noticesFor } from "./service.ts";

/** The Swedish hour from which a day's digests go out. */
export const digestFromHour = 6;
/** How often the job looks for digests due (and tries a failed one again). */
export const digestRoundMs = 15 * 60_000;

export interface DigestSettings {
  mailer: Mailer;
  publicUrl: string;
  logger: Logger;
}

type Outcome = "sent" | "nothing" | "skipped" | "failed";

/**
 * One round: every user who wants today's digest and has none sent (frid_digests_due), one
 * at a time. A failure is logged (never the address or the server's words, which may hold it)
 * and the claim let go, so the next round tries again; it never reaches a request.
 */
export async function digestRound(
  database: DatabaseHandle,
  settings: DigestSettings,
  now: Date = new Date(),
): Promise<Record<Outcome, number>> {
  const outcomes: Record<Outcome, number> = { sent: 0, nothing: 0, skipped: 0, failed: 0 };
  const day = stockholmDate(now);
  if (now < atHour(day, digestFromHour)) return outcomes;
  const due = await withActor(database.db, { userId: null, orgId: null }, async (trx) => {
    const { rows } = await sql<{ user_id: string }>`
      select user_id from frid_digests_due(${day}::date)`.execute(trx);
    return rows;
  });
  for (const { user_id } of due) {
    const outcome = await digestFor(database, settings, user_id, day, now).catch((err: unknown) => {
      const { code, responseCode } = (err ?? {}) as { code?: string; responseCode?: number };
      settings.logger.error(
        { userId: user_id, code, responseCode },
        "notification digest not sent; it is tried again next round",
      );
      return "failed" as const;
    });
    outcomes[outcome] += 1;
  }
  return outcomes;
}

/** Claims, counts and records today's digest of one user, in the user's own transaction. */
async function claimAndCount(database: DatabaseHandle, actor: Actor, day: string, now: Date) {
  return withActor(database.db, actor, async (trx) => {
    const claimed = await trx
      .insertInto("notification_digest")
      .values({ user_id: actor.userId, org_id: actor.orgId, day, state: "sending" })
      .onConflict((oc) =>
        oc
          .columns(["user_id", "day"])
          .doUpdateSet({ state: "sending", claimed_at: now })
          .where("notification_digest.state", "=", "sending")
          .where("notification_digest.claimed_at", "<", new Date(now.getTime() - 15 * 60_000)),
      )
      .returning("user_id")
      .executeTakeFirst();
    if (!claimed) return null;
    const setting = await trx
      .selectFrom("notification_setting")
      .select(["digest", "digest_email"])
      .where("user_id", "=", actor.userId)
      .executeTakeFirst();
    const notices = await noticesFor(trx, actor, now);
    // The digest counted these cases as this user: a read, recorded like any other.
    await recordAudit(trx, auditContext(actor, { requestId: randomUUID(), clientAddress: null }), [
      listEntry(
        "notification.digest",
        {
          resourceType: "case",
          ...namedIn(notices),
        },
        { data: { day } },
      ),
    ]);
    return { email: setting?.digest ? setting.digest_email : null, counts: digestCounts(notices) };
  });
}

async function digestFor(
  database: DatabaseHandle,
  settings: DigestSettings,
  userId: string,
  day: string,
  now: Date,
): Promise<Outcome> {
  const actor = await actorOf(database.db, userId);
  if (!actor) return "skipped";
  const claim = await claimAndCount(database, actor, day, now);
  if (!claim) return "skipped";
  // Done (sent, or nothing to tell), or let go so that the next round tries again.
  const finish = (state: "sent" | "nothing" | null) =>
    withActor(database.db, actor, async (trx) => {
      if (state) {
        await trx
          .updateTable("notification_digest")
          .set({ state, done_at: new Date() })
          .where("user_id", "=", actor.userId)
          .where("day", "=", day)
          .execute();
      } else {
        await trx
          .deleteFrom("notification_digest")
          .where("user_id", "=", actor.userId)
          .where("day", "=", day)
          .execute();
      }
    });
  if (!claim.email || nothingToTell(claim.counts)) {
    await finish("nothing");
    return "nothing";
  }
  try {
    await settings.mailer.send({
      to: claim.email,
      ...digestMail(claim.counts, day, settings.publicUrl),
    });
  } catch (err) {
    await finish(null);
    throw err;
  }
  await finish("sent");
  return "sent";
}

/** Runs a round now and every 15 minutes until stopped; stopping waits for the running round. */
export function startDigests(
  database: DatabaseHandle,
  settings: DigestSettings,
  intervalMs: number = digestRoundMs,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const round = () => {
    running = running.then(() =>
      digestRound(database, settings).catch((err: unknown) =>
        settings.logger.error({ err }, "notification digest round failed"),
      ),
    );
  };
  const first = setTimeout(round, 10_000);
  const timer = setInterval(round, intervalMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
    settings.mailer.close();
  };
}
