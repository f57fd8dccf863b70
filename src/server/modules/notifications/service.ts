import type {
  NotificationSettings,
  NotificationSettingsBody,
  Notifications,
} from "../../../shared/api/notifications.ts";
import { notificationIdPattern } from "../../../shared/api/notifications.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction } from "../../audit/events.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { dueLines } from "../worklist/service.ts";
import { type Notice, namedIn, noticesOf } from "./notices.ts";
import { markRead, readAmong, recentAssignments } from "./queries.ts";

/**
 * My notifications now: Att göra's own lines (worklist dueLines: the same scope, access rule
 * and deadline module, so a notice exists exactly when its line does) and the cases recently
 * assigned to me. A constant number of statements whatever the number of cases.
 */
export async function noticesFor(trx: Trx, actor: Actor, now: Date): Promise<Notice[]> {
  const lines = await dueLines(trx, actor, "mine", now);
  const assignments = await recentAssignments(trx, actor, now);
  return noticesOf(lines, assignments, now);
}

/** The one event of a request that shows the list: it names every case and person shown. */
function shown<A extends AuditAction>(action: A, notices: Notice[], data?: object) {
  return listEntry(
    action,
    {
      resourceType: "case",
      ...namedIn(notices),
    },
    data ? { data: data as never } : {},
  );
}

/** The answer: each notice with whether I have read it, and how many I have not. */
async function answer(trx: Trx, actor: Actor, notices: Notice[]): Promise<Notifications> {
  const read = await readAmong(
    trx,
    actor,
    notices.map((n) => n.id),
  );
  const items = notices.map(({ personId: _p, unitId: _u, ...n }) => ({
    ...n,
    read: read.has(n.id),
  }));
  return { items, unread: items.filter((i) => !i.read).length };
}

export function listNotifications(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<Notifications> {
  return withActor(database.db, actor, async (trx) => {
    const notices = await noticesFor(trx, actor, now);
    await recordAudit(trx, auditContext(actor, meta), [shown("notification.list", notices)]);
    return answer(trx, actor, notices);
  });
}

const notFound = () =>
  new AppError(404, "not_found", "Notisen finns inte längre – den kan redan vara åtgärdad.");

/**
 * Marks one of my notifications read. One that is not mine now (another's case, a fact that
 * is done, an id made up) answers 404 and leaves a refused event naming the case it names.
 */
export async function markNotificationRead(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  now: Date = new Date(),
): Promise<Notifications> {
  const ctx = auditContext(actor, meta);
  const result = await withActor(database.db, actor, async (trx) => {
    const notices = await noticesFor(trx, actor, now);
    const target = notices.find((n) => n.id === id);
    if (!target) return null;
    const all = notices.map((n) => n.id);
    await markRead(trx, actor, [id], all);
    await recordAudit(trx, ctx, [
      {
        action: "notification.mark_read",
        // A notice about no case names its subject (an agreement, an agency).
        resourceType: target.subject?.type ?? "case",
        resourceId: target.caseId ?? target.subject?.id ?? null,
        personId: target.personId,
        unitId: target.unitId,
        data: { notificationId: id },
      },
      shown("notification.list", notices),
    ]);
    return answer(trx, actor, notices);
  });
  if (result) return result;
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, ctx, [
      {
        action: "notification.mark_read",
        outcome: "denied",
        resourceType: "case",
        resourceId: notificationIdPattern.exec(id)?.[3] ?? null,
        data: { notificationId: id },
      },
    ]),
  );
  throw notFound();
}

/** Marks every notification I have now read ("Markera alla som lästa"). */
export function markAllNotificationsRead(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<Notifications> {
  return withActor(database.db, actor, async (trx) => {
    const notices = await noticesFor(trx, actor, now);
    const all = notices.map((n) => n.id);
    await markRead(trx, actor, all, all);
    await recordAudit(trx, auditContext(actor, meta), [
      shown("notification.mark_all_read", notices, { count: all.length }),
    ]);
    return answer(trx, actor, notices);
  });
}

/** My digest setting (my own row: notification_setting_own); off until I turn it on. */
export function readNotificationSettings(
  database: DatabaseHandle,
  actor: Actor,
  mailConfigured: boolean,
): Promise<NotificationSettings> {
  return withActor(database.db, actor, async (trx) => {
    const row = await trx
      .selectFrom("notification_setting")
      .select(["digest", "digest_email"])
      .where("user_id", "=", actor.userId)
      .executeTakeFirst();
    return { digest: row?.digest ?? false, email: row?.digest_email ?? null, mailConfigured };
  });
}

export function saveNotificationSettings(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  body: NotificationSettingsBody,
  mailConfigured: boolean,
): Promise<NotificationSettings> {
  return withActor(database.db, actor, async (trx) => {
    const values = { digest: body.digest, digest_email: body.email, updated_at: new Date() };
    await trx
      .insertInto("notification_setting")
      .values({ user_id: actor.userId, org_id: actor.orgId, ...values })
      .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "notification.settings",
        resourceType: "user",
        resourceId: actor.userId,
        data: { digest: body.digest },
      },
    ]);
    return { digest: body.digest, email: body.email, mailConfigured };
  });
}
