import { type Kysely, sql } from "kysely";
import type { Config } from "../config.ts";
import type { Database } from "../db/types.ts";

/**
 * Failed logins are counted per username and per client address, in the database so every
 * app process sees the same counts. Past the limit the key is locked for a while. The
 * username key exists whether or not the account does, so a lockout reveals nothing.
 * A client address gets four times the limit (an office behind one NAT address).
 */
export function throttleKeys(username: string, clientAddress: string | null) {
  const keys = [{ key: `user:${username.toLowerCase()}`, factor: 1 }];
  if (clientAddress) keys.push({ key: `ip:${clientAddress}`, factor: 4 });
  return keys;
}

export async function isLockedOut(
  db: Kysely<Database>,
  username: string,
  clientAddress: string | null,
): Promise<boolean> {
  const keys = throttleKeys(username, clientAddress).map((k) => k.key);
  const locked = await db
    .selectFrom("login_throttle")
    .select("key")
    .where("key", "in", keys)
    .where("locked_until", ">", new Date())
    .executeTakeFirst();
  return locked !== undefined;
}

export async function recordFailure(
  db: Kysely<Database>,
  config: Config,
  username: string,
  clientAddress: string | null,
): Promise<void> {
  const windowMs = config.login.lockoutMinutes * 60_000;
  for (const { key, factor } of throttleKeys(username, clientAddress)) {
    const limit = config.login.maxFailures * factor;
    await sql`
      insert into login_throttle (key, failures, window_started_at)
      values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when login_throttle.window_started_at < now() - ${`${windowMs} milliseconds`}::interval
                        then 1 else login_throttle.failures + 1 end,
        window_started_at = case when login_throttle.window_started_at < now() - ${`${windowMs} milliseconds`}::interval
                        then now() else login_throttle.window_started_at end`.execute(db);
    await sql`
      update login_throttle set locked_until = now() + ${`${windowMs} milliseconds`}::interval
      where key = ${key} and failures >= ${limit}`.execute(db);
  }
}

export async function clearFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db
    .deleteFrom("login_throttle")
    .where("key", "=", `user:${username.toLowerCase()}`)
    .execute();
}
