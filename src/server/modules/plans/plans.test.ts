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
    });
    expect(onDenied.json().error.fields).toEqual({
      decisionId: "Välj ett beviljat beslut i det här ärendet.",
    });
    const backwards = await req("PUT", `/api/cases/${caseId}/decisions/${granted.id}/plan`, {
      goals: "x",
      activities: "y",
      startDate: "2026-12-01",
      followUpDate: "2026-11-01",
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
    });
    const plan = saved.json().plans[0];
    expect(plan).toMatchObject({
      interventionName: "Stödsamtal",
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
});
