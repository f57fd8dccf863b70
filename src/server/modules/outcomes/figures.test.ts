import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { withReporting } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  buildChildUnitTeam,
  buildUnit,
  buildUser,
  login,
  openChildInvestigation,
  type Session,
} from "../../testing/factories.ts";
import { outcomeSteps } from "../../testing/outcomes.ts";
import { outcomeFigures } from "./figures.ts";

/*
 * Issue 20, items 3–4: the person's outcome measures over time, and the year's outcome
 * figures counted from records made through the API, exact.
 */
describe.each(testDatabaseKinds)("outcome measures and the year's figures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let steps: ReturnType<typeof outcomeSteps>;
  let outsider: Session;
  const year = Number(stockholmDate(new Date()).slice(0, 4));
  const safety = "outcome_safety_empowerment";

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    team = await buildChildUnitTeam(t.app, owner);
    steps = outcomeSteps(t.app, owner, team.orgId);
    const unit = await buildUnit(owner, team.orgId);
    const worker = await buildUser(owner, team.orgId, [{ unitId: unit.id, role: "caseworker" }]);
    outsider = await login(t.app, worker.username);
  });
  afterAll(() => t?.close());

  const investigated = async () => {
    const c = await steps.openCase(team.worker, team.workerId, team.unitId);
    await steps.move(team.worker, c.caseId, "investigation");
    return c;
  };

  it("shows a person's measures as totals by date, to those who may see her, audited", async () => {
    const { caseId, personId } = await investigated();
    await steps.measure(team.worker, caseId, safety, 2, `${year}-01-15`);
    await steps.measure(team.worker, caseId, safety, 4, `${year}-02-15`);
    const url = `/api/persons/${personId}/outcome-measures`;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const bad = await steps.send(team.worker, "GET", "/api/persons/nej/outcome-measures");
    expect(bad.statusCode).toBe(400);
    expect((await steps.send(outsider, "GET", url)).statusCode).toBe(404);
    const res = await steps.send(team.worker, "GET", url);
    expect(res.statusCode).toBe(200);
    expect(res.json().series).toEqual([
      {
        instrumentId: safety,
        name: "Uppföljning: trygghet och egenmakt",
        maxTotal: 30,
        points: [
          expect.objectContaining({ caseId, assessedOn: `${year}-01-15`, total: 12 }),
          expect.objectContaining({ caseId, assessedOn: `${year}-02-15`, total: 24 }),
        ],
      },
    ]);
    const trail = await database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "case_ids"])
      .where("resource_id", "=", personId)
      .where("action", "=", "outcome_measures.read")
      .orderBy("id")
      .execute();
    expect(trail).toEqual([
      { outcome: "denied", case_ids: null },
      { outcome: "allowed", case_ids: [caseId] },
    ]);
    // A measure of change is no risk assessment: the case's current risk stays unset.
    const view = (await steps.send(team.worker, "GET", `/api/cases/${caseId}`)).json();
    expect(view.currentRisk).toBeNull();
    const risk = (
      await steps.send(team.worker, "GET", `/api/persons/${personId}/risk-history`)
    ).json();
    expect(risk.points).toEqual([]);
  });

  it("counts the year's closed cases by goal reached and case type, and the mean change", async () => {
    // An organisation of its own, so that only what this test records is counted.
    const { owner } = database();
    const w = await buildChildUnitTeam(t.app, owner);
    const st = outcomeSteps(t.app, owner, w.orgId);
    const manager = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "unit_manager" }]);
    const unit = await buildUnit(owner, w.orgId);
    const other = await buildUser(owner, w.orgId, [{ unitId: unit.id, role: "caseworker" }]);
    const otherSession = await login(t.app, other.username);
    const closeWith = async (goalReached: string, baseline?: number, latest?: number) => {
      const c = await st.openCase(w.worker, w.workerId, w.unitId);
      await st.move(w.worker, c.caseId, "investigation");
      if (baseline !== undefined)
        await st.measure(w.worker, c.caseId, safety, baseline, `${year}-01-10`);
      if (latest !== undefined)
        await st.measure(w.worker, c.caseId, safety, latest, `${year}-03-10`);
      const reason = goalReached === "not_assessed" ? "Flyttade." : null;
      const res = await st.close(w.worker, c.caseId, {
        goalReached: goalReached as "wholly",
        notAssessedReason: reason,
      });
      expect(res.statusCode).toBe(200);
      return c;
    };
    // Persons measured twice: 2 → 4 (+12) and 3 → 4 (+6); once only: not counted.
    await closeWith("wholly", 2, 4);
    await closeWith("partly", 3, 4);
    await closeWith("not", 1);
    await closeWith("partly");
    // Closed at intake: no goal, no outcome.
    const early = await st.openCase(w.worker, w.workerId, w.unitId);
    expect((await st.close(w.worker, early.caseId, null)).statusCode).toBe(200);
    // Closed, then reopened: not closed this year any more.
    const reopened = await closeWith("wholly");
    await st.move(w.worker, reopened.caseId, "intake", "Ny anmälan.");
    // A child's case, investigated and closed without an assessed goal.
    const child = await openChildInvestigation(t.app, owner, w, new Date().toISOString());
    const closedChild = await st.close(w.worker, child.case.id, {
      goalReached: "not_assessed",
      notAssessedReason: "Familjen flyttade.",
    });
    expect(closedChild.statusCode).toBe(200);
    // Another unit's case, closed with its goal reached: not the manager's unit to count.
    const theirs = await st.openCase(otherSession, other.id, unit.id);
    await st.move(otherSession, theirs.caseId, "investigation");
    expect(
      (await st.close(otherSession, theirs.caseId, { goalReached: "wholly" })).statusCode,
    ).toBe(200);

    const figures = (units: string[] | null, y = year) =>
      withReporting(database().db, { userId: manager.id, orgId: w.orgId }, (trx) =>
        outcomeFigures(trx, { orgId: w.orgId, units }, y),
      );
    const none = { persons: 0, meanChange: null };
    const expected = {
      year,
      closed: [
        { caseType: "adult_victim", goalReached: "wholly", count: 1 },
        { caseType: "adult_victim", goalReached: "partly", count: 2 },
        { caseType: "adult_victim", goalReached: "not", count: 1 },
        { caseType: "adult_victim", goalReached: "none", count: 1 },
        { caseType: "child", goalReached: "not_assessed", count: 1 },
      ],
      adultVictimClosed: 5,
      adultVictimGoalReached: 3,
      measures: [
        {
          instrumentId: safety,
          name: "Uppföljning: trygghet och egenmakt",
          persons: 2,
          meanChange: 9,
        },
        {
          instrumentId: "outcome_treatment_change",
          name: "Uppföljning: förändring i behandling",
          ...none,
        },
        {
          instrumentId: "outcome_child_wellbeing",
          name: "Uppföljning: barnets välmående",
          ...none,
        },
      ],
    };
    expect(await figures([w.unitId])).toEqual(expected);
    // The manager reports on her unit only: the organisation's scope gives her the same.
    expect(await figures(null)).toEqual(expected);
    const lastYear = await figures(null, year - 1);
    expect(lastYear).toMatchObject({ closed: [], adultVictimClosed: 0, adultVictimGoalReached: 0 });
  });
});
