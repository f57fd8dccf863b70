import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { recordDirectoryRefusal } from "../agencies/guard.ts";
import { followsUp, managesUnit } from "./policy.ts";

/**
 * The agreement guard: every command on one agreement passes here. One the actor may not
 * see answers like a missing one (404); one they see but may not change answers 403. Both
 * refusals are audited in a transaction of their own. A change locks the agreement row, so
 * two changes (or two follow-ups) queue and the second meets the first's version.
 */
export const agreementNotFound = () =>
  new AppError(
    404,
    "not_found",
    "Samverkansöverenskommelsen finns inte, eller så saknar du behörighet.",
  );
const mayNot = (need: "manage" | "follow_up") =>
  new AppError(
    403,
    "forbidden",
    need === "manage"
      ? "Bara enhetschefen för enheten som äger överenskommelsen kan ändra den."
      : "Bara enhetschefen och överenskommelsens ansvariga kan följa upp den.",
  );

export interface AgreementRow {
  id: string;
  unit_id: string;
  signed_on: string;
  last_followed_up_on: string | null;
  next_follow_up_on: string;
  ended_on: string | null;
  version: number;
}

export interface AgreementCommand<A extends AuditAction, T> {
  agreementId: string;
  action: A;
  need: "see" | "manage" | "follow_up";
  run: (trx: Trx, agreement: AgreementRow) => Promise<T>;
  event?: (result: NoInfer<T>) => AuditData<A>;
}

async function responsibleUsers(trx: Trx, agreementId: string) {
  const rows = await trx
    .selectFrom("agreement_responsible")
    .select("user_id")
    .where("agreement_id", "=", agreementId)
    .where("user_id", "is not", null)
    .execute();
  return rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
}

export async function runAgreementCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: AgreementCommand<A, T>,
): Promise<T> {
  const { agreementId, action, need } = command;
  type Outcome = { value: T } | { refused: 404 } | { refused: 403; need: "manage" | "follow_up" };
  const outcome = await withActor(database.db, actor, async (trx): Promise<Outcome> => {
    const q = trx
      .selectFrom("agreement")
      .select([
        "id",
        "unit_id",
        "signed_on",
        "last_followed_up_on",
        "next_follow_up_on",
        "ended_on",
        "version",
      ])
      .where("id", "=", agreementId);
    const agreement = await q.executeTakeFirst();
    if (!agreement) return { refused: 404 };
    if (need === "manage" && !managesUnit(actor, agreement.unit_id)) return { refused: 403, need };
    if (
      need === "follow_up" &&
      !followsUp(actor, agreement.unit_id, await responsibleUsers(trx, agreementId))
    )
      return { refused: 403, need };
    // Locked only once allowed (FOR UPDATE sees the row under the update policy), and read
    // again under the lock: a change made meanwhile is the one this command meets.
    const locked = need === "see" ? agreement : await q.forUpdate().executeTakeFirstOrThrow();
    const value = await command.run(trx, locked);
    if (command.event) {
      await recordAudit(trx, auditContext(actor, meta), [
        {
          action,
          resourceType: "agreement",
          resourceId: agreementId,
          unitId: agreement.unit_id,
          data: command.event(value),
        },
      ]);
    }
    return { value };
  });
  if ("value" in outcome) return outcome.value;
  await recordDirectoryRefusal(database, actor, meta, action, "agreement", agreementId);
  throw outcome.refused === 404 ? agreementNotFound() : mayNot(outcome.need);
}
