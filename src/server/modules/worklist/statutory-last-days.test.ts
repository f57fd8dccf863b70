import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  openChildInvestigation,
  recordReportOfConcern,
  type Session,
} from "../../testing/factories.ts";

/*
 * Issue 11, item 4: statutory last days under lag (1930:173), as the API tells them — the
 * counted day (Att göra warns from it) and the last day moved past a day off, with why.
 * Dates are fixed facts in the past (back-dated where the API records "now").
 */
describe.each(testDatabaseKinds)("statutory last days under lag (1930:173) (%s)", (kind) => {
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
  const worklistOf = async (caseId: string) =>
    ((await req(worker, "GET", "/api/worklist")).json().items as { caseId: string }[]).filter(
      (i) => i.caseId === caseId,
    );

  /** A child's case whose investigation was opened at `openedAt` (back-dated). */
  async function investigationOpened(openedAt: string) {
    const { case: c } = await openChildInvestigation(t.app, database().owner, team, openedAt);
    await sql`update case_status_change set changed_at = ${new Date(openedAt)}
              where case_id = ${c.id} and to_status = 'investigation'`.execute(database().owner);
    return c.id as string;
  }

  it("moves the preliminary assessment's day 14 from Saturday 14 November 2026 to Monday 16 November, keeping the warning on day 14", async () => {
    const { case: c } = await recordReportOfConcern(
      t.app,
      database().owner,
      team,
      "2026-10-31T09:00:00Z",
    );
    const track = (await req(worker, "GET", `/api/cases/${c.id}/child-track`)).json();
    expect(track.preliminaryAssessmentDue).toBe("2026-11-14T22:59:59.999Z");
    expect(track.preliminaryAssessmentLastDay).toEqual({
      counted: "2026-11-14",
      last: "2026-11-16",
      movedBecause: "saturday",
    });
    expect(await worklistOf(c.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "preliminary_assessment",
          dueDate: "2026-11-14",
          status: "overdue",
          lastDay: { counted: "2026-11-14", last: "2026-11-16", movedBecause: "saturday" },
        }),
        // Same-day duty: no law-moved last day.
        expect.objectContaining({ kind: "protection_assessment", lastDay: null }),
      ]),
    );
  });

  it("moves the investigation's four months from Sunday 28 February 2027, and an extension must go past the moved day", async () => {
    const caseId = await investigationOpened("2026-10-31T10:00:00Z");
    const track = (await req(worker, "GET", `/api/cases/${caseId}/child-track`)).json();
    expect(track.investigationLastDay).toEqual({
      counted: "2027-02-28",
      last: "2027-03-01",
      movedBecause: "sunday",
    });
    const url = `/api/cases/${caseId}/investigation-extensions`;
    const toLastDay = await req(manager, "POST", url, {
      extendedUntil: "2027-03-01",
      reason: "Väntar på utlåtande från BUP.",
    });
    expect(toLastDay.statusCode).toBe(400);
    expect(toLastDay.json().error.fields).toEqual({
      extendedUntil: "Förlängningen måste gå längre än nuvarande sista dag.",
    });
    const extended = await req(manager, "POST", url, {
      extendedUntil: "2027-06-06",
      reason: "Väntar på utlåtande från BUP.",
    });
    expect(extended.statusCode).toBe(200);
    expect(extended.json().investigationLastDay).toEqual({
      counted: "2027-06-06",
      last: "2027-06-07",
      movedBecause: "national_day",
    });
  });

  it("lists an investigation on Att göra from its decided extension, not the four months it replaced", async () => {
    const caseId = await investigationOpened("2026-07-15T10:00:00Z");
    expect(await worklistOf(caseId)).toContainEqual(
      expect.objectContaining({ kind: "child_investigation", status: "overdue" }),
    );
    const extended = await req(manager, "POST", `/api/cases/${caseId}/investigation-extensions`, {
      extendedUntil: "2099-01-31",
      reason: "Väntar på utlåtande från BUP.",
    });
    expect(extended.statusCode).toBe(200);
    expect(await worklistOf(caseId)).not.toContainEqual(
      expect.objectContaining({ kind: "child_investigation" }),
    );
  });

  it("moves the lag (2024:79) week to the court, the court's week and the six-monthly review", async () => {
    const { case: c } = await openChildInvestigation(
      t.app,
      database().owner,
      team,
      new Date().toISOString(),
    );
    const decided = await req(worker, "POST", `/api/cases/${c.id}/decisions`, {
      interventionKind: "sheltered_housing",
      outcome: "granted",
      periodFrom: stockholmDate(new Date()),
      reasoning: "Barnet följer med sin mamma till skyddat boende.",
      childPlacement: {
        basis: "court_2024_79",
        consents: [{ custodianName: "Anna Andersson", form: "oral", givenOn: "2026-11-01" }],
        immediate: true,
        locationWithheld: true,
      },
    });
    expect(decided.statusCode).toBe(201);
    const decisionId = decided.json().id as string;
    // Decided Saturday 31 October 2026, in force from 31 August: one week on is Saturday
    // 7 November; six months on is Sunday 28 February 2027.
    await sql`update decision set decided_at = ${new Date("2026-10-31T10:00:00Z")},
              period_from = '2026-08-31' where id = ${decisionId}`.execute(database().owner);
    const placement = async () =>
      (
        (await req(worker, "GET", `/api/cases/${c.id}/decisions`)).json().decisions as {
          id: string;
          childPlacement: Record<string, unknown>;
        }[]
      ).find((d) => d.id === decisionId)?.childPlacement;
    expect(await placement()).toMatchObject({
      courtSubmissionDue: "2026-11-07",
      courtSubmissionLastDay: {
        counted: "2026-11-07",
        last: "2026-11-09",
        movedBecause: "saturday",
      },
      nextReviewLastDay: { counted: "2027-02-28", last: "2027-03-01", movedBecause: "sunday" },
    });
    expect(await worklistOf(c.id)).toContainEqual(
      expect.objectContaining({
        kind: "court_submission",
        dueDate: "2026-11-07",
        lastDay: { counted: "2026-11-07", last: "2026-11-09", movedBecause: "saturday" },
      }),
    );
    await sql`update child_placement set court_submitted_on = '2026-12-17'
              where decision_id = ${decisionId}`.execute(database().owner);
    expect(await placement()).toMatchObject({
      courtRulingDue: "2026-12-24",
      courtRulingLastDay: {
        counted: "2026-12-24",
        last: "2026-12-28",
        movedBecause: "christmas_eve",
      },
    });
  });
});
