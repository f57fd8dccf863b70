import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  buildPerson,
  buildUser,
  login,
  openChildInvestigation,
  recordReportOfConcern,
  type Session,
} from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";

/**
 * The children's track under two people at once (issue 12): the caseworker and the unit
 * manager record the same step of one child's case at the same moment. One succeeds, the
 * other is told what happened (409); the history and the audit trail hold one row per success.
 */
const n = 20;

describe.each(testDatabaseKinds)("concurrent steps in a child's case (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let pair: [Session, Session];
  let managers: [Session, Session];

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    const second = await buildUser(database().owner, team.orgId, [
      { unitId: team.unitId, role: "unit_manager" },
    ]);
    pair = [team.worker, team.manager];
    managers = [team.manager, await login(t.app, second.username)];
  });
  afterAll(() => t?.close());

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: as(s), payload });
  const allowedAudit = async (caseId: string, action: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("resource_id", "=", caseId)
        .where("action", "=", action)
        .where("outcome", "=", "allowed")
        .execute()
    ).length;

  it("records one protection assessment of a report when two record it at once", async () => {
    const report = await recordReportOfConcern(
      t.app,
      database().owner,
      team,
      "2026-11-30T08:00:00Z",
    );
    const caseId = report.case.id;
    const outcome = await race(n, (i) =>
      post(pair[i % 2] as Session, `/api/cases/${caseId}/protection-assessments`, {
        intakeId: report.intake.id,
        needsImmediateProtection: false,
        reasoning: "Barnet är tryggt hos mamma i dag.",
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(await allowedAudit(caseId, "child.protection_assessment")).toBe(1);
  });

  it("decides the preliminary assessment once when two decide at once", async () => {
    const report = await recordReportOfConcern(
      t.app,
      database().owner,
      team,
      "2026-11-30T08:00:00Z",
    );
    const caseId = report.case.id;
    const assessed = await post(team.worker, `/api/cases/${caseId}/protection-assessments`, {
      intakeId: report.intake.id,
      needsImmediateProtection: false,
      reasoning: "Barnet är tryggt hos mamma i dag.",
    });
    expect(assessed.statusCode).toBe(200);
    const outcome = await race(n, (i) =>
      post(pair[i % 2] as Session, `/api/cases/${caseId}/preliminary-decision`, {
        openInvestigation: i % 3 !== 0,
        reasoning: "Uppgifter om våld i hemmet.",
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    const [decisions, history] = await Promise.all([
      database()
        .owner.selectFrom("preliminary_decision")
        .select("id")
        .where("case_id", "=", caseId)
        .execute(),
      database()
        .owner.selectFrom("case_status_change")
        .select("id")
        .where("case_id", "=", caseId)
        .where("from_status", "=", "preliminary_assessment")
        .execute(),
    ]);
    expect(decisions).toHaveLength(1);
    expect(history).toHaveLength(1);
    expect(await allowedAudit(caseId, "child.preliminary_decision")).toBe(1);
  });

  it("extends an investigation once when two managers extend it to the same day at once", async () => {
    const report = await openChildInvestigation(
      t.app,
      database().owner,
      team,
      "2026-11-30T08:00:00Z",
    );
    const caseId = report.case.id;
    const outcome = await race(n, (i) =>
      post(managers[i % 2] as Session, `/api/cases/${caseId}/investigation-extensions`, {
        extendedUntil: "2027-06-30",
        reason: "Väntar på utlåtande från BUP.",
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    const loser = outcome.responses.find((r) => r.statusCode === 409);
    expect(loser?.json().error.message).toMatch(/redan förlängd/);
    expect(await allowedAudit(caseId, "child.extension")).toBe(1);
  });

  it("opens one case for a child when two record reports of concern about the child at once", async () => {
    const { owner } = database();
    const kid = await buildPerson(owner, team.orgId, team.workerId);
    // The managers registered the child too, so either may be the first to record a report.
    const managerIds = await owner
      .selectFrom("role_assignment")
      .select("user_id")
      .where("unit_id", "=", team.unitId)
      .where("role", "=", "unit_manager")
      .execute();
    await owner
      .insertInto("person_registration")
      .values(
        managerIds.map((m) => ({ org_id: team.orgId, person_id: kid.id, user_id: m.user_id })),
      )
      .execute();
    const outcome = await race(n, (i) =>
      post(pair[i % 2] as Session, "/api/intakes", {
        personId: kid.id,
        unitId: team.unitId,
        source: "school",
        channel: "phone",
        receivedAt: "2026-11-30T08:00:00Z",
        kind: "report_of_concern",
        askedAboutViolence: false,
      }),
    );
    // Every report is kept (each is a fact), and they all land in one case.
    expect(outcome.counts).toEqual({ 201: n });
    const cases = await owner
      .selectFrom("case")
      .select("id")
      .where("person_id", "=", kid.id)
      .where("unit_id", "=", team.unitId)
      .execute();
    expect(cases).toHaveLength(1);
    expect(outcome.responses.filter((r) => !r.json().joinedExistingCase)).toHaveLength(1);
    const history = await owner
      .selectFrom("case_status_change")
      .select("id")
      .where("case_id", "=", cases[0]?.id as string)
      .execute();
    expect(history).toHaveLength(1);
  });
});
