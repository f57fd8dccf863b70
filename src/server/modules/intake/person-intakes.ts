import type { IntakeView } from "../../../shared/api/intake.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";
import { toIntakeView } from "./service.ts";

/** A person's intakes are few (a few a year); more than this is shown in each case's list. */
export const personIntakesMax = 100;

/**
 * How a person's matters reached the units, for the person page: the intakes in the
 * person's cases the actor may see, and those without a case (a request for information)
 * the actor recorded; newest first. A read of a person (it spans cases): one audit event
 * naming the person and the cases shown; a person not visible is a person's refusal.
 */
export async function listPersonIntakes(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
): Promise<IntakeView[]> {
  const found = await withActor(database.db, actor, async (trx) => {
    if (!(await findVisiblePerson(trx, actor, personId))) return null;
    const rows = await intakesOf(trx, actor, personId);
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "intake.read",
        {
          resourceType: "person",
          caseIds: rows.flatMap((r) => (r.case_id ? [r.case_id] : [])),
          unitIds: rows.map((r) => r.unit_id),
        },
        { personId, resourceId: personId },
      ),
    ]);
    return Promise.all(rows.map((r) => toIntakeView(database.cipher, r)));
  });
  return found ?? denyPerson(database, actor, meta, personId);
}

async function intakesOf(trx: Trx, actor: Actor, personId: string) {
  const columns = (q: ReturnType<typeof base>) =>
    q.selectAll("i").select("u.display_name as recorded_by_name");
  const base = () =>
    trx
      .selectFrom("intake as i")
      .innerJoin("app_user as u", "u.id", "i.recorded_by")
      .where("i.person_id", "=", personId);
  // One after the other: a transaction runs one statement at a time.
  const inCases = await columns(base())
    .innerJoin("case as c", "c.id", "i.case_id")
    .where(accessibleCases(actor))
    .orderBy("i.received_at", "desc")
    .limit(personIntakesMax)
    .execute();
  const withoutCase = await columns(base())
    .where("i.case_id", "is", null)
    .where("i.recorded_by", "=", actor.userId)
    .orderBy("i.received_at", "desc")
    .limit(personIntakesMax)
    .execute();
  return [...inCases, ...withoutCase]
    .sort((a, b) => b.received_at.getTime() - a.received_at.getTime())
    .slice(0, personIntakesMax);
}
