import type { StatusChange } from "../../../shared/api/cases.ts";
import type { Page } from "../../../shared/api/paging.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { invalidCursor } from "../../http/errors.ts";
import { statusChangeAt, statusHistoryPage } from "./queries.ts";

/**
 * An older page of the case's status history (the case view carries the newest). Read and
 * audited as a read of the case. A cursor that is not a change of this case — made up, or
 * taken from another case — is refused like any other cursor we did not give.
 */
export function readStatusHistory(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
  page: { limit: number; before?: string | undefined },
): Promise<Page<StatusChange>> {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "case.read",
    run: async ({ trx }) => {
      const after =
        page.before === undefined ? undefined : await statusChangeAt(trx, caseId, page.before);
      if (page.before !== undefined && !after) throw invalidCursor();
      return statusHistoryPage(trx, caseId, page.limit, after);
    },
  });
}
