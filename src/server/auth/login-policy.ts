import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";

/**
 * May the organisation's accounts log in with a password Frid keeps? No row: yes — the
 * default until an administrator turns it off (modules/identity-providers/). A break-glass
 * administrator's password works either way (login.ts).
 */
export async function localPasswordsAllowed(db: Kysely<Database>, orgId: string) {
  const row = await db
    .selectFrom("login_policy")
    .select("local_passwords")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row?.local_passwords ?? true;
}
