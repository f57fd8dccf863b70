import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditAction, AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { keepsRoutines, readsRoutines } from "./policy.ts";

/**
 * The routine guard: every command on one routine passes here. One the actor may not see
 * (another organisation's) answers like a missing one (404); a change by someone who does not
 * keep the register answers 403. Both refusals are audited in a transaction of their own. A
 * change locks the routine row and meets its version: a stale one answers 409.
 */
export const routineNotFound = () =>
  new AppError(404, "not_found", "Rutinen finns inte, eller så saknar du behörighet.");
export const notKeeper = () =>
  new AppError(
    403,
    "forbidden",
    "Bara enhetschefer och administratörer kan ändra i rutinregistret.",
  );
export const notReader = () =>
  new AppError(403, "forbidden", "Rutinregistret är till för organisationens medarbetare.");
export const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat rutinen under tiden. Din ändring är inte sparad – ladda om sidan och gör den igen.",
  );

export interface RoutineRow {
  id: string;
  version: number;
  title: string;
}

export interface RoutineCommand<A extends AuditAction, T> {
  routineId: string;
  action: A;
  need: "read" | "keep";
  /** The version the change answers; a stale one is refused (409). */
  version?: number;
  run: (trx: Trx, routine: RoutineRow) => Promise<T>;
  event: (result: NoInfer<T>) => AuditData<A>;
}

/** Leaves a trace of a refused look at or change of the register. */
export function recordRoutineRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: AuditAction,
  resourceId: string | null,
) {
  return withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action, outcome: "denied", resourceType: "routine", resourceId },
    ]),
  );
}

export async function runRoutineCommand<A extends AuditAction, T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: RoutineCommand<A, T>,
): Promise<T> {
  const { routineId, action, need } = command;
  const allowed = need === "keep" ? keepsRoutines(actor) : readsRoutines(actor);
  type Outcome = { value: T } | { refused: 404 | 403 };
  const outcome = await withActor(database.db, actor, async (trx): Promise<Outcome> => {
    const q = trx
      .selectFrom("routine")
      .select(["id", "version", "title"])
      .where("id", "=", routineId);
    const seen = await q.executeTakeFirst();
    if (!seen) return { refused: 404 };
    if (!allowed) return { refused: 403 };
    // Locked only once allowed (FOR UPDATE sees the row under the update policy), and read
    // again under the lock: a change made meanwhile is the one this command meets.
    const routine = need === "keep" ? await q.forUpdate().executeTakeFirstOrThrow() : seen;
    if (command.version !== undefined && command.version !== routine.version)
      throw changedMeanwhile();
    const value = await command.run(trx, routine);
    await recordAudit(trx, auditContext(actor, meta), [
      { action, resourceType: "routine", resourceId: routineId, data: command.event(value) },
    ]);
    return { value };
  });
  if ("value" in outcome) return outcome.value;
  await recordRoutineRefusal(database, actor, meta, action, routineId);
  if (outcome.refused === 404) throw routineNotFound();
  throw need === "keep" ? notKeeper() : notReader();
}
