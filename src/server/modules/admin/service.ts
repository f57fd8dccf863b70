import type { Kysely } from "kysely";
import type { UserView } from "../../../shared/api/admin.ts";
import { organisationWideRoles } from "../../../shared/api/roles.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { hasRole } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import type { AuditEntry } from "../../audit/record.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import { assertWayInRemains } from "../../auth/login-policy.ts";
import { hashPassword } from "../../auth/passwords.ts";
import { revokeUserSessions } from "../../auth/sessions.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database, RoleName } from "../../db/types.ts";
import { AppError, invalidIfUnique } from "../../http/errors.ts";

/**
 * Administration of units, users and roles. The administrator (systemförvaltare) manages
 * accounts and never reads case data: nothing here touches persons or cases.
 */
export async function requireAdministrator(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  route: string,
) {
  if (hasRole(actor, "administrator")) return;
  await recordAdminDenied(database, actor, meta, route);
  throw new AppError(403, "forbidden", "Bara systemförvaltare kan göra det.");
}

/** An administrator's route refused: not an administrator (403), or no such record (404). */
export function recordAdminDenied(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  route: string,
) {
  return withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action: "admin.denied", outcome: "denied", resourceType: "user", data: { route } },
    ]),
  );
}

const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);
const userNotFound = () => new AppError(404, "not_found", "Användaren finns inte.");

export async function listUsers(
  db: Kysely<Database>,
  orgId: string,
  onlyId?: string,
): Promise<UserView[]> {
  let users = db
    .selectFrom("app_user")
    .select(["id", "username", "display_name", "active", "mfa_enrolled_at"])
    // A security key is a second factor as the code app is (auth/webauthn).
    .select((eb) =>
      eb
        .exists(eb.selectFrom("webauthn_credential as k").whereRef("k.user_id", "=", "app_user.id"))
        .as("has_keys"),
    )
    .where("org_id", "=", orgId);
  if (onlyId) users = users.where("id", "=", onlyId);
  const [rows, roleRows] = await Promise.all([
    users.orderBy("username").execute(),
    db
      .selectFrom("role_assignment as r")
      .leftJoin("unit as u", "u.id", "r.unit_id")
      .select(["r.id", "r.user_id", "r.unit_id", "u.name as unit_name", "r.role"])
      .where("r.org_id", "=", orgId)
      .orderBy("u.name")
      .execute(),
  ]);
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    active: u.active,
    mfaEnrolled: u.mfa_enrolled_at !== null || Boolean(u.has_keys),
    roles: roleRows
      .filter((r) => r.user_id === u.id)
      .map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name, role: r.role })),
  }));
}

async function oneUser(db: Kysely<Database>, orgId: string, id: string): Promise<UserView> {
  const [user] = await listUsers(db, orgId, id);
  if (!user) throw userNotFound();
  return user;
}

/** A change and its audit event in one transaction (the administrator's modules). */
export function audited<T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  entry: AuditEntry,
  run: (db: Kysely<Database>) => Promise<T>,
) {
  return withActor(database.db, actor, async (trx) => {
    const result = await run(trx);
    await recordAudit(trx, auditContext(actor, meta), [entry]);
    return result;
  });
}

export async function createUser(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: { username: string; displayName: string; password: string },
): Promise<UserView> {
  const taken = await database.db
    .selectFrom("app_user")
    .select("id")
    .where("username", "=", input.username)
    .executeTakeFirst();
  if (taken) throw invalid({ username: "Användarnamnet är upptaget." });
  const passwordHash = await hashPassword(input.password);
  return audited(
    database,
    actor,
    meta,
    { action: "admin.user.create", resourceType: "user" },
    async (db) => {
      const { id } = await db
        .insertInto("app_user")
        .values({
          org_id: actor.orgId,
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
        // Taken between the check and the insert (an account import at the same moment).
        .catch((error) => invalidIfUnique(error, { username: "Användarnamnet är upptaget." }));
      return oneUser(db, actor.orgId, id);
    },
  );
}

export async function updateUser(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  input: { displayName?: string | undefined; active?: boolean | undefined },
): Promise<UserView> {
  if (id === actor.userId && input.active === false)
    throw invalid({ active: "Du kan inte inaktivera dig själv." });
  const fields = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
  const user = await audited(
    database,
    actor,
    meta,
    { action: "admin.user.update", resourceType: "user", resourceId: id, data: { fields } },
    async (db) => {
      await oneUser(db, actor.orgId, id);
      if (fields.length > 0) {
        await db
          .updateTable("app_user")
          .set({
            ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
          })
          .where("id", "=", id)
          .where("org_id", "=", actor.orgId)
          .execute();
      }
      if (input.active === false) await assertWayInRemains(db, actor.orgId);
      return oneUser(db, actor.orgId, id);
    },
  );
  if (input.active === false) await revokeUserSessions(database.db, id);
  return user;
}

export async function addRole(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  userId: string,
  input: { unitId: string | null; role: RoleName },
): Promise<UserView> {
  if (input.unitId === null && !organisationWideRoles.includes(input.role)) {
    throw invalid({
      unitId:
        "Välj en enhet: bara systemförvaltare och analytiker kan ha en roll i hela organisationen.",
    });
  }
  return audited(
    database,
    actor,
    meta,
    {
      action: "admin.role.add",
      resourceType: "user",
      resourceId: userId,
      data: { role: input.role, unitId: input.unitId },
    },
    async (db) => {
      await oneUser(db, actor.orgId, userId);
      if (input.unitId) {
        const unit = await db
          .selectFrom("unit")
          .select("id")
          .where("id", "=", input.unitId)
          .where("org_id", "=", actor.orgId)
          .executeTakeFirst();
        if (!unit) throw invalid({ unitId: "Enheten finns inte." });
      }
      await db
        .insertInto("role_assignment")
        .values({
          org_id: actor.orgId,
          user_id: userId,
          unit_id: input.unitId,
          role: input.role,
          created_by: actor.userId,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return oneUser(db, actor.orgId, userId);
    },
  );
}

export async function removeRole(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  assignmentId: string,
): Promise<void> {
  const row = await database.db
    .selectFrom("role_assignment")
    .select(["id", "role", "unit_id", "user_id"])
    .where("id", "=", assignmentId)
    .where("org_id", "=", actor.orgId)
    .executeTakeFirst();
  if (!row) throw new AppError(404, "not_found", "Rollen finns inte.");
  await audited(
    database,
    actor,
    meta,
    {
      action: "admin.role.remove",
      resourceType: "user",
      resourceId: row.user_id,
      data: { role: row.role, unitId: row.unit_id },
    },
    async (db) => {
      await db.deleteFrom("role_assignment").where("id", "=", assignmentId).execute();
      if (row.role === "administrator") await assertWayInRemains(db, actor.orgId);
    },
  );
}

export async function resetMfa(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  userId: string,
): Promise<void> {
  await audited(
    database,
    actor,
    meta,
    { action: "admin.mfa.reset", resourceType: "user", resourceId: userId },
    async (db) => {
      await oneUser(db, actor.orgId, userId);
      await db
        .updateTable("app_user")
        .set({ totp_secret: null, mfa_enrolled_at: null })
        .where("id", "=", userId)
        .execute();
      // Every second factor: a key lost or stolen is ended here too (ADR 0029).
      await db.deleteFrom("webauthn_credential").where("user_id", "=", userId).execute();
      await assertWayInRemains(db, actor.orgId);
    },
  );
  await revokeUserSessions(database.db, userId);
}
