import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
} from "@simplewebauthn/server";
import type { Kysely } from "kysely";
import type { RequestMeta } from "../../access/actor.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";
import { keyOnly } from "../login-policy.ts";
import { auditSecondFactor, finishSecondFactor, type SecondFactorOutcome } from "../mfa.ts";
import type { LoadedSession } from "../sessions.ts";
import {
  type ChallengeRefusal,
  challengeMinutes,
  keepChallenge,
  takeChallenge,
} from "./challenges.ts";
import { keysOf } from "./keys.ts";
import type { RelyingParty } from "./relying-party.ts";

type KeyLoginRefusal =
  | ChallengeRefusal
  | "unknown_key"
  | "counter_went_back"
  | "not_verified"
  | "synced_key";

const refusedMessage =
  "Säkerhetsnyckeln godtogs inte. Försök igen, eller logga in med engångskoden om du har en.";

/** Only a session waiting for its second factor asks a key; the key is one of the user's. */
function requireWaiting(session: LoadedSession): void {
  if (session.state !== "mfa_required") {
    throw new AppError(409, "conflict", "Inloggningen väntar inte på en säkerhetsnyckel.");
  }
}

/** Which second factors the waiting session may use: the login page offers those. */
export async function secondFactorMethods(
  db: Kysely<Database>,
  session: LoadedSession,
  mode: Config["mode"],
) {
  const keys = await keysOf(db, session.userId);
  // The break-glass account of an organisation without passwords is offered its key only.
  const codes =
    session.mfaEnrolled && !(await keyOnly(db, { id: session.userId, orgId: session.orgId }, mode));
  return { totp: codes, keys: keys.length > 0 };
}

export async function startKeyLogin(
  db: Kysely<Database>,
  rp: RelyingParty,
  session: LoadedSession,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  requireWaiting(session);
  const keys = await keysOf(db, session.userId);
  if (keys.length === 0) {
    throw new AppError(409, "conflict", "Du har ingen säkerhetsnyckel. Ange engångskoden.");
  }
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((k) => ({
      id: k.credential_id,
      transports: k.transports as AuthenticatorTransportFuture[],
    })),
    userVerification: "preferred",
    timeout: challengeMinutes * 60_000,
  });
  await keepChallenge(db, session.idHash, "authentication", options.challenge);
  return options;
}

/**
 * Checks a key's signature over the session's challenge. Success finishes the login as the
 * one-time code does (mfa.ts finishSecondFactor); every refusal is audited and answered 400, as a wrong code.
 */
export async function finishKeyLogin(
  config: Config,
  db: Kysely<Database>,
  rp: RelyingParty,
  session: LoadedSession,
  response: AuthenticationResponseJSON,
  meta: RequestMeta,
): Promise<SecondFactorOutcome> {
  requireWaiting(session);
  const refuse = async (why: KeyLoginRefusal): Promise<never> => {
    await auditSecondFactor(db, session, meta, "login.mfa_failed", "denied", {
      method: "webauthn",
      why,
    });
    // 400 as a wrong code: the session still waits (a 401 would mean it ended).
    throw new AppError(400, "invalid_credentials", refusedMessage);
  };
  const taken = await takeChallenge(db, session.idHash, "authentication");
  if ("refused" in taken) return refuse(taken.refused);
  // Only the waiting user's own keys: another account's key is as unknown as none.
  const key = await db
    .selectFrom("webauthn_credential")
    .select(["id", "credential_id", "public_key", "counter", "transports", "device_type"])
    .where("credential_id", "=", response.id)
    .where("user_id", "=", session.userId)
    .executeTakeFirst();
  if (!key) return refuse("unknown_key");
  // The break-glass account without passwords: a key bound to its device, not a synced passkey.
  if (
    key.device_type !== "singleDevice" &&
    (await keyOnly(db, { id: session.userId, orgId: session.orgId }, config.mode))
  )
    return refuse("synced_key");
  const signCount = signCountOf(response);
  // A counter that does not move on is a copy of the key (or a replayed answer): the
  // library refuses it too, this names why.
  if (signCount === null) return refuse("not_verified");
  if ((signCount > 0 || key.counter > 0) && signCount <= key.counter) {
    return refuse("counter_went_back");
  }
  const verdict = await verify(response, taken.challenge, rp, key);
  if (!verdict) return refuse("not_verified");
  // Moved only forward, and only from the counter read: two answers at once cannot both pass.
  const moved = await db
    .updateTable("webauthn_credential")
    .set({ counter: verdict.newCounter, last_used_at: new Date() })
    .where("id", "=", key.id)
    .where("counter", "=", key.counter)
    .executeTakeFirst();
  if (moved.numUpdatedRows === 0n) return refuse("counter_went_back");
  return finishSecondFactor(config, db, session, meta, () =>
    auditSecondFactor(db, session, meta, "login.mfa_succeeded", "allowed", {
      method: "webauthn",
      keyId: key.id,
    }),
  );
}

/** The signature counter in the authenticator data (bytes 33–36), or null if it is too short. */
function signCountOf(response: AuthenticationResponseJSON): number | null {
  const data = Buffer.from(response.response.authenticatorData, "base64url");
  return data.length >= 37 ? data.readUInt32BE(33) : null;
}

async function verify(
  response: AuthenticationResponseJSON,
  challenge: string,
  rp: RelyingParty,
  key: { credential_id: string; public_key: Uint8Array; counter: number; transports: string[] },
) {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: key.credential_id,
        publicKey: new Uint8Array(key.public_key),
        counter: key.counter,
        transports: key.transports as AuthenticatorTransportFuture[],
      },
      requireUserVerification: false,
    });
    return result.verified ? result.authenticationInfo : null;
  } catch {
    return null;
  }
}
