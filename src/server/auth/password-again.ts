import type { Kysely } from "kysely";
import type { RequestMeta } from "../access/actor.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/types.ts";
import { verifyPassword } from "./passwords.ts";
import { clearFailures, lockedForSeconds, recordFailure } from "./throttle.ts";

export type PasswordAgain =
  | { ok: true }
  | { ok: false; why: "bad_password" | "throttled"; wait: number };

/**
 * The account's password asked again on a session already logged in (changing it, replacing
 * a one-time password, adding a security key): refused while the address is locked out as at
 * login, a wrong one counted towards that lockout, a right one forgetting the count. The
 * caller audits a refusal in its own words and answers it.
 */
export async function passwordAgain(
  db: Kysely<Database>,
  config: Config,
  who: { userId: string; username: string },
  password: string,
  meta: RequestMeta,
): Promise<PasswordAgain> {
  const wait = await lockedForSeconds(db, config, who.username, meta.clientAddress);
  if (wait > 0) return { ok: false, why: "throttled", wait };
  const user = await db
    .selectFrom("app_user")
    .select("password_hash")
    .where("id", "=", who.userId)
    .executeTakeFirstOrThrow();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, password))) {
    await recordFailure(db, config, who.username, meta.clientAddress);
    return { ok: false, why: "bad_password", wait: 0 };
  }
  await clearFailures(db, who.username, meta.clientAddress);
  return { ok: true };
}
