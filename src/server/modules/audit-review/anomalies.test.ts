import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnomalyList } from "../../../shared/api/log-review.ts";
import { withheldName } from "../../../shared/protection.ts";
import { invalidCursorMessage } from "../../../shared/validation-messages.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, login, type Session } from "../../testing/factories.ts";
import { type LogReviewWorld, seedLogReviewWorld, trailDay } from "./log-review-world.ts";

type Line = AnomalyList["anomalies"][number];

/**
 * Issue 19, item 7: the anomalies of a seeded trail, exactly — for the manager of the unit
 * whose users and persons they are, for a manager of a unit they touch, and for a manager
 * of a unit they do not touch (nothing). The list names persons as a list may; reading it is
 * audited; only unit managers have one.
 */
describe.each(testDatabaseKinds)("the log review's anomalies (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: LogReviewWorld;
  let managerA: Session;
  let managerB: Session;
  let managerC: Session;
  let worker: Session;

  const get = (s: Session | null, query: Record<string, string>) =>
    t.app.inject({
      method: "GET",
      url: `/api/audit/anomalies?${new URLSearchParams(query)}`,
      headers: s ? as(s) : {},
    });
  const week = { from: "2026-03-02", to: "2026-03-08" };

  /** Every line of the week, two at a time. */
  async function walk(s: Session, query: Record<string, string> = {}) {
    const lines: Line[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(s, {
        ...week,
        limit: "2",
        ...query,
        ...(cursor ? { before: cursor } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as AnomalyList;
      lines.push(...page.anomalies);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 30);
    return lines;
  }
  const countsOf = (lines: Line[]) => {
    const counts: Record<string, number> = {};
    for (const l of lines) counts[l.kind] = (counts[l.kind] ?? 0) + 1;
    return counts;
  };

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await seedLogReviewWorld(database().owner);
    managerA = await login(t.app, w.managerA.username);
    managerB = await login(t.app, w.managerB.username);
    managerC = await login(t.app, w.managerC.username);
    worker = await login(t.app, w.w1.username);
  });
  afterAll(() => t?.close());

  it("finds each kind of anomaly in the unit's trail, exactly, paged", async () => {
    const lines = await walk(managerA);
    expect(countsOf(lines)).toEqual({
      many_persons: 2,
      protected_person: 1,
      outside_own_cases: 2,
      outside_unit: 2,
      after_hours: 2,
      same_surname: 1,
      refused: 1,
    });
    expect(new Set(lines.map((l) => l.key)).size).toBe(11);
    // Newest day first.
    const days = lines.map((l) => l.day);
    expect(days).toEqual([...days].sort().reverse());
    const counted = (await get(managerA, { ...week, count: "true" })).json() as AnomalyList;
    expect(counted.total).toBe(11);
    expect(counted.manyPersonsPerDay).toBe(3);

    // w1's first day: five persons in seven reads; w2's second: three in four.
    const many = lines
      .filter((l) => l.kind === "many_persons")
      .map((l) => [l.user.id, l.day, l.events, l.persons, l.person]);
    expect(many).toEqual([
      [w.w2.id, trailDay.second, 4, 3, null],
      [w.w1.id, trailDay.first, 7, 5, null],
    ]);
    const late = lines.filter((l) => l.kind === "after_hours").map((l) => [l.user.id, l.day]);
    expect(late.sort()).toEqual(
      [
        [w.w1.id, trailDay.first],
        [w.w2.id, trailDay.saturday],
      ].sort(),
    );
    const refused = lines.find((l) => l.kind === "refused");
    expect(refused).toMatchObject({ events: 2, user: { id: w.w2.id } });
  });

  it("names a person as a list may, and not one the manager may not see", async () => {
    const lines = await walk(managerA);
    const prot = lines.find((l) => l.kind === "protected_person");
    expect(prot?.person).toMatchObject({
      id: w.fictitious.id,
      name: withheldName,
      protected: true,
    });
    const surname = lines.find((l) => l.kind === "same_surname");
    expect(surname?.person?.name).toBe(`Karin ${w.sharedSurname}`);
    // Unit B's person, read by unit A's worker: the manager of A may not see her.
    const outside = lines.find((l) => l.kind === "outside_unit" && l.person?.id === w.personB.id);
    expect(outside?.person?.name).toBe("–");
    expect(outside?.user.id).toBe(w.w1.id);
  });

  it("shows another unit's manager only what touches that unit, a third nothing", async () => {
    const b = await walk(managerB);
    // Unit A's worker read B's person; B's worker read A's person.
    expect(b.map((l) => [l.kind, l.user.id, l.person?.id]).sort()).toEqual(
      [
        ["outside_unit", w.w1.id, w.personB.id],
        ["outside_unit", w.wB.id, w.personA1.id],
      ].sort(),
    );
    expect(await walk(managerC)).toEqual([]);
  });

  it("audits the list, naming the persons it showed", async () => {
    const before = await countEvents("audit.anomalies", w.managerA.id, "allowed");
    await get(managerA, { ...week, kind: "protected_person" });
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["person_ids", "data"])
      .where("action", "=", "audit.anomalies")
      .where("actor_user_id", "=", w.managerA.id)
      .orderBy("id", "desc")
      .execute();
    expect(events.length).toBe(before + 1);
    expect(events[0]?.person_ids).toEqual([w.fictitious.id]);
    expect(events[0]?.data).toEqual({ ...week, shown: 1 });
  });

  it("is for unit managers only: 404 audited, 401 without a session", async () => {
    const res = await get(worker, week);
    expect(res.statusCode).toBe(404);
    expect(await countEvents("audit.anomalies", w.w1.id, "denied")).toBe(1);
    expect((await get(null, week)).statusCode).toBe(401);
  });

  it("answers bad values with 400 in words", async () => {
    for (const [query, field] of [
      [{ kind: "snooping" }, "kind"],
      [{ concluded: "maybe" }, "concluded"],
      [{ from: "2026-02-30" }, "from"],
      [{ from: "2026-03-08", to: "2026-03-01" }, "to"],
      [{ from: "2026-01-01", to: "2026-03-01" }, "from"],
      [{ before: "nothing" }, "before"],
    ] as const) {
      const res = await get(managerA, query);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.fields[field], field).toBeTruthy();
    }
    // A cursor of the right form whose day is not in the calendar: 400, not the database's error.
    const impossible = `refused:${w.w1.id}:2026-13-45`;
    expect((await get(managerA, { before: impossible })).statusCode).toBe(400);
    const bad = await get(managerA, { before: "refused:x" });
    expect(bad.json().error.fields.before).toBe(invalidCursorMessage);
  });

  it("lets no manager conclude on their own reads: 403, audited", async () => {
    const own = `after_hours:${w.managerA.id}:2026-03-03`;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/audit/anomalies/conclusions",
      headers: as(managerA),
      payload: { key: own, conclusion: "justified" },
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.message).toMatch(/egna läsningar/);
    expect(await countEvents("audit.conclusion", w.managerA.id, "denied")).toBe(1);
  });

  async function countEvents(action: string, userId: string, outcome: "allowed" | "denied") {
    const rows = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("action", "=", action)
      .where("actor_user_id", "=", userId)
      .where("outcome", "=", outcome)
      .execute();
    return rows.length;
  }
});
