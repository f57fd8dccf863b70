import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type CaseContext, runCaseCommand } from "../../access/case-command.ts";
import { denyCase, lockCase, recordCaseRefusal } from "../../access/case-guard.ts";
import type { Trx } from "../../access/transaction.ts";
import { caseEntry } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { can } from "./policy.ts";
import { type CaseRow, findVisibleCase } from "./queries.ts";

type Outcome =
  | { id: string; other: CaseRow }
  | { refused: string }
  | { forbidden: true }
  | { overlap: true }
  | { exists: true };

interface BarrierInput {
  caseId: string;
  otherCaseId: string;
  reason: string;
}

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
  input: BarrierInput,
): Promise<{ id: string }> {
  if (input.caseId === input.otherCaseId) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      otherCaseId: "Välj två olika ärenden.",
    });
  }
  const result = await runCaseCommand(database, actor, meta, {
    caseId: input.caseId,
    action: "barrier.create",
    find: (trx) => lockBothAndFind(trx, actor, input),
    run: (ctx) => placeBarrier(ctx, input),
    // One event on each side, each naming the other case; none when nothing was placed.
    event: (outcome, { case: a }) =>
      "id" in outcome
        ? [
            barrierEntry(a, outcome.other, input.reason),
            barrierEntry(outcome.other, a, input.reason),
          ]
        : [],
  });
  if ("id" in result) return { id: result.id };
  return refuseBarrier(database, actor, meta, input, result);
}

/**
 * Both cases locked, always in the same order (no deadlock between two managers naming
 * them the other way round), before what is checked below is read: an assignment or a
 * second barrier waits, and then sees this one. Answers the first case (the command's).
 */
async function lockBothAndFind(trx: Trx, actor: Actor, input: BarrierInput) {
  for (const id of [input.caseId, input.otherCaseId].sort()) await lockCase(trx, id);
  return findVisibleCase(trx, actor, input.caseId);
}

/** The checks in order (other case visible, the manager of both, no overlap, not there yet), then the barrier. */
async function placeBarrier(ctx: CaseContext, input: BarrierInput): Promise<Outcome> {
  const { trx, actor, case: a } = ctx;
  const b = await findVisibleCase(trx, actor, input.otherCaseId);
  if (!b) return { refused: input.otherCaseId };
  if (
    !can(actor, "barrier.create", { unitId: a.unit_id }) ||
    !can(actor, "barrier.create", { unitId: b.unit_id })
  ) {
    return { forbidden: true };
  }
  if (await workedByOne(trx, a.id, b.id)) return { overlap: true };
  if (await barrierBetween(trx, a.id, b.id)) return { exists: true };
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
  return { id, other: b };
}

/** Whether someone has worked both cases: assigned or granted, now or before (as frid_barred counts it). */
async function workedByOne(trx: Trx, aId: string, bId: string): Promise<boolean> {
  const workedBy = (caseId: string) =>
    trx
      .selectFrom("case_assignment")
      .select("user_id")
      .where("case_id", "=", caseId)
      .union(trx.selectFrom("access_grant").select("user_id").where("case_id", "=", caseId))
      .execute();
  const [onA, onB] = await Promise.all([workedBy(aId), workedBy(bId)]);
  return onA.some((x) => onB.some((y) => y.user_id === x.user_id));
}

/** Whether a barrier already stands between the two cases, named either way round. */
async function barrierBetween(trx: Trx, aId: string, bId: string): Promise<boolean> {
  const existing = await trx
    .selectFrom("barrier")
    .select("id")
    .where((eb) =>
      eb.or([
        eb.and([eb("case_a_id", "=", aId), eb("case_b_id", "=", bId)]),
        eb.and([eb("case_a_id", "=", bId), eb("case_b_id", "=", aId)]),
      ]),
    )
    .executeTakeFirst();
  return Boolean(existing);
}

function barrierEntry(from: CaseRow, to: CaseRow, reason: string) {
  return caseEntry(from, "barrier.create", { reason, data: { otherCaseId: to.id } });
}

/** The answer to a barrier not placed; a refused manager's attempt is audited on the first case. */
async function refuseBarrier(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: BarrierInput,
  result: Exclude<Outcome, { id: string }>,
): Promise<never> {
  if ("refused" in result) return denyCase(database, actor, meta, result.refused, "barrier.create");
  if ("forbidden" in result) {
    await recordCaseRefusal(database, actor, meta, input.caseId, "barrier.create");
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
  throw new AppError(
    409,
    "conflict",
    "Det finns redan en informationsspärr mellan ärendena. Ladda om sidan för att se den.",
  );
}
