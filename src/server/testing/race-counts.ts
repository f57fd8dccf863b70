import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import type { RaceOutcome } from "./race.ts";

/**
 * What the concurrency suites count besides the answers: the audit events a command wrote
 * (one per change, none for a loser) and how often a status came back as something else.
 */
export async function allowedEvents(
  owner: Kysely<Database>,
  action: string,
  resourceId: string,
): Promise<number> {
  const row = await owner
    .selectFrom("audit_event")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("action", "=", action)
    .where("outcome", "=", "allowed")
    .where("resource_id", "=", resourceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many answers had `status` (0 when none). */
export const answered = (outcome: RaceOutcome, status: number) => outcome.counts[status] ?? 0;

/** Every loser was told why, in the one error body, as a conflict. */
export function losersSay(outcome: RaceOutcome): string[] {
  return [
    ...new Set(
      outcome.responses
        .filter((r) => r.statusCode === 409)
        .map((r) => {
          const body = r.json() as { error: { code: string; message: string } };
          return `${body.error.code}: ${body.error.message}`;
        }),
    ),
  ];
}
