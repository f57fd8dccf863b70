import type { LightMyRequestResponse } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.ts";
import { as, buildUser, buildWorkedCase, login, type Session } from "./factories.ts";
import { race } from "./race.ts";

/**
 * A worked case, its worker's session and the unit manager's, who closes it in a race:
 * `pair[0]` the worker, `pair[1]` the manager.
 */
export async function workedCaseAndManager(
  app: Parameters<typeof buildWorkedCase>[0],
  owner: Kysely<Database>,
) {
  const worked = await buildWorkedCase(app, owner);
  const manager = await buildUser(owner, worked.orgId, [
    { unitId: worked.unitId, role: "unit_manager" },
  ]);
  const pair: [Session, Session] = [worked.session, await login(app, manager.username)];
  return { ...worked, pair };
}

/**
 * Races `n` requests that record something in a case against the case being closed (by
 * `closer`, in the middle of the batch). Returns the tally, the closing's answer, and the
 * audit ids of the closing and of every allowed `action` in the case: the trail's order is
 * the order the case's lock was taken in, so a record that counts must come before the
 * closing — one after it was written into a closed case.
 */
export async function raceAgainstClosing(input: {
  app: { inject: (opts: object) => Promise<LightMyRequestResponse> };
  owner: Kysely<Database>;
  caseId: string;
  n: number;
  closer: Session;
  record: (i: number) => Promise<LightMyRequestResponse>;
  action: string;
}) {
  const { owner, caseId, n } = input;
  const closeAt = Math.floor(n / 2);
  const outcome = await race(n + 1, (i) =>
    i === closeAt
      ? input.app.inject({
          method: "POST",
          url: `/api/cases/${caseId}/status`,
          headers: as(input.closer),
          payload: {
            to: "closed",
            reason: "client_declined",
            comment: "Avböjer fortsatt stöd.",
            // A case under investigation closes with its outcome (issue 20).
            outcome: { goalReached: "not" },
          },
        })
      : input.record(i),
  );
  const events = await owner
    .selectFrom("audit_event")
    .select(["id", "action"])
    .where("resource_id", "=", caseId)
    .where("action", "in", [input.action, "case.status"])
    .where("outcome", "=", "allowed")
    .orderBy("id")
    .execute();
  const closedAt = events.filter((e) => e.action === "case.status").at(-1)?.id;
  return {
    closing: outcome.responses[closeAt] as LightMyRequestResponse,
    records: outcome.responses.filter((_, i) => i !== closeAt),
    recordedAfterClosing: events.filter(
      (e) => e.action === input.action && closedAt !== undefined && Number(e.id) > Number(closedAt),
    ).length,
    audited: events.filter((e) => e.action === input.action).length,
  };
}
