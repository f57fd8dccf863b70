import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, buildWorkedCase, login, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, losersSay } from "../../testing/race-counts.ts";

/*
 * Tasks under concurrent requests (issue 12): two workers of the case, twenty requests at
 * once. Raising a concern adds a task each time; a task is completed exactly once, and the
 * others are told so — on PostgreSQL, where the requests really run side by side.
 */
const n = 20;

describe.each(testDatabaseKinds)("tasks under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let caseId: string;
  let users: Session[];

  beforeAll(async () => {
    t = await buildTestApp(database());
    const worked = await buildWorkedCase(t.app, database().owner);
    caseId = worked.caseId;
    const manager = await buildUser(database().owner, worked.orgId, [
      { unitId: worked.unitId, role: "unit_manager" },
    ]);
    users = [worked.session, await login(t.app, manager.username)];
  });
  afterAll(() => t?.close());

  const post = (i: number, url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: as(users[i % 2] as Session), payload });
  const tasksOfCase = () =>
    database().owner.selectFrom("case_task").selectAll().where("case_id", "=", caseId).execute();

  it("raises one task per concern, all of them kept and audited", async () => {
    const outcome = await race(n, (i) =>
      post(i, `/api/cases/${caseId}/child-concerns`, { concern: `Oro nummer ${i}.` }),
    );
    expect(outcome.counts).toEqual({ 201: n });
    expect(await tasksOfCase()).toHaveLength(n);
    expect(await allowedEvents(database().owner, "task.create", caseId)).toBe(n);
  });

  it("completes a task once: the others get 409 and write nothing", async () => {
    const [task] = await tasksOfCase();
    const today = stockholmDate(new Date());
    const outcome = await race(n, (i) =>
      post(i, `/api/cases/${caseId}/tasks/${task?.id}/complete`, {
        note: `Orosanmälan gjord (${i}).`,
        report: { on: today, to: "Barn och unga", reference: `R-${i}` },
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual(["conflict: Uppgiften är redan klar."]);
    const winner = outcome.responses.findIndex((r) => r.statusCode === 200);
    const done = (await tasksOfCase()).find((x) => x.id === task?.id);
    // The winner's note is the one kept, not a later loser's.
    expect(done?.done_note).toBe(`Orosanmälan gjord (${winner}).`);
    expect(await allowedEvents(database().owner, "task.complete", caseId)).toBe(1);
  });
});
