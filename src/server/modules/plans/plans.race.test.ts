import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, buildWorkedCase, login, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { allowedEvents, losersSay } from "../../testing/race-counts.ts";

/*
 * Implementation plans under concurrent requests (issue 12): the case's worker and the unit
 * manager send twenty requests at once. A decision's plan is written once and changed once
 * from each version — the others get 409 and nothing of theirs is kept or audited (before,
 * two first saves at once could meet the unique decision key: a 500 on PostgreSQL); every
 * follow-up recorded is kept.
 */
const n = 20;

describe.each(testDatabaseKinds)("implementation plans under concurrent requests (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let caseId: string;
  let users: Session[];
  let decisionId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const worked = await buildWorkedCase(t.app, database().owner);
    caseId = worked.caseId;
    const manager = await buildUser(database().owner, worked.orgId, [
      { unitId: worked.unitId, role: "unit_manager" },
    ]);
    users = [worked.session, await login(t.app, manager.username)];
    await call(0, "POST", `/api/cases/${caseId}/status`, { to: "investigation" });
    const granted = await call(0, "POST", `/api/cases/${caseId}/decisions`, {
      interventionKind: "support_talks",
      outcome: "granted",
      reasoning: "Behov av stöd.",
    });
    decisionId = granted.json().id;
  });
  afterAll(() => t?.close());

  const call = (i: number, method: "POST" | "PUT", url: string, payload: object) =>
    t.app.inject({ method, url, headers: as(users[i % 2] as Session), payload });
  const save = (i: number, basedOnVersion: number | null) =>
    call(i, "PUT", `/api/cases/${caseId}/decisions/${decisionId}/plan`, {
      goals: `Mål ${i}.`,
      activities: "Stödsamtal.",
      startDate: "2026-10-01",
      followUpDate: "2026-12-01",
      basedOnVersion,
    });
  const plan = () =>
    database()
      .owner.selectFrom("implementation_plan")
      .select(["id", "goals", "version"])
      .where("decision_id", "=", decisionId)
      .execute();
  const winner = (outcome: Awaited<ReturnType<typeof race>>) =>
    outcome.responses.findIndex((r) => r.statusCode === 200);

  it("writes a new plan once", async () => {
    const outcome = await race(n, (i) => save(i, null));
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual([
      "conflict: Någon annan har redan skrivit en plan för det här beslutet. Din text är inte sparad – kopiera den om du vill behålla den, och ladda om sidan för att se planen.",
    ]);
    expect(await plan()).toEqual([
      expect.objectContaining({ goals: `Mål ${winner(outcome)}.`, version: 1 }),
    ]);
    expect(await allowedEvents(database().owner, "plan.save", caseId)).toBe(1);
  });

  it("changes it once from the version everyone saw", async () => {
    const outcome = await race(n, (i) => save(i, 1));
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(losersSay(outcome)).toEqual([
      "conflict: Någon annan har ändrat planen under tiden. Din ändring är inte sparad – ladda om sidan och gör den i den senaste versionen.",
    ]);
    expect(await plan()).toEqual([
      expect.objectContaining({ goals: `Mål ${winner(outcome)}.`, version: 2 }),
    ]);
    expect(await allowedEvents(database().owner, "plan.save", caseId)).toBe(2);
  });

  it("keeps every follow-up recorded at once", async () => {
    const [{ id } = { id: "" }] = await plan();
    const outcome = await race(n, (i) =>
      call(i, "POST", `/api/cases/${caseId}/plans/${id}/follow-ups`, {
        outcome: "partly_reached",
        notes: `Uppföljning ${i}.`,
        nextFollowUpDate: "2099-01-15",
      }),
    );
    expect(outcome.counts).toEqual({ 200: n });
    const rows = await database()
      .owner.selectFrom("follow_up")
      .select("id")
      .where("plan_id", "=", id)
      .execute();
    expect(rows).toHaveLength(n);
    expect(await allowedEvents(database().owner, "follow_up.record", caseId)).toBe(n);
  });
});
