import type { Kysely } from "kysely";
import type { Actor, RequestMeta } from "../access/actor.ts";
import { withActor } from "../access/transaction.ts";
import { recordAudit } from "../audit/record.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/types.ts";
import { AppError } from "../http/errors.ts";
import { passwordAgain } from "./password-again.ts";
import { hashPassword } from "./passwords.ts";
import { type LoadedSession, revokeUserSessions } from "./sessions.ts";
import { tooManyAttempts } from "./throttle.ts";

/** Who am I: the user, the organisation, the roles and the session's CSRF token. */
export async function readMe(db: Kysely<Database>, actor: Actor, session: LoadedSession) {
  const org = await db
    .selectFrom("organisation")
    .select(["id", "name"])
    .where("id", "=", actor.orgId)
    .executeTakeFirstOrThrow();
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      mfaEnrolled: session.mfaEnrolled,
    },
    organisation: org,
    roles: actor.roles,
    csrfToken: session.csrfToken,
  };
}

/** Changes my password, given the current one; my other sessions end, this one goes on. */
export async function changeOwnPassword(
  config: Config,
  db: Kysely<Database>,
  actor: Actor,
  session: LoadedSession,
  body: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const again = await passwordAgain(db, config, actor, body.currentPassword, meta);
  if (!again.ok && again.why === "throttled") throw tooManyAttempts(again.wait);
  if (!again.ok) {
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      currentPassword: "Lösenordet stämmer inte.",
    });
  }
  const hash = await hashPassword(body.newPassword);
  await withActor(db, actor, async (trx) => {
    await trx
      .updateTable("app_user")
      .set({ password_hash: hash })
      .where("id", "=", actor.userId)
      .execute();
    await recordAudit(trx, { actor, orgId: actor.orgId, meta }, [
      { action: "password.changed", resourceType: "user", resourceId: actor.userId, data: {} },
    ]);
  });
  // Other sessions of this user end; this one goes on.
  await revokeUserSessions(db, actor.userId, session.idHash);
}
