import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stayCostByMonth } from "../../../shared/stay-costs.ts";
import { withReporting } from "../../access/transaction.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
} from "../../testing/factories.ts";
import { buildHousingDecision, buildPlace, buildStay } from "../../testing/housing.ts";
import { stayCostFigures } from "../yearly-report/figures-costs.ts";
import { housingKinds, stayFigures } from "./stays.ts";

/** 2025 in one organisation: three cases (two in unit A, one in B), five stays, six enquiries. */
async function seed(owner: ReturnType<ReturnType<typeof useTestDatabase>>["owner"]) {
  const org = await buildOrg(owner);
  const [a, b] = [await buildUnit(owner, org.id), await buildUnit(owner, org.id)];
  const worker = await buildUser(owner, org.id, [{ unitId: a.id, role: "caseworker" }]);
  const manager = await buildUser(owner, org.id, [{ unitId: a.id, role: "unit_manager" }]);
  const analyst = await buildUser(owner, org.id, [{ unitId: null, role: "analyst" }]);
  const person = () => buildPerson(owner, org.id);
  const [p1, p2, p3, c1, c2, c3] = [
    await person(),
    await person(),
    await person(),
    await person(),
    await person(),
    await person(),
  ];
  const open = (unitId: string, personId: string) =>
    buildCase(owner, { orgId: org.id, unitId, personId, openedBy: worker.id });
  const [case1, case2, case3] = [
    await open(a.id, p1.id),
    await open(a.id, p2.id),
    await open(b.id, p3.id),
  ];
  const decide = (
    caseId: string,
    kind: "emergency_flat" | "sheltered_housing" | "other_housing",
    decidedAt: string,
    outcome: "granted" | "denied" = "granted",
  ) =>
    buildHousingDecision(owner, {
      orgId: org.id,
      caseId,
      decidedBy: worker.id,
      kind,
      decidedAt,
      outcome,
    });
  await decide(case1.id, "emergency_flat", "2025-02-01T10:00:00Z");
  await decide(case1.id, "sheltered_housing", "2025-03-01T10:00:00Z");
  await decide(case1.id, "sheltered_housing", "2025-06-01T10:00:00Z");
  await decide(case2.id, "emergency_flat", "2025-05-05T10:00:00Z");
  await decide(case2.id, "sheltered_housing", "2025-05-06T10:00:00Z", "denied");
  await decide(case2.id, "sheltered_housing", "2024-12-31T23:30:00Z"); // 00:30 on 1 January in Sweden
  await decide(case2.id, "other_housing", "2025-12-31T23:30:00Z"); // already 2026 in Sweden
  await decide(case3.id, "other_housing", "2025-07-01T10:00:00Z");
  const place = (
    name: string,
    kind: "emergency_flat" | "sheltered_housing" | "other_housing",
    places: number,
  ) =>
    buildPlace(owner, {
      orgId: org.id,
      unitId: a.id,
      createdBy: manager.id,
      name,
      kind,
      places,
      createdAt: new Date("2020-01-01T00:00:00Z"), // open for the whole year counted
    });
  const flat = await place("A Flat", "emergency_flat", 4);
  const shelter = await place("B Shelter", "sheltered_housing", 6);
  const closed = await place("C Closed", "other_housing", 2);
  await owner
    .updateTable("place")
    .set({ closed_on: "2025-07-02" })
    .where("id", "=", closed.id)
    .execute();
  const seg = (placeId: string, fromOn: string, toOn: string | null = null) => ({
    placeId,
    fromOn,
    toOn,
    priceAdultOre: 0,
    priceChildOre: 0,
  });
  const stay = (
    caseId: string,
    adultId: string,
    childIds: string[],
    segments: ReturnType<typeof seg>[],
    end?: { leftOn: string; endReason: "own_housing" | "back_home" | "left_without_notice" },
    cancelled = false,
  ) =>
    buildStay(owner, {
      orgId: org.id,
      caseId,
      adultId,
      childIds,
      createdBy: worker.id,
      segments,
      ...end,
      cancelled,
    });
  await stay(
    case1.id,
    p1.id,
    [c1.id, c2.id],
    [seg(flat.id, "2024-12-30", "2025-01-05"), seg(shelter.id, "2025-01-05")],
    { leftOn: "2025-01-20", endReason: "own_housing" },
  );
  await stay(case2.id, p2.id, [], [seg(flat.id, "2025-12-25")]);
  await stay(case3.id, p3.id, [c3.id], [seg(shelter.id, "2025-03-01", "2025-03-11")], {
    leftOn: "2025-03-11",
    endReason: "back_home",
  });
  await stay(case1.id, p1.id, [c1.id], [seg(shelter.id, "2025-06-01")], {
    leftOn: "2025-06-03",
    endReason: "left_without_notice",
  });
  await stay(
    case2.id,
    p2.id,
    [c2.id],
    [seg(shelter.id, "2025-04-01", "2025-04-09")],
    undefined,
    true,
  );
  const enquiry = (
    caseId: string,
    placeId: string,
    outcome: string | null,
    answeredAt: string | null,
  ) =>
    owner
      .insertInto("place_enquiry")
      .values({
        id: randomUUID(),
        org_id: org.id,
        place_id: placeId,
        case_id: caseId,
        persons: 1,
        asked_by: worker.id,
        asked_at: new Date("2024-11-01T10:00:00Z"),
        outcome: outcome as "placed" | null,
        reason: outcome && outcome !== "placed" && outcome !== "no_space" ? "Skäl." : null,
        answered_by: outcome ? worker.id : null,
        answered_at: answeredAt ? new Date(answeredAt) : null,
      })
      .execute();
  await enquiry(case1.id, shelter.id, "placed", "2025-01-04T09:00:00Z");
  await enquiry(case2.id, shelter.id, "no_space", "2025-05-01T09:00:00Z");
  await enquiry(case2.id, flat.id, "not_suitable", "2025-05-02T09:00:00Z");
  await enquiry(case3.id, shelter.id, "declined_by_person", "2025-02-10T09:00:00Z");
  await enquiry(case1.id, shelter.id, null, null);
  await enquiry(case1.id, flat.id, "placed", "2024-12-01T09:00:00Z");
  return { org, a, worker, manager, analyst, flat, shelter, closed };
}

