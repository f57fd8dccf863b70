import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  recordReportOfConcern,
  type Session,
} from "../../testing/factories.ts";

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();

describe.each(testDatabaseKinds)("the children's track (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let worker: Session;
  let manager: Session;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    ({ worker, manager } = team);
  });
  afterAll(() => t?.close());

  const req = (s: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });

  const report = (receivedAt = hoursAgo(1)) =>
    recordReportOfConcern(t.app, database().owner, team, receivedAt);

  it("wants a protection assessment for each report the same day, and flags it until it is made", async () => {
    const { case: c, intake } = await report();
    const track = (await req(worker, "GET", `/api/cases/${c.id}/child-track`)).json();
    expect(track.reports).toMatchObject([{ intakeId: intake.id, protectionAssessment: null }]);
    expect(track.preliminaryAssessmentDue).toBeTruthy();
    const flagged = (await req(worker, "GET", "/api/worklist")).json().items;
    expect(flagged).toContainEqual(
      expect.objectContaining({ kind: "protection_assessment", caseId: c.id }),
    );

    const done = await req(worker, "POST", `/api/cases/${c.id}/protection-assessments`, {
      intakeId: intake.id,
      needsImmediateProtection: false,
      reasoning: "Barnet är i skolan och hemma hos mamma; ingen akut fara.",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().reports[0].protectionAssessment).toMatchObject({
      needsImmediateProtection: false,
    });
    const after = (await req(worker, "GET", "/api/worklist")).json().items;
    expect(after).not.toContainEqual(
      expect.objectContaining({ kind: "protection_assessment", caseId: c.id }),
    );
    const twice = await req(worker, "POST", `/api/cases/${c.id}/protection-assessments`, {
      intakeId: intake.id,
      needsImmediateProtection: true,
      reasoning: "x",
    });
    expect(twice.statusCode).toBe(409);
  });

  const assessProtection = (caseId: string, intakeId: string) =>
    req(worker, "POST", `/api/cases/${caseId}/protection-assessments`, {
      intakeId,
      needsImmediateProtection: false,
      reasoning: "Barnet är tryggt hos mamma i dag.",
    });

  it("refuses the preliminary decision while a report of concern has no protection assessment", async () => {
    const { case: c, intake } = await report();
    const early = await req(worker, "POST", `/api/cases/${c.id}/preliminary-decision`, {
      openInvestigation: true,
      reasoning: "Uppgifter om våld i hemmet.",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(
      "Gör skyddsbedömningen av varje orosanmälan innan förhandsbedömningen avslutas.",
    );
    const view = (await req(worker, "GET", `/api/cases/${c.id}`)).json();
    expect(view.status).toBe("preliminary_assessment");
    const track = (await req(worker, "GET", `/api/cases/${c.id}/child-track`)).json();
    expect(track.preliminaryDecision).toBeNull();

    expect((await assessProtection(c.id, intake.id)).statusCode).toBe(200);
    const decided = await req(worker, "POST", `/api/cases/${c.id}/preliminary-decision`, {
      openInvestigation: true,
      reasoning: "Uppgifter om våld i hemmet.",
    });
    expect(decided.statusCode).toBe(200);
  });

  it("opens an investigation by preliminary decision, and its four months can be extended only by the manager's decision", async () => {
    const { case: c, intake } = await report();
    await assessProtection(c.id, intake.id);
    const decided = await req(worker, "POST", `/api/cases/${c.id}/preliminary-decision`, {
      openInvestigation: true,
      reasoning: "Uppgifter om våld i hemmet.",
    });
    expect(decided.json()).toMatchObject({
      preliminaryDecision: { openInvestigation: true },
      preliminaryAssessmentDue: null,
    });
    const due = decided.json().investigationDue as string;
    expect(new Date(due).getTime() - Date.now()).toBeGreaterThan(115 * 86_400_000);

    const byWorker = await req(worker, "POST", `/api/cases/${c.id}/investigation-extensions`, {
      extendedUntil: "2099-01-31",
      reason: "Väntar på utlåtande från BUP.",
    });
    expect(byWorker.statusCode).toBe(403);
    const shorter = await req(manager, "POST", `/api/cases/${c.id}/investigation-extensions`, {
      extendedUntil: "2020-01-01",
      reason: "Väntar på utlåtande från BUP.",
    });
    expect(shorter.json().error.fields).toEqual({
      extendedUntil: "Förlängningen måste gå längre än nuvarande sista dag.",
    });
    const extended = await req(manager, "POST", `/api/cases/${c.id}/investigation-extensions`, {
      extendedUntil: "2099-01-31",
      reason: "Väntar på utlåtande från BUP.",
    });
    expect(extended.json().investigationDue).toBe("2099-01-31T22:59:59.999Z");
    expect(extended.json().extensions).toMatchObject([
      { extendedUntil: "2099-01-31", reason: "Väntar på utlåtande från BUP." },
    ]);
  });

  it("closes the case when the preliminary assessment decides against an investigation", async () => {
    const { case: c, intake } = await report();
    await assessProtection(c.id, intake.id);
    await req(worker, "POST", `/api/cases/${c.id}/preliminary-decision`, {
      openInvestigation: false,
      reasoning: "Uppgifterna är redan kända och hanterade.",
    });
    const view = (await req(worker, "GET", `/api/cases/${c.id}`)).json();
    expect(view).toMatchObject({ status: "closed", closedReason: "no_investigation_opened" });
    expect(
      (
        await req(worker, "POST", `/api/cases/${c.id}/preliminary-decision`, {
          openInvestigation: true,
          reasoning: "x",
        })
      ).statusCode,
    ).toBe(409);
  });
});
