import type { Kysely } from "kysely";
import type { RequestMeta } from "../access/actor.ts";
import { withActor } from "../access/transaction.ts";
import { recordAudit } from "../audit/record.ts";
import type { Config } from "../config.ts";
import type { DatabaseHandle } from "../db/connection.ts";
import type { Database, SessionStateName } from "../db/types.ts";
import { AppError } from "../http/errors.ts";
import { localPasswordsAllowed } from "./login-policy.ts";
import { afterSecondFactor } from "./one-time-password.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { createSession } from "./sessions.ts";
import { clearFailures, lockedForSeconds, recordFailure, tooManyAttempts } from "./throttle.ts";

const wrongCredentials = "Fel användarnamn eller lösenord.";
const localPasswordsOff =
  "Din organisation har stängt av inloggning med lösenord i Frid. Logga in med organisationens inloggning (till exempel SITHS-kort).";

const breakGlassWithoutKey =
  "Nödkontot har ingen säkerhetsnyckel, och lösenord är avstängda i din organisation. Be en annan systemförvaltare om hjälp.";

export interface LoginOutcome {
  sessionId: string;
  csrfToken: string;
  state: SessionStateName;
}

/**
 * Password step of logging in. Every answer to a failed attempt is the same, whether the
 * username exists, is deactivated or the password is wrong; only the audit trail says which.
 * MFA: required of everyone outside demo mode; in demo mode only of users who set it up.
 */
export async function login(
  config: Config,
  database: DatabaseHandle,
  input: { username: string; password: string },
  meta: RequestMeta,
): Promise<LoginOutcome> {
  const { db } = database;
  const username = input.username.trim().toLowerCase();
  const user = await findLoginUser(db, username);
  const fail = (why: FailureReason, retryAfterSeconds = 0) =>
    refuseLogin(db, config, { username, user, meta }, why, retryAfterSeconds);

  const wait = await lockedForSeconds(db, config, username, meta.clientAddress);
  if (wait > 0) return fail("throttled", wait);
  if (!user?.password_hash) {
    await verifyAgainstDummy(input.password);
    return fail("unknown_user");
  }
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!user.active) return fail("inactive");
  if (!passwordOk) return fail("bad_password");
  // Told only after the right password, so the message reveals nothing to a guesser.
  const passwordsAllowed = await localPasswordsAllowed(db, user.org_id, config.mode);
  if (!passwordsAllowed && !user.break_glass) return fail("local_passwords_off");
  // The break-glass account's password is the one left: its second factor is a key, always
  // (a code can be phished along with the password; login-policy.ts keyOnly).
  if (!passwordsAllowed && !user.has_hardware_key) return fail("break_glass_without_key");

  await clearFailures(db, username, meta.clientAddress);
  const state = passwordsAllowed ? stateAfterPassword(config, user) : "mfa_required";
  const session = await createSession(
    db,
    config,
    { id: user.id, orgId: user.org_id },
    state,
    meta.clientAddress,
  );
  await recordLoginSucceeded(db, user, meta);
  return { sessionId: session.id, csrfToken: session.csrfToken, state };
}

type LoginUser = NonNullable<Awaited<ReturnType<typeof findLoginUser>>>;
type FailureReason =
  | "bad_password"
  | "unknown_user"
  | "locked"
  | "inactive"
  | "throttled"
  | "local_passwords_off"
  | "break_glass_without_key";

function findLoginUser(db: Kysely<Database>, username: string) {
  return db
    .selectFrom("app_user")
    .select([
      "id",
      "org_id",
      "password_hash",
      "active",
      "mfa_enrolled_at",
      "password_change_required",
      "break_glass",
      // A key (auth/webauthn, 0104) is a second factor as the code app is.
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("webauthn_credential as k")
              .select("k.id")
              .whereRef("k.user_id", "=", "app_user.id"),
          )
          .as("has_keys"),
      // A key bound to its device (not a passkey synced to a cloud account): the hardware
      // key the break-glass account must use while passwords are off.
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("webauthn_credential as k")
              .select("k.id")
              .whereRef("k.user_id", "=", "app_user.id")
              .where("k.device_type", "=", "singleDevice"),
          )
          .as("has_hardware_key"),
    ])
    .where("username", "=", username)
    .executeTakeFirst();
}

// A right password refused by the policy, or a throttled one, is no guess: not counted.
const notAGuess: ReadonlySet<FailureReason> = new Set([
  "throttled",
  "local_passwords_off",
  "break_glass_without_key",
]);

/** A failed attempt: counted (unless already throttled), audited with why, and refused. */
async function refuseLogin(
  db: Kysely<Database>,
  config: Config,
  attempt: { username: string; user: LoginUser | undefined; meta: RequestMeta },
  why: FailureReason,
  retryAfterSeconds: number,
): Promise<never> {
  const { username, user, meta } = attempt;
  if (!notAGuess.has(why)) await recordFailure(db, config, username, meta.clientAddress);
  await withActor(db, { userId: null, orgId: user?.org_id ?? null }, (trx) =>
    recordAudit(trx, { actor: null, userId: user?.id ?? null, orgId: user?.org_id ?? null, meta }, [
      { action: "login.failed", outcome: "denied", resourceType: "session", data: { why } },
    ]),
  );
  if (why === "throttled") throw tooManyAttempts(retryAfterSeconds);
  if (why === "local_passwords_off") throw new AppError(403, "forbidden", localPasswordsOff);
  if (why === "break_glass_without_key") throw new AppError(403, "forbidden", breakGlassWithoutKey);
  throw new AppError(401, "invalid_credentials", wrongCredentials);
}

function stateAfterPassword(config: Config, user: LoginUser): SessionStateName {
  const enrolled = user.mfa_enrolled_at !== null || Boolean(user.has_keys);
  return enrolled
    ? "mfa_required"
    : config.demo
      ? afterSecondFactor(user.password_change_required)
      : "mfa_enrolment_required";
}

async function recordLoginSucceeded(db: Kysely<Database>, user: LoginUser, meta: RequestMeta) {
  await withActor(db, { userId: user.id, orgId: user.org_id }, async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ last_login_at: new Date(), failed_logins: 0 })
      .where("id", "=", user.id)
      .execute();
    await recordAudit(trx, { actor: null, userId: user.id, orgId: user.org_id, meta }, [
      { action: "login.succeeded", resourceType: "session", data: {} },
    ]);
  });
}
