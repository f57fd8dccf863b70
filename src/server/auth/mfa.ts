import type { Kysely } from "kysely";
import QRCode from "qrcode";
import type { RequestMeta } from "../access/actor.ts";
import { withActor } from "../access/transaction.ts";
import { type AuditEntry, recordAudit } from "../audit/record.ts";
import type { Config } from "../config.ts";
import { type Cipher, openColumns, sealColumns } from "../db/sealed-columns.ts";
import type { Database, SessionStateName } from "../db/types.ts";
import { AppError } from "../http/errors.ts";
import { keyOnly, keyOnlyMessage } from "./login-policy.ts";
import { afterSecondFactor, passwordChangeRequired } from "./one-time-password.ts";
import { claimSession, createSession, type LoadedSession } from "./sessions.ts";
import { lockedForSeconds, recordFailure, tooManyAttempts } from "./throttle.ts";
import { generateTotpSecret, otpauthUri, verifyTotp } from "./totp.ts";

/** Starts setting up an authenticator app: a secret kept on the session, and its QR code. */
export async function startMfaEnrolment(
  db: Kysely<Database>,
  cipher: Cipher,
  session: LoadedSession,
) {
  // Only an account without an app sets one up; a session waiting for its one-time code
  // (or for a new password, after the code) cannot swap the app for another.
  if (session.state === "mfa_required" || session.mfaEnrolled) {
    throw new AppError(
      409,
      "conflict",
      "Tvåstegsverifiering är redan inställd. Be systemförvaltaren återställa den.",
    );
  }
  const secret = generateTotpSecret();
  const sealed = await sealColumns(cipher, "session", session.orgId, session.idHash, {
    pending_totp_secret: secret,
  });
  await db.updateTable("session").set(sealed).where("id_hash", "=", session.idHash).execute();
  const uri = otpauthUri(secret, session.username);
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return {
    secret,
    otpauthUri: uri,
    qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/** What confirming the code gives: the session's next state and the session that replaces it. */
export interface SecondFactorOutcome {
  state: SessionStateName;
  next: { id: string; csrfToken: string };
}

/**
 * Confirms the one-time code, at login or while enrolling an app. A wrong or throttled code
 * is refused and audited; a right one rotates the session.
 */
export async function confirmSecondFactor(
  config: Config,
  db: Kysely<Database>,
  cipher: Cipher,
  session: LoadedSession,
  code: string,
  meta: RequestMeta,
): Promise<SecondFactorOutcome> {
  const enrolling = session.pendingTotpSecret !== null;
  const secret = await totpSecretOf(cipher, session);
  const audit = (action: SecondFactorAction, outcome: "allowed" | "denied") =>
    auditSecondFactor(
      db,
      session,
      meta,
      action,
      outcome,
      action === "mfa.enrolled" ? {} : { method: "totp" },
    );
  // Codes are throttled like passwords: six digits would otherwise fall to guessing.
  const wait = await lockedForSeconds(db, config, session.username, meta.clientAddress);
  if (wait > 0) {
    await audit("login.mfa_failed", "denied");
    throw tooManyAttempts(wait);
  }
  if (await keyOnly(db, { id: session.userId, orgId: session.orgId }, config.mode)) {
    await auditSecondFactor(db, session, meta, "login.mfa_failed", "denied", {
      method: "totp",
      why: "key_only",
    });
    throw new AppError(403, "forbidden", keyOnlyMessage);
  }
  if (!secret || !verifyTotp(secret, code)) {
    await recordFailure(db, config, session.username, meta.clientAddress);
    await audit("login.mfa_failed", "denied");
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      code: "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök igen.",
    });
  }
  if (enrolling) {
    const sealed = await sealColumns(cipher, "app_user", session.orgId, session.userId, {
      totp_secret: secret,
    });
    await db
      .updateTable("app_user")
      .set({ ...sealed, mfa_enrolled_at: new Date() })
      .where("id", "=", session.userId)
      .execute();
    await audit("mfa.enrolled", "allowed");
  }
  return finishSecondFactor(config, db, session, meta, () =>
    audit("login.mfa_succeeded", "allowed"),
  );
}

/**
 * The second factor is proven (a code or a key, auth/webauthn): the session moves on as one,
 * under a new id (rotation), to a new password if one is owed, else to authenticated. The
 * waiting session is ended first, and only once: a code and a key sent together on it give
 * one new session, the other answer 409 (and no success is audited for it).
 */
export async function finishSecondFactor(
  config: Config,
  db: Kysely<Database>,
  session: LoadedSession,
  meta: RequestMeta,
  succeeded: () => Promise<unknown>,
): Promise<SecondFactorOutcome> {
  if (!(await claimSession(db, session.idHash))) {
    throw new AppError(409, "conflict", "Inloggningen är redan klar. Ladda om sidan.");
  }
  await succeeded();
  const state = afterSecondFactor(await passwordChangeRequired(db, session.userId));
  const next = await createSession(
    db,
    config,
    { id: session.userId, orgId: session.orgId },
    state,
    meta.clientAddress,
  );
  return { state, next };
}

/**
 * The secret a code is checked against, opened only here: the session load carries both
 * secrets sealed (sessions.ts), so no other request pays for, or holds, the plaintext.
 */
async function totpSecretOf(cipher: Cipher, session: LoadedSession): Promise<string | null> {
  if (session.pendingTotpSecret !== null) {
    const opened = await openColumns(cipher, "session", session.orgId, session.idHash, {
      pending_totp_secret: session.pendingTotpSecret,
    });
    return opened.pending_totp_secret;
  }
  const opened = await openColumns(cipher, "app_user", session.orgId, session.userId, {
    totp_secret: session.totpSecret,
  });
  return opened.totp_secret;
}

type SecondFactorAction = "login.mfa_failed" | "login.mfa_succeeded" | "mfa.enrolled";

/**
 * The session is not yet an actor's, so its events name the user and organisation; the data
 * says by what (a code or a key, auth/webauthn) and, for a refused key, why.
 */
export function auditSecondFactor<A extends SecondFactorAction>(
  db: Kysely<Database>,
  session: LoadedSession,
  meta: RequestMeta,
  action: A,
  outcome: "allowed" | "denied",
  data: AuditEntry<A>["data"],
) {
  return withActor(db, { userId: session.userId, orgId: session.orgId }, (trx) =>
    recordAudit(trx, { actor: null, userId: session.userId, orgId: session.orgId, meta }, [
      {
        action,
        outcome,
        resourceType: "session",
        data,
      },
    ]),
  );
}
