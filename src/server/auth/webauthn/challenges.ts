import type { Kysely } from "kysely";
import type { Database } from "../../db/types.ts";

export type ChallengePurpose = "registration" | "authentication";
export type ChallengeRefusal = "no_challenge" | "expired_challenge";

/** Long enough to find the key and touch it; a challenge left longer is worth nothing. */
export const challengeMinutes = 5;

/** Keeps the challenge for this session and purpose, replacing any earlier one. */
export async function keepChallenge(
  db: Kysely<Database>,
  sessionIdHash: string,
  purpose: ChallengePurpose,
  challenge: string,
): Promise<void> {
  const expires = new Date(Date.now() + challengeMinutes * 60_000);
  await db
    .insertInto("webauthn_challenge")
    .values({ session_id_hash: sessionIdHash, purpose, challenge, expires_at: expires })
    .onConflict((oc) =>
      oc.columns(["session_id_hash", "purpose"]).doUpdateSet({ challenge, expires_at: expires }),
    )
    .execute();
}

/**
 * Takes the session's challenge out: deleted in the same statement that reads it, so of two
 * answers to one challenge only one ever gets it (single use), and only before it expires.
 */
export async function takeChallenge(
  db: Kysely<Database>,
  sessionIdHash: string,
  purpose: ChallengePurpose,
): Promise<{ challenge: string } | { refused: ChallengeRefusal }> {
  const row = await db
    .deleteFrom("webauthn_challenge")
    .where("session_id_hash", "=", sessionIdHash)
    .where("purpose", "=", purpose)
    .returning(["challenge", "expires_at"])
    .executeTakeFirst();
  if (!row) return { refused: "no_challenge" };
  if (row.expires_at.getTime() <= Date.now()) return { refused: "expired_challenge" };
  return { challenge: row.challenge };
}
