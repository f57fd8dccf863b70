import { sql } from "kysely";
import type { Made } from "./authorization-records.ts";

/**
 * Break-glass in the authorization suite (issue 19, item 6): an access the spare worker had to
 * X, ended an hour ago and waiting for X's manager's review, made as the owner outside the API.
 */
export async function addBreakGlassRecords(made: Made, spareId: string) {
  const { rows } = await sql<{ id: string }>`
    insert into access_grant (org_id, case_id, user_id, reason, granted_by, granted_at, expires_at, kind)
    values (${made.orgId}, ${made.caseId}, ${spareId}, 'Polisen ringde om ett akut hot.', ${spareId},
            now() - interval '2 hours', now() - interval '1 hour', 'break_glass')
    returning id`.execute(made.owner);
  return { grantId: (rows[0] as { id: string }).id };
}
