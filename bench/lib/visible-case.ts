import type { Actor, RequestMeta } from "../../src/server/access/actor.ts";
import { denyCase } from "../../src/server/access/case-guard.ts";
import { type Trx, withActor } from "../../src/server/access/transaction.ts";
import type { AuditAction } from "../../src/server/audit/events.ts";
import type { DatabaseHandle } from "../../src/server/db/connection.ts";
import { type CaseRow, findVisibleCase } from "../../src/server/modules/cases/queries.ts";

/*
 * The case guard as it was before runCaseCommand (issue 13), for the benches that replay
 * the old history reads as their baseline. Not for the application: it runs through
 * runCaseCommand (src/server/access/case-command.ts).
 */

/**
 * Runs `run` in one transaction on a case the actor may see. A case they may not see gets
 * the answer a missing one gets (404), with the refused attempt audited as `action`.
 */
export async function withVisibleCase<T>(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  action: AuditAction,
  run: (trx: Trx, c: CaseRow) => Promise<T>,
): Promise<T> {
  const result = await withActor(database.db, actor, async (trx) => {
    const c = await findVisibleCase(trx, actor, caseId);
    return c ? { value: await run(trx, c) } : null;
  });
  return result ? result.value : denyCase(database, actor, meta, caseId, action);
}
