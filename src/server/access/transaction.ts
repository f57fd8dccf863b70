import { type Kysely, sql, type Transaction } from "kysely";
import { appRole } from "../db/connection.ts";
import type { Database } from "../db/types.ts";

export type Trx = Transaction<Database>;

/**
 * Runs `fn` in a transaction as the application role, with the actor set for row-level
 * security (frid_actor(), frid_org() in SQL). Everything a request does with personal
 * data, including its audit event, happens inside one of these: all or nothing.
 * The role is set here too, not only per connection, so no path can run as the owner.
 */
export function withActor<T>(
  db: Kysely<Database>,
  actor: { userId: string | null; orgId: string | null },
  fn: (trx: Trx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('role', ${appRole}, true),
                     set_config('frid.user_id', ${actor.userId ?? ""}, true),
                     set_config('frid.org_id', ${actor.orgId ?? ""}, true)`.execute(trx);
    return fn(trx);
  });
}
