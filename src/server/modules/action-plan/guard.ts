import type { Actor, RequestMeta } from "../../access/actor.ts";
import { type Trx, withActor } from "../../access/transaction.ts";
import type { AuditData } from "../../audit/events.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { keepsActionPlan, readsActionPlan } from "./policy.ts";

/**
 * Every read and change of one action plan passes here. Someone who neither keeps nor reads
 * plans gets 403; a plan not of the actor's organisation answers like a missing one (404); a
 * reader who does not keep it gets 403 for a change. Refusals are audited in a transaction of
 * their own. A change locks the plan row and compares the version it was made from (stale:
 * 409); every change of anything in the plan moves the plan's version, so the page the change
 * was made on is the plan as it stood.
 */
export const planNotFound = () =>
  new AppError(404, "not_found", "Handlingsplanen finns inte, eller så saknar du behörighet.");
export const notReader = () =>
  new AppError(
    403,
    "forbidden",
    "Handlingsplanen läses av enhetschefer, analytiker och systemförvaltare.",
  );
export const notKeeper = () =>
  new AppError(
    403,
    "forbidden",
    "Handlingsplanen förs av enhetschefer och systemförvaltare. Du kan läsa den men inte ändra den.",
  );
export const changedMeanwhile = () =>
  new AppError(
    409,
    "conflict",
    "Någon annan har ändrat handlingsplanen under tiden. Din ändring är inte sparad. Planen visas nu som den är – se över din ändring och spara igen.",
  );

export interface PlanRow {
  id: string;
  from_year: number;
  to_year: number;
  version: number;
}

export type PlanChange = AuditData<"action_plan.change">["change"];

export type PlanCommand<T> =
  | { need: "read"; year?: number; run: (trx: Trx, plan: PlanRow) => Promise<T> }
  | {
      need: "keep";
      version: number;
      change: PlanChange;
      /** Makes the change; returns the id of the record changed or made. */
      run: (trx: Trx, plan: PlanRow) => Promise<string>;
      /** The answer, read after the version moved. */
      answer: (trx: Trx, plan: PlanRow) => Promise<T>;
    };

/** A refusal, audited in a transaction of its own. */
export function recordPlanRefusal(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  action: "action_plan.read" | "action_plan.change",
  planId: string | null,
) {
  return withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action, outcome: "denied", resourceType: "action_plan", resourceId: planId },
    ]),
  );
}

export async function runPlanCommand<T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  planId: string,
  command: PlanCommand<T>,
): Promise<T> {
  const action = command.need === "read" ? "action_plan.read" : "action_plan.change";
  if (!readsActionPlan(actor)) {
    await recordPlanRefusal(database, actor, meta, action, planId);
    throw notReader();
  }
  type Outcome = { value: T } | { refused: 403 | 404; error?: AppError };
  const outcome = await withActor<Outcome>(database.db, actor, async (trx): Promise<Outcome> => {
    const q = trx
      .selectFrom("action_plan")
      .select(["id", "from_year", "to_year", "version"])
      .where("id", "=", planId)
      .where("org_id", "=", actor.orgId);
    const plan = await q.executeTakeFirst();
    if (!plan) return { refused: 404 };
    const audit = (data: AuditData<typeof action>) =>
      recordAudit(trx, auditContext(actor, meta), [
        { action, resourceType: "action_plan", resourceId: planId, data },
      ]);
    if (command.need === "read") {
      const value = await command.run(trx, plan);
      await audit({ planId, ...(command.year === undefined ? {} : { year: command.year }) });
      return { value };
    }
    if (!keepsActionPlan(actor)) return { refused: 403 };
    // Locked only once allowed, and read again under the lock: a change made meanwhile is
    // the one this command meets.
    const locked = await q.forUpdate().executeTakeFirstOrThrow();
    if (locked.version !== command.version) throw changedMeanwhile();
    const recordId = await command.run(trx, locked);
    const moved = await trx
      .updateTable("action_plan")
      .set({ version: locked.version + 1, updated_by: actor.userId, updated_at: new Date() })
      .where("id", "=", planId)
      .returning(["id", "from_year", "to_year", "version"])
      .executeTakeFirstOrThrow();
    await audit({ planId, change: command.change, recordId });
    return { value: await command.answer(trx, moved) };
  }).catch(async (error: unknown) => {
    // A goal or activity not of this plan answers 404 from inside the command: audited too.
    if (error instanceof AppError && error.statusCode === 404)
      return { refused: 404 as const, error };
    throw error;
  });
  if ("value" in outcome) return outcome.value;
  await recordPlanRefusal(database, actor, meta, action, planId);
  throw outcome.error ?? (outcome.refused === 404 ? planNotFound() : notKeeper());
}
