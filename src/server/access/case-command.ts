import type { AuditAction } from "../audit/events.ts";
import { type AuditEntry, auditContext, caseEntry, recordAudit } from "../audit/record.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import { AppError } from "../http/errors.ts";
import {
  abilities as abilitiesOf,
  type CaseAbilities,
  type CaseAction,
  can,
  caseState,
} from "../modules/cases/policy.ts";
import { type CaseRow, findVisibleCase } from "../modules/cases/queries.ts";
import type { Actor, RequestMeta } from "./actor.ts";
import { breakGlassReadOnly, seesOnlyByBreakGlass } from "./break-glass-access.ts";
import { denyCase, lockCase, RecordNotInCase, recordCaseRefusal } from "./case-guard.ts";
import { type Trx, withActor } from "./transaction.ts";

/**
 * The one way a route reads or changes a case (issue 13). A command states what it needs;
 * runCaseCommand runs, in this order and in one transaction as the actor:
 *   1. lockCase, when the command changes the case (`changes`), so what it reads is current;
 *   2. the visibility check: a case the actor may not see answers 404, the attempt audited;
 *   3. the ability (`requires`), from the case's state and the actor's role: a role that may
 *      not do it answers 403 (audited), a state that does not allow it (closed) 409; a command
 *      that changes anything (`changes` or any `requires`) through a break-glass grant, 403;
 *   4. the command itself, with one context object;
 *   5. its success audit event, written here in the same transaction — a command cannot
 *      forget it, and if it cannot be written nothing the command did is kept.
 */
export interface CaseContext<Row = CaseRow> {
  trx: Trx;
  actor: Actor;
  meta: RequestMeta;
  case: Row;
  abilities: CaseAbilities;
}

/** What a command may require beyond seeing the case. */
export type CaseRequirement =
  /** Changes what is in the case: refused (409) once the case is closed. */
  | "change"
  /** Writes in the journal: refused (409) once the case is closed. */
  | "writeJournal"
  /** Records a decision: refused (409) before the case is investigated, and once closed. */
  | "decide"
  /** A role rule of cases/policy.ts: refused (403, audited) when the actor lacks it. */
  | { role: CaseAction; refusal: string };

export interface CaseCommand<A extends AuditAction, T, Row extends CaseRow = CaseRow> {
  caseId: string;
  /** The audit action of the success event and of a refusal. */
  action: A;
  /** Changes the case or anything in it: the case is locked first. */
  changes?: boolean;
  requires?: CaseRequirement[];
  /** The Swedish answer to a change on a closed case (409); starts "Ärendet är avslutat." */
  closedMessage?: string;
  /** Reads the case (default findVisibleCase); a detailed read for the case page itself. */
  find?: (trx: Trx, actor: Actor, caseId: string) => Promise<Row | undefined>;
  /**
   * What the success event carries besides the case, its person and unit (data, a record's
   * id as resource…), from the command's result; or several events for a command that
   * records more than one thing.
   */
  event?: (result: NoInfer<T>, ctx: CaseContext<Row>) => Partial<AuditEntry<A>> | AuditEntry[];
  run: (ctx: CaseContext<Row>) => Promise<T>;
}

export const closedCase = (message = "Ärendet är avslutat. Öppna det igen först.") =>
  new AppError(409, "conflict", message);

type Outcome<T> =
  | { value: T }
  | { refused: "not_found" }
  | { refused: "forbidden"; message: string };

export async function runCaseCommand<A extends AuditAction, T, Row extends CaseRow = CaseRow>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: CaseCommand<A, T, Row>,
): Promise<T> {
  const { caseId, action } = command;
  let outcome: Outcome<T>;
  try {
    outcome = await runInCase(database, actor, meta, command);
  } catch (error) {
    if (!(error instanceof RecordNotInCase)) throw error;
    await recordCaseRefusal(database, actor, meta, caseId, action);
    throw new AppError(404, "not_found", error.answer);
  }
  if ("value" in outcome) return outcome.value;
  if (outcome.refused === "not_found") return denyCase(database, actor, meta, caseId, action);
  await recordCaseRefusal(database, actor, meta, caseId, action);
  throw new AppError(403, "forbidden", outcome.message);
}

/** Steps 1–5 in the actor's transaction; a refusal is returned, to be audited outside it. */
function runInCase<A extends AuditAction, T, Row extends CaseRow = CaseRow>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  command: CaseCommand<A, T, Row>,
): Promise<Outcome<T>> {
  const { caseId } = command;
  return withActor(database.db, actor, async (trx): Promise<Outcome<T>> => {
    if (command.changes) await lockCase(trx, caseId);
    const find = command.find ?? (findVisibleCase as NonNullable<typeof command.find>);
    const row = await find(trx, actor, caseId);
    if (!row) return { refused: "not_found" };
    const readOnly = await seesOnlyByBreakGlass(trx, actor, row);
    const ctx: CaseContext<Row> = {
      trx,
      actor,
      meta,
      case: row,
      abilities: abilitiesOf(actor, { ...caseState(row), readOnly }),
    };
    const forbidden =
      readOnly && (command.changes || (command.requires?.length ?? 0) > 0)
        ? breakGlassReadOnly
        : refusal(ctx, command);
    if (forbidden) return { refused: "forbidden", message: forbidden };
    const value = await command.run(ctx);
    await recordAudit(trx, auditContext(actor, meta), successEvents(command, value, ctx));
    return { value };
  });
}

/** The 403 message of a role the actor lacks; throws 409 for a state that forbids it. */
function refusal<Row extends CaseRow>(
  ctx: CaseContext<Row>,
  command: { requires?: CaseRequirement[]; closedMessage?: string },
): string | null {
  for (const need of command.requires ?? []) {
    if (typeof need === "object") {
      const c = ctx.case;
      const resource = { unitId: c.unit_id, assignedToMe: Boolean(c.assigned_to_me) };
      if (!can(ctx.actor, need.role, resource)) return need.refusal;
    } else if (!ctx.abilities[need]) {
      throw closedCase(command.closedMessage);
    }
  }
  return null;
}

function successEvents<A extends AuditAction, T, Row extends CaseRow>(
  command: CaseCommand<A, T, Row>,
  value: T,
  ctx: CaseContext<Row>,
): AuditEntry[] {
  const carried = command.event?.(value, ctx) ?? {};
  if (Array.isArray(carried)) return carried;
  return [{ ...caseEntry(ctx.case, command.action), ...carried }];
}
