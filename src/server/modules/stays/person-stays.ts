import type { StayView } from "../../../shared/api/stays.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, listEntry, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { findVisiblePerson } from "../persons/queries.ts";
import { denyPerson } from "../persons/service.ts";
import { staysOf } from "./queries.ts";

/** The stays a person page lists: newest first, at most this many. */
const personStaysMax = 50;

/**
 * The person's stays, as the adult or as a child who came along, in cases the caller may see
 * (never through a shelter's view of a stay, never an address). One audit event names the
 * person and every case shown.
 */
export async function listPersonStays(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  personId: string,
): Promise<StayView[]> {
  const found = await withActor(database.db, actor, async (trx) => {
    if (!(await findVisiblePerson(trx, actor, personId))) return null;
    const ids = await trx
      .selectFrom("stay_member as m")
      .innerJoin("stay as s", "s.id", "m.stay_id")
      .innerJoin("case as c", "c.id", "s.case_id")
      .select("s.id")
      .where("m.person_id", "=", personId)
      .where(accessibleCases(actor))
      .orderBy("s.planned_from", "desc")
      .limit(personStaysMax)
      .execute();
    const stays = ids.length
      ? await staysOf(trx, database.cipher, { stayIds: ids.map((r) => r.id) })
      : [];
    await recordAudit(trx, auditContext(actor, meta), [
      listEntry(
        "stay.read",
        {
          resourceType: "person",
          personIds: stays.flatMap((s) => s.members.map((m) => m.personId)),
          caseIds: stays.map((s) => s.caseId),
        },
        { personId, resourceId: personId },
      ),
    ]);
    return stays;
  });
  return found ?? denyPerson(database, actor, meta, personId);
}
