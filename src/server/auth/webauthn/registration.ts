import {
  type AuthenticatorTransportFuture,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { Kysely } from "kysely";
import type { SecurityKey } from "../../../shared/api/webauthn.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { Config } from "../../config.ts";
import type { Database } from "../../db/types.ts";
import { AppError, invalid } from "../../http/errors.ts";
import { passwordAgain } from "../password-again.ts";
import type { LoadedSession } from "../sessions.ts";
import { tooManyAttempts } from "../throttle.ts";
import {
  type ChallengeRefusal,
  challengeMinutes,
  keepChallenge,
  takeChallenge,
} from "./challenges.ts";
import { auditKey, keysOf, keyView } from "./keys.ts";
import type { RelyingParty } from "./relying-party.ts";

type RegistrationRefusal =
  | ChallengeRefusal
  | "bad_password"
  | "throttled"
  | "already_registered"
  | "not_verified";

const refusals: Record<Exclude<RegistrationRefusal, "bad_password" | "throttled">, string> = {
  no_challenge:
    "Nyckeln kunde inte läggas till: frågan till nyckeln är redan besvarad eller saknas. Börja om med ”Lägg till nyckel”.",
  expired_challenge: `Nyckeln kunde inte läggas till: det gick mer än ${challengeMinutes} minuter. Börja om med ”Lägg till nyckel”.`,
  already_registered: "Den här nyckeln är redan registrerad.",
  not_verified: "Nyckelns svar kunde inte kontrolleras. Försök igen, eller använd en annan nyckel.",
};

/**
 * A key is added only after the password is given again (ADR 0029): a session left open on
 * a shared computer must not let someone else add a key of their own to the account. Wrong
 * passwords count towards the login lockout, as at login.
 */
export async function startKeyRegistration(
  config: Config,
  db: Kysely<Database>,
  rp: RelyingParty,
  actor: Actor,
  session: LoadedSession,
  password: string,
  meta: RequestMeta,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const again = await passwordAgain(db, config, actor, password, meta);
  if (!again.ok) {
    await auditRefusal(db, actor, meta, again.why);
    if (again.why === "throttled") throw tooManyAttempts(again.wait);
    throw invalid({ password: "Lösenordet stämmer inte." });
  }
  const existing = await keysOf(db, actor.userId);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: actor.username,
    userDisplayName: actor.displayName,
    // The account's id, not its name: the key's record of whom it serves says nothing more.
    userID: Buffer.from(actor.userId.replaceAll("-", ""), "hex"),
    attestationType: "none",
    excludeCredentials: existing.map((k) => ({
      id: k.credential_id,
      transports: k.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    timeout: challengeMinutes * 60_000,
  });
  await keepChallenge(db, session.idHash, "registration", options.challenge);
  return options;
}

/** Checks the key's answer against the session's challenge and keeps its public key. */
export async function finishKeyRegistration(
  db: Kysely<Database>,
  rp: RelyingParty,
  actor: Actor,
  session: LoadedSession,
  input: { name: string; credential: RegistrationResponseJSON },
  meta: RequestMeta,
): Promise<SecurityKey> {
  const refuse = async (
    why: Exclude<RegistrationRefusal, "bad_password" | "throttled">,
  ): Promise<never> => {
    await auditRefusal(db, actor, meta, why);
    if (why === "already_registered") throw new AppError(409, "conflict", refusals[why]);
    throw invalid({ credential: refusals[why] });
  };
  const taken = await takeChallenge(db, session.idHash, "registration");
  if ("refused" in taken) return refuse(taken.refused);
  const info = await verified(input.credential, taken.challenge, rp);
  if (!info) return refuse("not_verified");
  const { credential } = info;
  const row = await withActor(db, actor, async (trx) => {
    const inserted = await trx
      .insertInto("webauthn_credential")
      .values({
        org_id: actor.orgId,
        user_id: actor.userId,
        credential_id: credential.id,
        public_key: credential.publicKey,
        counter: credential.counter,
        transports: credential.transports ?? [],
        device_type: info.credentialDeviceType,
        backed_up: info.credentialBackedUp,
        name: input.name,
      })
      .onConflict((oc) => oc.column("credential_id").doNothing())
      .returning(["id", "name", "created_at", "last_used_at", "device_type", "backed_up"])
      .executeTakeFirst();
    if (inserted) await auditKey(trx, actor, meta, "mfa.key_registered", inserted.id);
    return inserted;
  });
  if (!row) return refuse("already_registered");
  return keyView(row);
}

/** The library's verdict; a malformed answer it throws on is refused like a false one. */
async function verified(response: RegistrationResponseJSON, challenge: string, rp: RelyingParty) {
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      // A second factor after the password: the key's presence (a touch) is what counts.
      requireUserVerification: false,
    });
    return result.verified ? result.registrationInfo : null;
  } catch {
    return null;
  }
}

function auditRefusal(
  db: Kysely<Database>,
  actor: Actor,
  meta: RequestMeta,
  why: RegistrationRefusal,
) {
  return withActor(db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "mfa.key_registration_failed",
        outcome: "denied",
        resourceType: "user",
        resourceId: actor.userId,
        data: { why },
      },
    ]),
  );
}
