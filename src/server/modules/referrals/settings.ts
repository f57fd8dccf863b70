import { type Actor, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { recipients } from "./queries.ts";

/**
 * How many days a referral may wait for its answer before it is on Att göra: a setting of the
 * unit (default 14), kept by the unit's manager. Another unit's answers as a missing one.
 */
export async function setReferralAnswerDays(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  unitId: string,
  days: number,
) {
  const manages = unitsWithRole(actor, ["unit_manager"]).includes(unitId);
  const done = await withActor(database.db, actor, async (trx) => {
    const row = manages
      ? await trx
          .updateTable("unit")
          .set({ referral_answer_days: days })
          .where("id", "=", unitId)
          .where("org_id", "=", actor.orgId)
          .returning("id")
          .executeTakeFirst()
      : undefined;
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "referral.answer_days",
        outcome: row ? "allowed" : "denied",
        resourceType: "unit",
        resourceId: unitId,
        unitId: row ? unitId : null,
        ...(row ? { data: { days } } : {}),
      },
    ]);
    return row !== undefined;
  });
  if (!done)
    throw new AppError(404, "not_found", "Enheten finns inte, eller så är du inte chef för den.");
  return { unitId, days };
}

/** The directory's agencies, units and contacts (none for those who do no case work: 0063). */
export function referralRecipients(database: DatabaseHandle, actor: Actor) {
  return withActor(database.db, actor, async (trx) => ({ recipients: await recipients(trx) }));
}
