import { type Kysely, sql } from "kysely";
import type { Config } from "../config.ts";
import type { Database } from "../db/types.ts";
import { AppError } from "../http/errors.ts";

/**
 * Failed logins (and one-time codes) are counted in the database, so every app process sees
 * the same counts, under three keys:
 *
 * - (address, username): FRID_LOGIN_MAX_FAILURES, then locked for the lockout time. This is
 *   what stops one guesser, without locking the user out of every other address.
 * - username, from all addresses: ×4, then locked for everyone (guessing spread over many
 *   addresses). It exists whether or not the account does, so a lockout reveals nothing.
 * - address: ×20, then only slowed down, one minute at a time. Never an organisation-wide
 *   lockout: behind a proxy that Frid is not told to trust (FRID_TRUST_PROXY) every user
 *   shares one address, and 20 typos in an office must not lock them all out.
 */
const usernameFactor = 4;
const addressFactor = 20;
const addressSlowdownMs = 60_000;

interface ThrottleKey {
  key: string;
  limit: number;
  lockMs: number;
}

export function throttleKeys(
  config: Config,
  username: string,
  clientAddress: string | null,
): ThrottleKey[] {
  const name = username.toLowerCase();
  const max = config.login.maxFailures;
  const lockoutMs = config.login.lockoutMinutes * 60_000;
  const keys = [{ key: `user:${name}`, limit: max * usernameFactor, lockMs: lockoutMs }];
  if (clientAddress) {
    keys.push(
      { key: `pair:${clientAddress} ${name}`, limit: max, lockMs: lockoutMs },
      {
        key: `ip:${clientAddress}`,
        limit: max * addressFactor,
        lockMs: Math.min(addressSlowdownMs, lockoutMs),
      },
    );
  }
  return keys;
}

/** Seconds until every key of this attempt is unlocked; 0 when none is locked. */
export async function lockedForSeconds(
  db: Kysely<Database>,
  config: Config,
  username: string,
  clientAddress: string | null,
): Promise<number> {
  const keys = throttleKeys(config, username, clientAddress).map((k) => k.key);
  // Computed by the database, whose clock set locked_until.
  const { rows } = await sql<{ seconds: number | null }>`
    select ceil(extract(epoch from max(locked_until) - now()))::int as seconds
    from login_throttle where key in (${sql.join(keys)}) and locked_until > now()`.execute(db);
  return Math.max(0, rows[0]?.seconds ?? 0);
}

/** The 429 every throttled attempt gets: Retry-After says when to try again. */
export function tooManyAttempts(seconds: number): AppError {
  return new AppError(
    429,
    "too_many_requests",
    "För många misslyckade inloggningar. Vänta en stund och försök igen.",
    {},
    { "retry-after": String(Math.max(1, seconds)) },
  );
}

export async function recordFailure(
  db: Kysely<Database>,
  config: Config,
  username: string,
  clientAddress: string | null,
): Promise<void> {
  const windowMs = config.login.lockoutMinutes * 60_000;
  const window = `${windowMs} milliseconds`;
  for (const { key, limit, lockMs } of throttleKeys(config, username, clientAddress)) {
    await sql`
      insert into login_throttle (key, failures, window_started_at)
      values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when login_throttle.window_started_at < now() - ${window}::interval
                        then 1 else login_throttle.failures + 1 end,
        window_started_at = case when login_throttle.window_started_at < now() - ${window}::interval
                        then now() else login_throttle.window_started_at end`.execute(db);
    await sql`
      update login_throttle set locked_until = now() + ${`${lockMs} milliseconds`}::interval
      where key = ${key} and failures >= ${limit}`.execute(db);
  }
}

/**
 * A successful login forgets this address's failures for the username. The username's
 * count over all addresses stays until its window ends, so a guesser elsewhere gains
 * nothing from the real user logging in.
 */
export async function clearFailures(
  db: Kysely<Database>,
  username: string,
  clientAddress: string | null,
): Promise<void> {
  if (!clientAddress) return;
  await db
    .deleteFrom("login_throttle")
    .where("key", "=", `pair:${clientAddress} ${username.toLowerCase()}`)
    .execute();
}
