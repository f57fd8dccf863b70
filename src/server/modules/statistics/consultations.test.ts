import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { consultationBody } from "../../testing/consult.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";

/*
 * The consultation log in figures (issue 17, item 3): per quarter and year, by organisation
 * kind, municipality, topic and stage, counts and minutes — exact, from consultations
 * logged as the consultant logs them. Quarters are Swedish time: 00:30 on 1 April in
 * Sweden is still March in UTC, and counts in the second quarter.
 */
describe.each(testDatabaseKinds)("consultations in figures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let unitId: string;
  let consultant: Session;
  let caseworker: Session;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    unitId = (await buildUnit(owner, orgId, "resource_function")).id;
    const crisis = (await buildUnit(owner, orgId, "crisis_centre")).id;
    const adult = (await buildUnit(owner, orgId)).id;
    const u = await buildUser(owner, orgId, [
      { unitId, role: "consultant" },
      { unitId: crisis, role: "therapist" },
    ]);
    consultant = await login(t.app, u.username);
    caseworker = await login(
      t.app,
      (await buildUser(owner, orgId, [{ unitId: adult, role: "caseworker" }])).username,
    );
    const log = [
      consultationBody(unitId, {
        topics: ["honour_related_violence", "child_and_forced_marriage"],
        minutes: 30,
      }),
      consultationBody(unitId, {
        occurredAt: "2026-02-14T13:00:00+01:00",
        askerOrganisationKind: "social_services",
        askerOrganisationName: null,
        municipality: "Vänersborg",
        askerRole: "socialsekreterare",
        stage: "during_investigation",
        minutes: 60,
      }),
      consultationBody(unitId, {
        occurredAt: "2026-04-01T00:30:00+02:00",
        municipality: "trollhättan",
        topics: ["risk_assessment"],
        stage: "at_report",
        minutes: 45,
      }),
      consultationBody(unitId, {
        occurredAt: "2026-11-20T10:00:00+01:00",
        askerOrganisationKind: "barnahus",
        askerOrganisationName: "Barnahus Fyrbodal",
        municipality: "Uddevalla",
        askerRole: "samordnare",
        topics: ["female_genital_mutilation"],
        stage: "during_investigation",
        minutes: 90,
      }),
      // Not counted: the year before (in Swedish time), and another unit's log.
      consultationBody(unitId, { occurredAt: "2025-12-31T23:30:00+01:00", minutes: 500 }),
      consultationBody(crisis, { minutes: 700 }),
    ];
    for (const body of log) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/consultations",
        headers: as(consultant),
        payload: body,
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
  });
  afterAll(() => t?.close());

  const figures = (who: Session, query: string) =>
    t.app.inject({ method: "GET", url: `/api/consultations/figures?${query}`, headers: as(who) });
  const none = { count: 0, minutes: 0 };

  it("counts the year exactly, each breakdown in its order, topics once per topic", async () => {
    const res = await figures(consultant, `unitId=${unitId}&year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const { period, quarters } = res.json();
    expect(period).toMatchObject({ period: "2026", from: "2026-01-01", to: "2026-12-31" });
    expect(period.total).toEqual({ count: 4, minutes: 225 });
    expect(period.byOrganisationKind).toEqual([
      { key: "school", count: 2, minutes: 75 },
      { key: "social_services", count: 1, minutes: 60 },
      { key: "health_care", ...none },
      { key: "police", ...none },
      { key: "barnahus", count: 1, minutes: 90 },
      { key: "other", ...none },
    ]);
    expect(period.byMunicipality).toEqual([
      { key: "Trollhättan", count: 2, minutes: 75 },
      { key: "Uddevalla", count: 1, minutes: 90 },
      { key: "Vänersborg", count: 1, minutes: 60 },
    ]);
    expect(period.byTopic).toEqual([
      { key: "honour_related_violence", count: 2, minutes: 90 },
      { key: "child_and_forced_marriage", count: 1, minutes: 30 },
      { key: "female_genital_mutilation", count: 1, minutes: 90 },
      { key: "trafficking", ...none },
      { key: "sex_for_compensation", ...none },
      { key: "risk_assessment", count: 1, minutes: 45 },
      { key: "protection", ...none },
      { key: "lvu_investigation", ...none },
      { key: "other", ...none },
    ]);
    expect(period.byStage).toEqual([
      { key: "before_report", count: 1, minutes: 30 },
      { key: "at_report", count: 1, minutes: 45 },
      { key: "during_investigation", count: 2, minutes: 150 },
      { key: "after", ...none },
    ]);
    expect(quarters.map((q: { period: string; total: object }) => [q.period, q.total])).toEqual([
      ["2026-Q1", { count: 2, minutes: 90 }],
      ["2026-Q2", { count: 1, minutes: 45 }],
      ["2026-Q3", none],
      ["2026-Q4", { count: 1, minutes: 90 }],
    ]);
  });

  it("answers one quarter on its own", async () => {
    const res = await figures(consultant, `unitId=${unitId}&year=2026&quarter=2`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().period).toMatchObject({
      period: "2026-Q2",
      from: "2026-04-01",
      to: "2026-06-30",
      total: { count: 1, minutes: 45 },
    });
    expect(res.json().quarters).toEqual([]);
    expect((await figures(consultant, `unitId=${unitId}&year=2025`)).json().period.total).toEqual({
      count: 1,
      minutes: 500,
    });
  });

  it("refuses those outside the unit (403) and a quarter that does not exist (400)", async () => {
    expect((await figures(caseworker, `unitId=${unitId}&year=2026`)).statusCode).toBe(403);
    expect((await figures(consultant, `unitId=${unitId}&year=2026&quarter=5`)).statusCode).toBe(
      400,
    );
  });
});
