import type { z } from "zod";
import type { CreateUnitBody, UnitView, UpdateUnitBody } from "../../../shared/api/admin.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * The organisation's units as an administrator keeps them: listed, created, and their
 * contact details (printed on letters and forms) and settings changed — each change and its
 * audit event in one transaction as the administrator. The routes only call these.
 */

const unitColumns = [
  "id",
  "name",
  "kind",
  "contact_phone",
  "contact_address",
  "contact_email",
  "partner_follow_up_months",
] as const;

function unitView(u: {
  id: string;
  name: string;
  kind: UnitView["kind"];
  contact_phone: string | null;
  contact_address: string | null;
  contact_email: string | null;
  partner_follow_up_months: number;
}): UnitView {
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    contactPhone: u.contact_phone,
    contactAddress: u.contact_address,
    contactEmail: u.contact_email,
    partnerFollowUpMonths: u.partner_follow_up_months,
  };
}

export function listUnits(database: DatabaseHandle, actor: Actor) {
  return database.db
    .selectFrom("unit")
    .select(unitColumns)
    .where("org_id", "=", actor.orgId)
    .orderBy("name")
    .execute()
    .then((units) => ({ units: units.map(unitView) }));
}

export async function createUnit(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  body: z.output<typeof CreateUnitBody>,
) {
  const exists = await database.db
    .selectFrom("unit")
    .select("id")
    .where("org_id", "=", actor.orgId)
    .where("name", "=", body.name)
    .executeTakeFirst();
  if (exists)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      name: "Det finns redan en enhet med det namnet.",
    });
  return withActor(database.db, actor, async (trx) => {
    const row = await trx
      .insertInto("unit")
      .values({ org_id: actor.orgId, name: body.name, kind: body.kind })
      .returning(unitColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditContext(actor, meta), [
      { action: "admin.unit.create", resourceType: "unit", resourceId: row.id },
    ]);
    return unitView(row);
  });
}

export async function updateUnit(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  unitId: string,
  b: z.output<typeof UpdateUnitBody>,
) {
  const unit = await withActor(database.db, actor, async (trx) => {
    const row = await trx
      .updateTable("unit")
      .set({
        ...(b.contactPhone !== undefined ? { contact_phone: b.contactPhone || null } : {}),
        ...(b.contactAddress !== undefined ? { contact_address: b.contactAddress || null } : {}),
        ...(b.contactEmail !== undefined ? { contact_email: b.contactEmail } : {}),
        ...(b.partnerFollowUpMonths !== undefined
          ? { partner_follow_up_months: b.partnerFollowUpMonths }
          : {}),
      })
      .where("id", "=", unitId)
      .where("org_id", "=", actor.orgId)
      .returning(unitColumns)
      .executeTakeFirst();
    if (!row) return null;
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "admin.unit.update",
        resourceType: "unit",
        resourceId: row.id,
        data: { fields: Object.keys(b) },
      },
    ]);
    return unitView(row);
  });
  if (!unit) throw new AppError(404, "not_found", "Enheten finns inte.");
  return unit;
}
