import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeMessages } from "../../../shared/api/outcomes.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildChildUnitTeam, type Session } from "../../testing/factories.ts";
import { outcomeSteps } from "../../testing/outcomes.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, losersSay } from "../../testing/race-counts.ts";

/*
 * The outcome of a closed case changed by two at once (issue 20, item 3 mended): the worker
 * and the unit manager both change it from the version they read. The first counts, the
 * second gets 409 — before, both succeeded and the first was replaced unseen. The history
 * keeps exactly the one outcome the winner replaced.
 */
describe.each(testDatabaseKinds)("the case outcome changed at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let users: Session[];
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let steps: ReturnType<typeof outcomeSteps>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    steps = outcomeSteps(t.app, database().owner, team.orgId);
    users = [team.worker, team.manager];
  });
  afterAll(() => t?.close());

  /** A case closed by its worker: investigated, with an outcome; or at intake, without one. */
  const closedCase = async (outcome: { goalReached: "not" } | null) => {
    const { caseId } = await steps.openCase(team.worker, team.workerId, team.unitId);
    if (outcome) await steps.move(team.worker, caseId, "investigation");
    expect((await steps.close(team.worker, caseId, outcome)).statusCode).toBe(200);
    return caseId;
  };

  const history = (caseId: string) =>
    database()
      .owner.selectFrom("case_outcome_history")
      .select(["goal_reached"])
      .where("case_id", "=", caseId)
      .execute();
  const current = (caseId: string) =>
    database()
      .owner.selectFrom("case_outcome")
      .select(["goal_reached", "own_view", "version"])
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();

  const put = (i: number, caseId: string, basedOnVersion: number | null) =>
    steps.send(users[i % 2] as Session, "PUT", `/api/cases/${caseId}/outcome`, {
      goalReached: i % 2 === 0 ? "wholly" : "partly",
      ownView: `Synpunkt ${i}.`,
      basedOnVersion,
    });

  it("two changes from the same version: one 200, one 409, one outcome replaced", async () => {
    const caseId = await closedCase({ goalReached: "not" });
    const outcome = await race(2, (i) => put(i, caseId, 1));
    expect(outcome.counts).toEqual({ 200: 1, 409: 1 });
    expect(losersSay(outcome)).toEqual([`stale_version: ${outcomeMessages.changedMeanwhile}`]);
    const winner = outcome.responses.findIndex((r) => r.statusCode === 200);
    expect(await current(caseId)).toMatchObject({ own_view: `Synpunkt ${winner}.`, version: 2 });
    expect(await history(caseId)).toEqual([{ goal_reached: "not" }]);
    // The closing's outcome and the winner's change; the loser's is not audited as allowed.
    expect(await allowedEvents(database().owner, "outcome.record", caseId)).toBe(2);
  });

  it("two first outcomes at once: one 200, one 409, nothing replaced", async () => {
    const caseId = await closedCase(null);
    const outcome = await race(2, (i) => put(i, caseId, null));
    expect(outcome.counts).toEqual({ 200: 1, 409: 1 });
    expect(losersSay(outcome)).toEqual([`stale_version: ${outcomeMessages.recordedMeanwhile}`]);
    expect(await current(caseId)).toMatchObject({ version: 1 });
    expect(await history(caseId)).toEqual([]);
    expect(await allowedEvents(database().owner, "outcome.record", caseId)).toBe(1);
  });
});
