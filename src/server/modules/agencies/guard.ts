import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { keepsAgency } from "./policy.ts";

/**
 * The agency guard: every command on one agency passes here (as runPlaceCommand for a place).
 * An agency the actor may not see (another organisation's, or a user outside case work)
 * answers like a missing one (404); one they see but do not keep answers 403 to a change.
 * Both refusals are audited in a transaction of their own; a change's event is written in
 * the command's transaction. The agency row is locked, so two changes to it queue.
 */
export const agencyNotFound = () =>
  new AppError(404, "not_found", "Aktören finns inte, eller så saknar du behörighet.");
const notKeeper = () =>
  new AppError(
    403,
    "forbidden",
    "Bara aktörens ansvariga, enhetschefer och administratörer kan ändra i aktörsregistret.",
  );

export interface AgencyRow {
  id: string;
  owner_id: string;
  archived_at: Date | null;
}

export interface AgencyCommand<A extends AuditAction, T> {
  agencyId: string;
  action: A;
  need: "see" | "keep";
  run: (trx: Trx, agency: AgencyRow) => Promise<T>;
  /** The success event's data; none: the command writes no event (a read). */
  event?: (result: NoInfer<T>) => AuditData<A>;
}

export async function runAgencyCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: AgencyCommand<A, T>,
): Promise<T> {
  const { agencyId, action } = command;
  type Outcome = { value: T } | { refused: 404 | 403 };
  const outcome = await withActor(database.db, actor, async (trx): Promise<Outcome> => {
    const agency = await trx
      .selectFrom("agency")
      .select(["id", "owner_id", "archived_at"])
      .where("id", "=", agencyId)
      .executeTakeFirst();
    if (!agency) return { refused: 404 };
    if (command.need === "keep") {
      if (!keepsAgency(actor, agency)) return { refused: 403 };
      // Locked only once allowed: FOR UPDATE sees the row under the update policy, so a
      // reader's lock would find nothing and answer 404 instead of 403.
      await trx.selectFrom("agency").select("id").where("id", "=", agencyId).forUpdate().execute();
    }
    const value = await command.run(trx, agency);
    if (command.event) {
      await recordAudit(trx, auditContext(actor, meta), [
        { action, resourceType: "agency", resourceId: agencyId, data: command.event(value) },
      ]);
    }
    return { value };
  });
  if ("value" in outcome) return outcome.value;
  await recordDirectoryRefusal(database, actor, meta, action, "agency", agencyId);
  throw outcome.refused === 404 ? agencyNotFound() : notKeeper();
}

/** Leaves a trace of a refused look at or change of the directory or an agreement. */
export function recordDirectoryRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  resourceType: "agency" | "agreement",
  resourceId: string | null,
) {
  return withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action, outcome: "denied", resourceType, resourceId },
    ]),
  );
}
