import type { LogReviewSettings, UpdateLogReviewSettings } from "../../../shared/api/log-review.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { hasRole, unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { defaultManyPersonsPerDay } from "./anomalies.ts";

/**
 * The log review's settings (issue 19, item 7): how many distinct persons one user may open
 * in a day before the day is an anomaly. The organisation's unit managers, who review the
 * lists, and its administrators set it; a change is audited with the old and the new value,
 * so a threshold raised to hide a colleague's browsing is itself in the trail. Reading it
 * shows a number and who set it, no person: not audited, except a refusal.
 */

const maySet = (actor: Actor) =>
  unitsWithRole(actor, ["unit_manager"]).length > 0 || hasRole(actor, "administrator");

async function refuse(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: "audit.settings_read" | "audit.settings",
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action, outcome: "denied", resourceType: "audit" },
    ]),
  );
  throw new AppError(
    403,
    "forbidden",
    "Loggkontrollens inställningar sköts av enhetschefer och systemförvaltare.",
  );
}

async function load(trx: Trx, orgId: string): Promise<LogReviewSettings> {
  const row = await trx
    .selectFrom("log_review_setting as s")
    .leftJoin("app_user as u", "u.id", "s.updated_by")
    .select(["s.many_persons_per_day", "s.updated_at", "u.display_name"])
    .where("s.org_id", "=", orgId)
    .executeTakeFirst();
  return {
    manyPersonsPerDay: row?.many_persons_per_day ?? defaultManyPersonsPerDay,
    isDefault: !row,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    updatedBy: row?.display_name ?? null,
  };
}

export async function readSettings(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
): Promise<LogReviewSettings> {
  if (!maySet(actor)) return refuse(database, actor, meta, "audit.settings_read");
  return withActor(database.db, actor, (trx) => load(trx, actor.orgId));
}

/**
 * Sets the threshold; the old value is read under a row lock so the event says it truly.
 * The row is made first if the organisation has none, so two first settings at once also
 * wait for each other instead of both reading the default.
 */
export async function updateSettings(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: UpdateLogReviewSettings,
): Promise<LogReviewSettings> {
  if (!maySet(actor)) return refuse(database, actor, meta, "audit.settings");
  const to = input.manyPersonsPerDay;
  return withActor(database.db, actor, async (trx) => {
    await trx
      .insertInto("log_review_setting")
      .values({
        org_id: actor.orgId,
        many_persons_per_day: defaultManyPersonsPerDay,
        updated_by: actor.userId,
      })
      .onConflict((oc) => oc.column("org_id").doNothing())
      .execute();
    const before = await trx
      .selectFrom("log_review_setting")
      .select("many_persons_per_day")
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    const from = before?.many_persons_per_day ?? defaultManyPersonsPerDay;
    await trx
      .updateTable("log_review_setting")
      .set({ many_persons_per_day: to, updated_by: actor.userId, updated_at: new Date() })
      .where("org_id", "=", actor.orgId)
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "audit.settings",
        resourceType: "audit",
        data: { manyPersonsPerDay: { from, to } },
      },
    ]);
    return load(trx, actor.orgId);
  });
}
