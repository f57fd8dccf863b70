import { sql } from "kysely";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditCaseRowsOf, auditContext } from "../../audit/record.ts";
import { type SessionProof, sessionHolds } from "../../auth/sessions.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { preparedQuery } from "../../db/transaction-prelude.ts";
import { type CaseDetailRow, visibleCaseWithDetails } from "./queries.ts";

/**
 * The audited case read as one statement (issue 14): the visible case with its details
 * (the same query and access rule as findVisibleCaseWithDetails) and, in a data-modifying
 * CTE, its `case.read` event made from the row found. With a session taken from memory the
 * statement also checks that the session still holds (sessionHolds). No row back means: the
 * case is not visible, or the session did not hold — and nothing was written.
 */
export function readCaseAudited(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  proof: SessionProof | null,
): Promise<CaseDetailRow | undefined> {
  return withActor(database.db, actor, async (trx) => {
    const visible = visibleCaseWithDetails(trx, actor, id).$if(proof !== null, (q) =>
      q.where(sessionHolds(proof as SessionProof)),
    );
    const audited = auditCaseRowsOf(
      "read_case",
      { ...auditContext(actor, meta), actor },
      "case.read",
    );
    const statement = sql<CaseDetailRow>`
      with read_case as (${visible}), audited as (${audited})
      select * from read_case`;
    // Prepared (PostgreSQL): the same text for every read by actors holding the same roles.
    const { rows } = await trx.executeQuery(preparedQuery(statement.compile(trx)));
    return rows[0];
  });
}
