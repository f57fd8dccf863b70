import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

describe.each(testDatabaseKinds)("implementation plans and follow-ups (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let caseId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    ({ caseId, session: worker } = await buildWorkedCase(t.app, database().owner));
  });
  afterAll(() => t?.close());

  const req = (method: "GET" | "PUT" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(worker), ...(payload ? { payload } : {}) });

  it("plans a granted intervention, follows it up and plans the next follow-up, which the work list watches", async () => {
    await req("POST", `/api/cases/${caseId}/status`, { to: "investigation" });
    const granted = (
      await req("POST", `/api/cases/${caseId}/decisions`, {
        interventionKind: "support_talks",
        outcome: "granted",
        reasoning: "Behov av stöd.",
      })
    ).json();
    const denied = (
      await req("POST", `/api/cases/${caseId}/decisions`, {
        interventionKind: "financial_aid",
        outcome: "denied",
        reasoning: "Över normen.",
      })
    ).json();

    const onDenied = await req("PUT", `/api/cases/${caseId}/decisions/${denied.id}/plan`, {
      goals: "x",
      activities: "y",
      startDate: "2026-11-01",
      followUpDate: "2026-12-01",
      basedOnVersion: null,
    });
    expect(onDenied.json().error.fields).toEqual({
      decisionId: "Välj ett beviljat beslut i det här ärendet.",
    });
    const backwards = await req("PUT", `/api/cases/${caseId}/decisions/${granted.id}/plan`, {
      goals: "x",
      activities: "y",
      startDate: "2026-12-01",
      followUpDate: "2026-11-01",
      basedOnVersion: null,
    });
    expect(backwards.json().error.fields).toEqual({
      followUpDate: "Uppföljningen kan inte ligga före starten.",
    });

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const saved = await req("PUT", `/api/cases/${caseId}/decisions/${granted.id}/plan`, {
      goals: "Känna sig tryggare och ha ett nätverk.",
      activities: "Stödsamtal varannan vecka med Lina Ek.",
      startDate: "2026-10-01",
      followUpDate: yesterday,
      basedOnVersion: null,
    });
    const plan = saved.json().plans[0];
    expect(plan).toMatchObject({
      interventionName: "Stödsamtal",
      version: 1,
      nextFollowUpDate: yesterday,
      followUps: [],
    });
    const due = (await req("GET", "/api/worklist")).json().items;
    expect(due).toContainEqual(
      expect.objectContaining({ kind: "follow_up", caseId, status: "overdue" }),
    );

    const followed = await req("POST", `/api/cases/${caseId}/plans/${plan.id}/follow-ups`, {
      outcome: "partly_reached",
      notes: "Tryggare hemma, nätverket är fortfarande litet.",
      nextFollowUpDate: "2099-01-15",
    });
    expect(followed.json().plans[0]).toMatchObject({
      nextFollowUpDate: "2099-01-15",
      followUps: [{ outcome: "partly_reached" }],
    });
    const after = (await req("GET", "/api/worklist")).json().items;
    expect(after).not.toContainEqual(expect.objectContaining({ kind: "follow_up", caseId }));
  });

  it("changes a plan only from the version the worker saw: a second new plan or a stale change is 409", async () => {
    // The case is under investigation since the test above.
    const decision = (
      await req("POST", `/api/cases/${caseId}/decisions`, {
        interventionKind: "support_talks",
        outcome: "granted",
        reasoning: "Behov av stöd.",
      })
    ).json();
    const url = `/api/cases/${caseId}/decisions/${decision.id}/plan`;
    const body = {
      goals: "Trygghet.",
      activities: "Stödsamtal.",
      startDate: "2026-10-01",
      followUpDate: "2026-12-01",
    };
    const first = await req("PUT", url, { ...body, basedOnVersion: null });
    expect(first.statusCode).toBe(200);
    const again = await req("PUT", url, { ...body, goals: "Annat mål.", basedOnVersion: null });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "conflict",
      message:
        "Någon annan har redan skrivit en plan för det här beslutet. Din text är inte sparad – kopiera den om du vill behålla den, och ladda om sidan för att se planen.",
    });
    const changed = await req("PUT", url, { ...body, goals: "Nytt mål.", basedOnVersion: 1 });
    const plan = (changed.json().plans as { decisionId: string }[]).find(
      (p) => p.decisionId === decision.id,
    );
    expect(plan).toMatchObject({ goals: "Nytt mål.", version: 2 });
    const stale = await req("PUT", url, { ...body, goals: "Gammalt.", basedOnVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(
      "Någon annan har ändrat planen under tiden. Din ändring är inte sparad – ladda om sidan och gör den i den senaste versionen.",
    );
    const saves = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("action", "=", "plan.save")
      .where("resource_id", "=", caseId)
      .where("data", "@>", JSON.stringify({ decisionId: decision.id }))
      .execute();
    expect(saves.map((e) => (e.data as { version: number }).version)).toEqual([1, 2]);
  });
});
