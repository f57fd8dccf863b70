import type { ChatSettingsBody, ChatSettingsView } from "../../../shared/api/chat.ts";
import type { ChatHours } from "../../../shared/chat-hours.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { managedUnitsOf } from "./policy.ts";

/** A unit's chat as its managers set it: on/off, hours, days off, retention, welcome text. */

const defaults = {
  enabled: false,
  hours: [] as ChatHours,
  open_on_days_off: false,
  retention_hours: 24,
  welcome_text: null,
};

/** The chat settings of every unit the actor manages (a unit never set shows the defaults). */
export async function listChatSettings(
  database: DatabaseHandle,
  actor: Actor,
): Promise<ChatSettingsView[]> {
  const managed = managedUnitsOf(actor);
  if (managed.length === 0) return [];
  return withActor(database.db, actor, async (trx) => {
    const rows = await trx
      .selectFrom("unit as u")
      .leftJoin("chat_setting as s", "s.unit_id", "u.id")
      .select([
        "u.id",
        "u.name",
        "s.enabled",
        "s.hours",
        "s.open_on_days_off",
        "s.retention_hours",
        "s.welcome_text",
      ])
      .where("u.id", "in", managed)
      .orderBy("u.name")
      .execute();
    return rows.map((r) => ({
      unitId: r.id,
      unitName: r.name,
      enabled: r.enabled ?? defaults.enabled,
      hours: r.hours ?? defaults.hours,
      openOnDaysOff: r.open_on_days_off ?? defaults.open_on_days_off,
      retentionHours: r.retention_hours ?? defaults.retention_hours,
      welcomeText: r.welcome_text ?? defaults.welcome_text,
    }));
  });
}

const unitNotFound = () =>
  new AppError(404, "not_found", "Enheten finns inte, eller så är du inte chef för den.");

export async function saveChatSettings(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  unitId: string,
  body: ChatSettingsBody,
): Promise<ChatSettingsView> {
  if (!managedUnitsOf(actor).includes(unitId)) {
    await withActor(database.db, actor, (trx) =>
      recordAudit(trx, auditContext(actor, meta), [
        { action: "chat.settings", outcome: "denied", resourceType: "unit", resourceId: unitId },
      ]),
    );
    throw unitNotFound();
  }
  const values = {
    enabled: body.enabled,
    hours: JSON.stringify(body.hours),
    open_on_days_off: body.openOnDaysOff,
    retention_hours: body.retentionHours,
    welcome_text: body.welcomeText || null,
    updated_by: actor.userId,
    updated_at: new Date(),
  };
  const unitName = await withActor(database.db, actor, async (trx) => {
    const unit = await trx
      .selectFrom("unit")
      .select("name")
      .where("id", "=", unitId)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("chat_setting")
      .values({ unit_id: unitId, org_id: actor.orgId, ...values })
      .onConflict((oc) => oc.column("unit_id").doUpdateSet(values))
      .execute();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "chat.settings",
        resourceType: "unit",
        resourceId: unitId,
        unitId,
        data: { enabled: body.enabled, retentionHours: body.retentionHours },
      },
    ]);
    return unit.name;
  });
  return {
    unitId,
    unitName,
    enabled: body.enabled,
    hours: body.hours,
    openOnDaysOff: body.openOnDaysOff,
    retentionHours: body.retentionHours,
    welcomeText: values.welcome_text,
  };
}
