import type { Kysely } from "kysely";
import type { SecurityKey, SecurityKeyList } from "../../../shared/api/webauthn.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { Database } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import { assertWayInRemains } from "../login-policy.ts";

export const lastFactorMessage =
  "Du kan inte ta bort din sista säkerhetsnyckel när du inte har någon app för engångskoder: då skulle inloggningen bara skyddas av lösenordet. Lägg först till en annan nyckel.";

const keyColumns = [
  "id",
  "name",
  "created_at",
  "last_used_at",
  "device_type",
  "backed_up",
] as const;

interface KeyRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  device_type: string;
  backed_up: boolean;
}

export function keyView(row: KeyRow): SecurityKey {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    deviceType: row.device_type === "multiDevice" ? "multiDevice" : "singleDevice",
    backedUp: row.backed_up,
  };
}

/** A user's keys as the login and the registration need them (id and transports). */
export function keysOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("webauthn_credential")
    .select(["credential_id", "transports"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

/** My keys, oldest first, and whether I also have a one-time code app. */
export async function listKeys(db: Kysely<Database>, actor: Actor): Promise<SecurityKeyList> {
  const [keys, user] = await Promise.all([
    db
      .selectFrom("webauthn_credential")
      .select(keyColumns)
      .where("user_id", "=", actor.userId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("app_user")
      .select("mfa_enrolled_at")
      .where("id", "=", actor.userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { keys: keys.map(keyView), totpEnrolled: user.mfa_enrolled_at !== null };
}

type Denial = "not_found" | "last_second_factor";

/** A refused change is audited in a transaction of its own, then answered. */
async function deny(
  db: Kysely<Database>,
  actor: Actor,
  meta: RequestMeta,
  keyId: string,
  why: Denial,
): Promise<never> {
  await withActor(db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "mfa.key_denied",
        outcome: "denied",
        resourceType: "user",
        resourceId: actor.userId,
        data: { keyId, why },
      },
    ]),
  );
  if (why === "not_found") throw new AppError(404, "not_found", "Nyckeln finns inte.");
  throw new AppError(409, "conflict", lastFactorMessage);
}

export async function renameKey(
  db: Kysely<Database>,
  actor: Actor,
  keyId: string,
  name: string,
  meta: RequestMeta,
): Promise<SecurityKey> {
  const row = await withActor(db, actor, async (trx) => {
    const updated = await trx
      .updateTable("webauthn_credential")
      .set({ name })
      .where("id", "=", keyId)
      .where("user_id", "=", actor.userId)
      .returning(keyColumns)
      .executeTakeFirst();
    if (updated) await auditKey(trx, actor, meta, "mfa.key_renamed", keyId);
    return updated;
  });
  if (!row) return deny(db, actor, meta, keyId, "not_found");
  return keyView(row);
}

/**
 * Removes one of my keys, never the last second factor: without a one-time code app the
 * last key stays. The account row is locked first, so two removals at once cannot each
 * leave the other's key as "not the last" and together remove both.
 */
export async function removeKey(
  db: Kysely<Database>,
  actor: Actor,
  keyId: string,
  meta: RequestMeta,
): Promise<void> {
  const denied = await withActor(db, actor, async (trx): Promise<Denial | null> => {
    const user = await trx
      .selectFrom("app_user")
      .select("mfa_enrolled_at")
      .where("id", "=", actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const keys = await trx
      .selectFrom("webauthn_credential")
      .select("id")
      .where("user_id", "=", actor.userId)
      .execute();
    if (!keys.some((k) => k.id === keyId)) return "not_found";
    if (keys.length === 1 && user.mfa_enrolled_at === null) return "last_second_factor";
    await trx.deleteFrom("webauthn_credential").where("id", "=", keyId).execute();
    await assertWayInRemains(trx, actor.orgId);
    await auditKey(trx, actor, meta, "mfa.key_removed", keyId);
    return null;
  });
  if (denied) await deny(db, actor, meta, keyId, denied);
}

export function auditKey(
  trx: Trx,
  actor: Actor,
  meta: RequestMeta,
  action: "mfa.key_registered" | "mfa.key_renamed" | "mfa.key_removed",
  keyId: string,
) {
  return recordAudit(trx, auditContext(actor, meta), [
    { action, resourceType: "user", resourceId: actor.userId, data: { keyId } },
  ]);
}
