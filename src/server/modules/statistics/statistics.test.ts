import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam, buildUser, login, type Session } from "../../testing/factories.ts";

const today = stockholmDate(new Date());

describe.each(testDatabaseKinds)("partner contact in figures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let analyst: Session;

  const call = (session: Session | null, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  const his = (p = "") => `/api/cases/${team.caseId}${p}`;
  const stats = (session: Session | null, query = `from=2026-01-01&to=${today}`) =>
    call(session, "GET", `/api/statistics/partner-contact?${query}`);

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    analyst = await login(
      t.app,
      (await buildUser(database().owner, team.orgId, [{ unitId: null, role: "analyst" }])).username,
    );
    await call(team.therapist, "POST", his("/treatment"), {
      referralSource: "police_probation",
      referredOn: "2026-09-01",
    });
    await call(team.therapist, "POST", his("/partner-contact/information"), {
      informedOn: "2026-09-01",
    });
    await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "current",
      consent: { form: "written", givenOn: "2026-09-02" },
      partner: { givenName: "Siv", familyName: "Siffra", phone: "070-444 44 44" },
    });
    await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "former",
      exception: { kind: "abroad", reason: "Bor sedan länge utomlands." },
    });
    const { partner_case_id } = await database()
      .owner.selectFrom("partner")
      .select("partner_case_id")
      .where("case_id", "=", team.caseId)
      .where("partner_case_id", "is not", null)
      .executeTakeFirstOrThrow();
    const hers = `/api/cases/${partner_case_id}`;
    await call(team.manager, "POST", `${hers}/assignments`, { userId: team.partnerWorkerId });
    await call(team.partnerWorker, "POST", `${hers}/partner-contact/attempts`, {
      method: "phone",
      attemptedOn: "2026-09-04",
      outcome: "accepted",
    });
    await call(team.therapist, "POST", his("/treatment/start"), { startedOn: "2026-09-10" });
    await call(team.therapist, "POST", his("/risk-alerts"), { level: "high", reason: "Oro." });
    const [alert] = (await call(team.partnerWorker, "GET", `${hers}/barrier-events`)).json().events;
    await call(team.partnerWorker, "POST", `${hers}/barrier-events/${alert.id}/acknowledge`);
    await call(team.therapist, "POST", his("/treatment/end"), {
      endedOn: today,
      kind: "dropped_out",
      reason: "Slutade komma.",
      outcome: { goalReached: "not" },
    });
  });
  afterAll(() => t?.close());

  it("asks who is calling, refuses a caseworker (audited), explains a bad period", async () => {
    expect((await stats(null)).statusCode).toBe(401);
    expect((await stats(team.therapist)).statusCode).toBe(403);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("outcome")
      .where("action", "=", "statistics.read")
      .execute();
    expect(denied).toEqual([{ outcome: "denied" }]);
    const backwards = await stats(team.manager, "from=2026-12-31&to=2026-01-01");
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.to).toContain("före den första");
    const missing = await stats(team.manager, "from=2026-01-01");
    expect(missing.json().error.fields.to).toBe("Ange periodens sista dag.");
    expect(
      (await stats(team.manager, `from=2026-01-01&to=${today}&unitId=${crypto.randomUUID()}`))
        .statusCode,
    ).toBe(404);
  });

  it("gives the unit manager the unit's exact counts", async () => {
    const res = await stats(team.manager);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      scope: "unit",
      suppressed: false,
      treatment: {
        inTreatment: 1,
        referred: { self: 0, social_services: 0, police_probation: 1 },
        ended: { completed: 0, dropped_out: 1, ended_by_unit: 0 },
      },
      partnerContact: {
        informed: 1,
        consentGiven: 1,
        consentWithdrawn: 0,
        refused: 0,
        exceptions: { abroad: 1, sheltered_housing: 0 },
      },
      partners: { contacted: 1, reached: 1, accepted: 1, declined: 0, notReachable: 0 },
      alerts: {
        raised: 1,
        fromTreatmentSide: 1,
        fromPartnerSide: 0,
        acknowledged: 1,
        unacknowledged: 0,
      },
    });
    expect(res.json().alerts.medianMinutesToAcknowledge).toBeGreaterThanOrEqual(0);
    // Counts only: no name, number or case in the answer.
    expect(res.body).not.toContain("Siffra");
    expect(res.body).not.toContain(team.caseId);
  });

  it("suppresses 1–4 for an analyst's organisation-wide view; zeros stay", async () => {
    // A period starting mid-month counts from the month's first day.
    const res = await stats(analyst, `from=2026-01-15&to=${today}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      scope: "organisation",
      suppressed: true,
      // Whole months: the period given is widened to the months it touches.
      from: "2026-01-01",
      to: `${today.slice(0, 7)}-${String(new Date(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0).getDate()).padStart(2, "0")}`,
      treatment: { inTreatment: null, referred: { self: 0, police_probation: null } },
      alerts: { raised: null, medianMinutesToAcknowledge: null },
    });
  });
});
