import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import { buildStayWorld, type StayWorld } from "../../testing/stays.ts";
import { ageOn } from "./boys-age.ts";

/**
 * A place's age limit for boys (issue 16, item 1: "boys' age limit"): a stay that begins, or
 * moves, at a place whose limit is below a boy's age on that day is refused with a 400 that
 * names the boy, so the caseworker can choose another place before the family arrives. The
 * limit is the oldest age taken: a boy of exactly the limit is accepted; girls are not counted.
 */
describe.each(testDatabaseKinds)("stays: boys' age limit (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: StayWorld;
  const today = stockholmDate(new Date());
  const yearsAgo = (years: number, on = today) => addMonths(on, -12 * years);

  beforeAll(async () => {
    t = await buildTestApp(database());
    s = await buildStayWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: as(s.worker), payload });

  it("refuses a boy older than the limit on the planned first day, naming him; takes a boy of the limit and an older girl", async () => {
    const a = await s.adultCase();
    const decisionId = await s.decision(a.caseId, { kind: "emergency_flat" });
    const placeId = await s.place({ kind: "emergency_flat", boysAgeLimit: 12 });
    const start = addDays(today, 10);
    const older = await s.child(a);
    // Turns thirteen on the planned first day: over the limit then.
    await s.born(older.id, "male", yearsAgo(13, start));
    const twelve = await s.child(a);
    // Turns thirteen the day after the start: twelve on the day, accepted.
    await s.born(twelve.id, "male", addDays(yearsAgo(13, start), 1));
    const girl = await s.child(a);
    await s.born(girl.id, "female", yearsAgo(16, start));
    const body = { decisionId, placeId, plannedFrom: start };

    const refused = await post(`/api/cases/${a.caseId}/stays`, {
      ...body,
      children: [twelve.id, older.id, girl.id],
    });
    expect(refused.statusCode, refused.body).toBe(400);
    const fields = refused.json().error.fields;
    expect(Object.keys(fields)).toEqual(["children.1"]);
    expect(fields["children.1"]).toContain(`${older.given_name} ${older.family_name}`);
    expect(fields["children.1"]).toContain("12 år");
    expect(fields["children.1"]).not.toContain(twelve.given_name);
    const none = await database()
      .owner.selectFrom("stay")
      .select("id")
      .where("case_id", "=", a.caseId)
      .execute();
    expect(none).toEqual([]);

    const taken = await post(`/api/cases/${a.caseId}/stays`, {
      ...body,
      children: [twelve.id, girl.id],
    });
    expect(taken.statusCode, taken.body).toBe(201);
  });

  it("refuses a move to a place whose limit a boy is over on the day of the move", async () => {
    const a = await s.adultCase();
    const decisionId = await s.decision(a.caseId, { kind: "sheltered_housing" });
    const from = await s.place({ kind: "sheltered_housing" });
    const strict = await s.place({ kind: "sheltered_housing", boysAgeLimit: 10 });
    const boy = await s.child(a);
    await s.born(boy.id, "male", yearsAgo(11));
    await s.decision(boy.caseId, {
      kind: "sheltered_housing",
      placement: { basis: "custodians_consent" },
    });
    const stay = await post(`/api/cases/${a.caseId}/stays`, {
      decisionId,
      placeId: from,
      plannedFrom: today,
      children: [boy.id],
    });
    expect(stay.statusCode, stay.body).toBe(201);
    const move = await post(`/api/stays/${stay.json().id}/moves`, {
      placeId: strict,
      movedOn: addDays(today, 2),
    });
    expect(move.statusCode, move.body).toBe(400);
    expect(move.json().error.fields.placeId).toContain(`${boy.given_name} ${boy.family_name}`);
    const segments = await database()
      .owner.selectFrom("stay_segment")
      .select("place_id")
      .where("stay_id", "=", stay.json().id)
      .execute();
    expect(segments).toEqual([{ place_id: from }]);
  });
});

describe("ageOn", () => {
  it("counts full years, a birthday counting on its day, 29 February on 1 March", () => {
    expect(ageOn("2013-05-10", "2026-05-09")).toBe(12);
    expect(ageOn("2013-05-10", "2026-05-10")).toBe(13);
    expect(ageOn("2012-02-29", "2025-02-28")).toBe(12);
    expect(ageOn("2012-02-29", "2025-03-01")).toBe(13);
    expect(ageOn("2012-02-29", "2024-02-29")).toBe(12);
  });
});
