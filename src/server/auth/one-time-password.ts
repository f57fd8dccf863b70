import type { Kysely } from "kysely";
import type { RequestMeta } from "../access/actor.ts";
import { withActor } from "../access/transaction.ts";
import { recordAudit } from "../audit/record.ts";
import type { Config } from "../config.ts";
import type { Database, SessionStateName } from "../db/types.ts";
import { AppError, validationMessage } from "../http/errors.ts";
import { passwordAgain } from "./password-again.ts";
import { hashPassword } from "./passwords.ts";
import { createSession, type LoadedSession, revokeUserSessions } from "./sessions.ts";
import { tooManyAttempts } from "./throttle.ts";

/**
 * One-time passwords (`npm run admin:create`) are printed on a terminal, where someone else
 * may see them. An account holding one gets, after its one-time code, a session that can do
 * nothing but replace it (POST /api/auth/password); the code always comes first, so a
 * password change never stands in for the second factor.
 */
export function afterSecondFactor(passwordChangeRequired: boolean): SessionStateName {
  return passwordChangeRequired ? "password_change_required" : "authenticated";
}

export async function passwordChangeRequired(
  db: Kysely<Database>,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("app_user")
    .select("password_change_required")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.password_change_required ?? false;
}

const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", validationMessage, fields);

/**
 * Replaces the one-time password and ends every session of the account (the one-time
 * password may have been used elsewhere); the caller gets a new, authenticated one.
 * Wrong current passwords count as failed logins.
 */
export async function replaceOneTimePassword(
  config: Config,
  db: Kysely<Database>,
  session: LoadedSession,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ id: string; csrfToken: string }> {
  if (session.state !== "password_change_required") {
    throw new AppError(
      409,
      "conflict",
      "Inloggningen väntar inte på ett nytt lösenord. Byt lösenord under Mitt konto.",
    );
  }
  const who = { userId: session.userId, orgId: session.orgId };
  const again = await passwordAgain(db, config, session, input.currentPassword, meta);
  if (!again.ok && again.why === "throttled") throw tooManyAttempts(again.wait);
  if (!again.ok) {
    await withActor(db, who, (trx) =>
      recordAudit(trx, { actor: null, ...who, meta }, [
        {
          action: "login.failed",
          outcome: "denied",
          resourceType: "session",
          data: { why: "bad_password" },
        },
      ]),
    );
    throw invalid({ currentPassword: "Lösenordet stämmer inte." });
  }
  if (input.newPassword === input.currentPassword) {
    throw invalid({ newPassword: "Välj ett annat lösenord än engångslösenordet." });
  }
  const hash = await hashPassword(input.newPassword);
  await withActor(db, who, async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ password_hash: hash, password_change_required: false })
      .where("id", "=", session.userId)
      .execute();
    await recordAudit(trx, { actor: null, ...who, meta }, [
      { action: "password.changed", resourceType: "user", resourceId: session.userId, data: {} },
    ]);
  });
  await revokeUserSessions(db, session.userId);
  return createSession(
    db,
    config,
    { id: session.userId, orgId: session.orgId },
    "authenticated",
    meta.clientAddress,
  );
}
