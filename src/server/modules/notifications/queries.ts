import type { Kysely } from "kysely";
import type { Actor } from "../../access/actor.ts";
import type { Trx } from "../../access/transaction.ts";
import type { Database } from "../../db/types.ts";
import { caseColumns, scopeCases } from "../worklist/rows.ts";
import type { Assignment } from "./notices.ts";

/** How long "a case assigned to me" stays a notification. */
export const assignedNoticeDays = 14;

/**
 * Cases someone else assigned to me within the last 14 days, still mine and open: one
 * statement over the cases in my scope (the same scope and access rule as Att göra), by the
 * index of my current assignments by time (0048).
 */
export function recentAssignments(trx: Trx, actor: Actor, now: Date): Promise<Assignment[]> {
  const since = new Date(now.getTime() - assignedNoticeDays * 86_400_000);
  return trx
    .with("sc", () => scopeCases(trx, actor, "mine"))
    .selectFrom("sc as c")
    .innerJoin("case_assignment as a", "a.case_id", "c.id")
    .select([...caseColumns, "a.assigned_at"])
    .where("a.user_id", "=", actor.userId)
    .where("a.unassigned_at", "is", null)
    .where("a.assigned_at", ">", since)
    .where("a.assigned_by", "<>", actor.userId)
    .where("c.status", "<>", "closed")
    .execute();
}

/** Which of these notifications I have read (my own rows only: notification_read_own). */
export async function readAmong(trx: Trx, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx
    .selectFrom("notification_read")
    .select("notification_id")
    .where("user_id", "=", actor.userId)
    .where("notification_id", "in", ids)
    .execute();
  return new Set(rows.map((r) => r.notification_id));
}

/**
 * Marks notifications read, and forgets what I read of notifications that no longer exist
 * (their fact is done or past): my rows stay as many as my current notifications.
 */
export async function markRead(trx: Trx, actor: Actor, ids: string[], current: string[]) {
  if (ids.length > 0) {
    await trx
      .insertInto("notification_read")
      .values(
        ids.map((id) => ({ org_id: actor.orgId, user_id: actor.userId, notification_id: id })),
      )
      .onConflict((oc) => oc.columns(["user_id", "notification_id"]).doNothing())
      .execute();
  }
  let stale = trx.deleteFrom("notification_read").where("user_id", "=", actor.userId);
  if (current.length > 0) stale = stale.where("notification_id", "not in", current);
  await stale.execute();
}

/**
 * The user the digest job acts as, with their roles, as a session would load them
 * (auth/sessions.ts): app_user and role_assignment, which the application reads outside
 * row-level security. Null for a user no longer active.
 */
export async function actorOf(db: Kysely<Database>, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom("app_user")
    .select(["id", "org_id", "username", "display_name"])
    .where("id", "=", userId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!user) return null;
  const roles = await db
    .selectFrom("role_assignment as r")
    .leftJoin("unit as un", "un.id", "r.unit_id")
    .select(["r.id", "r.unit_id", "un.name", "r.role"])
    .where("r.user_id", "=", userId)
    .orderBy("un.name")
    .orderBy("r.role")
    .execute();
  return {
    userId: user.id,
    orgId: user.org_id,
    username: user.username,
    displayName: user.display_name,
    roles: roles.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.name, role: r.role })),
  };
}
