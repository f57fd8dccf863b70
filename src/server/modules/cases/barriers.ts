import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { can } from "./policy.ts";
import { findVisibleCase } from "./queries.ts";
import { caseNotFound } from "./service.ts";

/**
 * Puts an information barrier between two cases (e.g. a perpetrator's treatment and the
 * partner's support): from now on nobody who has worked one side can see or be assigned
 * the other. Refused while someone has already worked both: that overlap must be resolved
 * (reassigned) first, or the barrier would be a barrier in name only.
 */
export async function createBarrier(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: { caseId: string; otherCaseId: string; reason: string },
): Promise<{ id: string }> {
  if (input.caseId === input.otherCaseId) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      otherCaseId: "Välj två olika ärenden.",
    });
  }
  return withActor(database.db, actor, async (trx) => {
    const a = await findVisibleCase(trx, actor, input.caseId);
    const b = await findVisibleCase(trx, actor, input.otherCaseId);
    if (!a || !b) throw caseNotFound();
    if (
      !can(actor, "barrier.create", { unitId: a.unit_id }) ||
      !can(actor, "barrier.create", { unitId: b.unit_id })
    ) {
      throw new AppError(
        403,
        "forbidden",
        "Bara enhetschefen för båda ärendenas enheter kan sätta en informationsspärr.",
      );
    }
    const overlap = await trx
      .selectFrom("case_assignment as x")
      .innerJoin("case_assignment as y", "y.user_id", "x.user_id")
      .select("x.user_id")
      .where("x.case_id", "=", a.id)
      .where("y.case_id", "=", b.id)
      .executeTakeFirst();
    if (overlap) {
      throw new AppError(
        409,
        "conflict",
        "Samma person har arbetat med båda ärendena. Fördela om ärendena innan spärren sätts.",
      );
    }
    const { id } = await trx
      .insertInto("barrier")
      .values({
        org_id: actor.orgId,
        case_a_id: a.id,
        case_b_id: b.id,
        reason: input.reason,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, auditContext(actor, meta), [
      {
        action: "barrier.create",
        resourceType: "case",
        resourceId: a.id,
        personId: a.person_id,
        unitId: a.unit_id,
        reason: input.reason,
        data: { otherCaseId: b.id },
      },
      {
        action: "barrier.create",
        resourceType: "case",
        resourceId: b.id,
        personId: b.person_id,
        unitId: b.unit_id,
        reason: input.reason,
        data: { otherCaseId: a.id },
      },
    ]);
    return { id };
  });
}
