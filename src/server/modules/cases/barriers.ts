import type { Actor, RequestMeta } from "../../access/actor.ts";
import { denyCase, lockCase } from "../../access/case-guard.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { can } from "./policy.ts";
import { findVisibleCase } from "./queries.ts";

type Outcome =
  | { id: string }
  | { refused: string }
  | { forbidden: true }
  | { overlap: true }
  | { exists: true };

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
  const result = await withActor(database.db, actor, async (trx): Promise<Outcome> => {
    // Both cases locked, always in the same order (no deadlock between two managers naming
    // them the other way round), before what is checked below is read: an assignment or a
    // second barrier waits, and then sees this one.
    for (const id of [input.caseId, input.otherCaseId].sort()) await lockCase(trx, id);
    const a = await findVisibleCase(trx, actor, input.caseId);
    const b = await findVisibleCase(trx, actor, input.otherCaseId);
    if (!a) return { refused: input.caseId };
    if (!b) return { refused: input.otherCaseId };
    const ctx = auditContext(actor, meta);
    if (
      !can(actor, "barrier.create", { unitId: a.unit_id }) ||
      !can(actor, "barrier.create", { unitId: b.unit_id })
    ) {
      await recordAudit(trx, ctx, [
        {
          action: "barrier.create",
          outcome: "denied",
          resourceType: "case",
          resourceId: a.id,
          personId: a.person_id,
        },
      ]);
      return { forbidden: true };
    }
    // Worked means assigned or granted, now or before (as frid_barred counts it).
    const workedBy = (caseId: string) =>
      trx
        .selectFrom("case_assignment")
        .select("user_id")
        .where("case_id", "=", caseId)
        .union(trx.selectFrom("access_grant").select("user_id").where("case_id", "=", caseId))
        .execute();
    const [onA, onB] = await Promise.all([workedBy(a.id), workedBy(b.id)]);
    const onBoth = onA.some((x) => onB.some((y) => y.user_id === x.user_id));
    if (onBoth) return { overlap: true };
    const existing = await trx
      .selectFrom("barrier")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("case_a_id", "=", a.id), eb("case_b_id", "=", b.id)]),
          eb.and([eb("case_a_id", "=", b.id), eb("case_b_id", "=", a.id)]),
        ]),
      )
      .executeTakeFirst();
    if (existing) return { exists: true };
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
    const entry = (from: typeof a, to: typeof a) => ({
      action: "barrier.create" as const,
      resourceType: "case" as const,
      resourceId: from.id,
      personId: from.person_id,
      unitId: from.unit_id,
      reason: input.reason,
      data: { otherCaseId: to.id },
    });
    await recordAudit(trx, ctx, [entry(a, b), entry(b, a)]);
    return { id };
  });
  if ("refused" in result) return denyCase(database, actor, meta, result.refused, "barrier.create");
  if ("forbidden" in result) {
    throw new AppError(
      403,
      "forbidden",
      "Bara enhetschefen för båda ärendenas enheter kan sätta en informationsspärr.",
    );
  }
  if ("overlap" in result) {
    throw new AppError(
      409,
      "conflict",
      "Samma person har arbetat med båda ärendena. Fördela om ärendena innan spärren sätts.",
    );
  }
  if ("exists" in result) {
    throw new AppError(
      409,
      "conflict",
      "Det finns redan en informationsspärr mellan ärendena. Ladda om sidan för att se den.",
    );
  }
  return result;
}