describe.each(testDatabaseKinds)("the yearly figures of stays (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof seed>>;
  const figures = (userId: string, units: string[] | null, year = 2025) =>
    withReporting(database().db, { userId, orgId: w.org.id }, (trx) =>
      stayFigures(trx, { orgId: w.org.id, units, year, today: "2026-12-05" }),
    );

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await seed(database().owner);
  });
  afterAll(() => t.app.close());

  it("counts the organisation's year exactly", async () => {
    const f = await figures(w.analyst.id, null);
    expect(f.personsGranted).toEqual({ emergency_flat: 2, sheltered_housing: 2, other_housing: 1 });
    expect(f.accompanyingChildren).toBe(2); // c1 and c3: c2's stays began in 2024 or were cancelled
    expect(f.nights).toEqual({ adults: 38, children: 50 });
    expect(f.staysEnded).toEqual({
      own_housing: 1,
      back_home: 1,
      other_municipality: 0,
      left_without_notice: 1,
      other: 0,
    });
    expect(f.enquiries).toEqual({ placed: 1, no_space: 1, declined_by_person: 1, not_suitable: 1 });
    expect(f.places).toEqual([
      {
        placeId: w.flat.id,
        name: "A Flat",
        kind: "emergency_flat",
        personNights: 19,
        householdNights: 11,
        capacityNights: 365,
        occupancy: 0.0301,
      },
      {
        placeId: w.shelter.id,
        name: "B Shelter",
        kind: "sheltered_housing",
        personNights: 69,
        householdNights: 27,
        capacityNights: 2190,
        occupancy: 0.0315,
      },
      {
        placeId: w.closed.id,
        name: "C Closed",
        kind: "other_housing",
        personNights: 0,
        householdNights: 0,
        capacityNights: 364,
        occupancy: 0,
      },
    ]);
  });

  it("counts a unit manager's units only, as the reporting role's row-level security allows", async () => {
    const f = await figures(w.manager.id, [w.a.id]);
    expect(f.personsGranted).toEqual({ emergency_flat: 2, sheltered_housing: 2, other_housing: 0 });
    expect(f.accompanyingChildren).toBe(1);
    expect(f.nights).toEqual({ adults: 28, children: 40 });
    expect(f.staysEnded).toEqual({
      own_housing: 1,
      back_home: 0,
      other_municipality: 0,
      left_without_notice: 1,
      other: 0,
    });
    expect(f.enquiries).toEqual({ placed: 1, no_space: 1, declined_by_person: 0, not_suitable: 1 });
    expect(f.places.map((p) => [p.name, p.personNights])).toEqual([
      ["A Flat", 19],
      ["B Shelter", 49],
      ["C Closed", 0],
    ]);
    // Even asked for the whole organisation, her role sees only her unit's cases.
    expect((await figures(w.manager.id, null)).nights).toEqual({ adults: 28, children: 40 });
    // A caseworker reports on nothing.
    expect((await figures(w.worker.id, null)).nights).toEqual({ adults: 0, children: 0 });
  });

  it("serves the figures to managers and analysts, small counts hidden outside the unit", async () => {
    const get = async (username: string | null, q: string) =>
      t.app.inject({
        method: "GET",
        url: `/api/statistics/stays?${q}`,
        headers: username ? as(await login(t.app, username)) : {},
      });
    expect((await get(null, "year=2025")).statusCode).toBe(401);
    const bad = await get(w.manager.username, "year=tjugo");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.year).toBe("Ange året, t.ex. 2026.");
    expect((await get(w.worker.username, "year=2025")).statusCode).toBe(403);
    const mine = (await get(w.manager.username, "year=2025")).json();
    expect(mine).toMatchObject({
      scope: "unit",
      suppressed: false,
      accompanyingChildren: 1,
      nights: { adults: 28, children: 40 },
    });
    const org = (await get(w.analyst.username, "year=2025")).json();
    expect(org).toMatchObject({
      scope: "organisation",
      suppressed: true,
      accompanyingChildren: null,
      nights: { adults: 38, children: 50 },
    });
    expect(org.personsGranted).toEqual({
      emergency_flat: null,
      sheltered_housing: null,
      other_housing: null,
    });
    expect(org.places[1]).toMatchObject({
      personNights: 69,
      householdNights: 27,
      occupancy: 0.0315,
    });
    expect(org.places[2]).toMatchObject({ personNights: 0, occupancy: 0 });
  });

  it("costs each year as shared/stay-costs.ts does, stay by stay", async () => {
    const { owner } = database();
    // Prices of their own for each segment (the fixture's are none), as copied at its start.
    await sql`update stay_segment set price_adult_ore = 40000 + (extract(doy from from_on)::int * 7),
        price_child_ore = 15000 + (extract(day from from_on)::int * 3)
      where org_id = ${w.org.id}`.execute(owner);
    const segments = await owner
      .selectFrom("stay_segment as g")
      .innerJoin("stay as s", "s.id", "g.stay_id")
      .innerJoin("place as p", "p.id", "g.place_id")
      .where("s.org_id", "=", w.org.id)
      .where("s.cancelled_at", "is", null)
      .select([
        "g.stay_id",
        "g.place_id",
        "p.kind",
        "g.from_on",
        "g.to_on",
        "g.price_adult_ore",
        "g.price_child_ore",
        "s.left_on",
      ])
      .execute();
    const members = await owner
      .selectFrom("stay_member")
      .where("org_id", "=", w.org.id)
      .select(["stay_id", "role"])
      .execute();
    const day = (d: unknown) => (d === null ? null : String(d).slice(0, 10));
    const kindOf = new Map(segments.map((g) => [g.place_id, g.kind]));
    for (const year of [2024, 2025, 2026]) {
      const window = { from: `${year}-01-01`, to: `${year + 1}-01-01` };
      const today = "2026-12-05";
      const expected: Record<
        string,
        { adultNights: number; childNights: number; costOre: bigint }
      > = {};
      for (const k of housingKinds) expected[k] = { adultNights: 0, childNights: 0, costOre: 0n };
      for (const stayId of new Set(segments.map((g) => g.stay_id))) {
        const own = segments.filter((g) => g.stay_id === stayId);
        const who = members.filter((m) => m.stay_id === stayId);
        const lines = stayCostByMonth(
          {
            adults: who.filter((m) => m.role === "adult").length,
            children: who.filter((m) => m.role === "child").length,
            leftOn: day(own[0]?.left_on ?? null),
            segments: own.map((g) => ({
              placeId: g.place_id,
              fromOn: day(g.from_on) as string,
              toOn: day(g.to_on),
              priceAdultOre: Number(g.price_adult_ore),
              priceChildOre: Number(g.price_child_ore),
            })),
          },
          today < window.to ? today : window.to,
          window,
        );
        for (const line of lines) {
          const sum = expected[kindOf.get(line.placeId) as string];
          if (!sum) continue;
          sum.adultNights += line.adultNights;
          sum.childNights += line.childNights;
          sum.costOre += line.costOre;
        }
      }
      const got = await withReporting(
        database().db,
        { userId: w.analyst.id, orgId: w.org.id },
        (trx) => stayCostFigures(trx, { orgId: w.org.id, units: null, year, today }),
      );
      expect(got, String(year)).toEqual(expected);
      // The fixture's 2025 costs something: the comparison is not of two zeros.
      if (year === 2025) expect(Object.values(expected).some((e) => e.costOre > 0n)).toBe(true);
    }
  });
});
