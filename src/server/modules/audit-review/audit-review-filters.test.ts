import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { invalidCursorMessage } from "../../../shared/validation-messages.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  recordReportOfConcern,
  type Session,
} from "../../testing/factories.ts";

interface EventPage {
  events: { id: number; action: string; outcome: string; actor: { id: string } | null }[];
  nextCursor: string | null;
  total: number | null;
}

/**
 * Issue 15: the log review narrows to allowed or refused events, one kind of action, one
 * user and a period, newest or oldest first, paged by a cursor that knows its order.
 */
describe.each(testDatabaseKinds)("the log review, filtered and sorted (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let personId: string;
  let colleagueId: string;

  const get = (s: Session | null, url: string) =>
    t.app.inject({ method: "GET", url, headers: s ? as(s) : {} });
  const reviewUser = (query: Record<string, string>, s: Session | null = team.manager) =>
    get(s, `/api/audit/users/${team.workerId}?${new URLSearchParams(query)}`);
  const reviewPerson = (query: Record<string, string>) =>
    get(team.manager, `/api/audit/persons/${personId}?${new URLSearchParams(query)}`);

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    const c = (await recordReportOfConcern(t.app, database().owner, team, new Date().toISOString()))
      .case;
    const stored = await database()
      .owner.selectFrom("case")
      .select("person_id")
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    personId = stored.person_id;
    const colleague = await database()
      .owner.selectFrom("role_assignment")
      .select("user_id")
      .where("unit_id", "=", team.unitId)
      .where("role", "=", "caseworker")
      .where("user_id", "<>", team.workerId)
      .executeTakeFirstOrThrow();
    colleagueId = colleague.user_id;
    // Her case read four times by the worker, twice by the colleague (refused: not theirs).
    for (let i = 0; i < 4; i++) await get(team.worker, `/api/cases/${c.id}`);
    for (let i = 0; i < 2; i++) await get(team.colleague, `/api/cases/${c.id}`);
    for (let i = 0; i < 3; i++) await get(team.worker, "/api/cases?scope=mine");
  });
  afterAll(() => t?.close());

  /** Every page of a review, two at a time. */
  async function walk(review: typeof reviewUser, query: Record<string, string>) {
    const events: EventPage["events"] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await review({ limit: "2", ...query, ...(cursor ? { before: cursor } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as EventPage;
      events.push(...page.events);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 30);
    return events;
  }

  it("narrows a user's log to a kind of action, oldest first, across pages", async () => {
    const reads = await walk(reviewUser, { action: "case.read", order: "asc" });
    expect(reads.map((e) => e.action)).toEqual(Array(4).fill("case.read"));
    const ids = reads.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const newest = await walk(reviewUser, { action: "case.read" });
    expect(newest.map((e) => e.id)).toEqual([...ids].reverse());
    const counted = (await reviewUser({ action: "case.list", count: "true" })).json();
    expect((counted as EventPage).total).toBe(3);
  });

  it("narrows a person's review to one user and to refused events", async () => {
    const all = await walk(reviewPerson, {});
    const byColleague = await walk(reviewPerson, { user: colleagueId });
    expect(byColleague.length).toBe(2);
    expect(byColleague.every((e) => e.actor?.id === colleagueId)).toBe(true);
    const refused = await walk(reviewPerson, { outcome: "denied", order: "asc" });
    expect(refused.map((e) => e.id)).toEqual(
      all
        .filter((e) => e.outcome === "denied")
        .map((e) => e.id)
        .reverse(),
    );
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it("narrows to a period of days", async () => {
    const today = stockholmDate(new Date());
    const todays = await walk(reviewUser, { from: today, to: today });
    expect(todays.length).toBeGreaterThanOrEqual(7);
    expect(await walk(reviewUser, { from: "2020-01-01", to: "2020-12-31" })).toEqual([]);
  });

  it("answers bad values with 400 in words, and 401 without a session", async () => {
    for (const [query, field] of [
      [{ outcome: "refused" }, "outcome"],
      [{ action: "case.look" }, "action"],
      [{ user: "Anna" }, "user"],
      [{ order: "up" }, "order"],
      [{ from: "2026-13-01" }, "from"],
      [{ from: "2026-02-01", to: "2026-01-01" }, "to"],
    ] as const) {
      const res = await reviewUser(query);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.fields[field], field).toBeTruthy();
    }
    // A newest-first cursor does not continue an oldest-first review, nor the other way.
    const desc = (await reviewUser({ limit: "1" })).json() as EventPage;
    const asc = (await reviewUser({ limit: "1", order: "asc" })).json() as EventPage;
    for (const [before, order] of [
      [desc.nextCursor, "asc"],
      [asc.nextCursor, "desc"],
    ] as const) {
      const res = await reviewUser({ before: before as string, order });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.before).toBe(invalidCursorMessage);
    }
    expect((await reviewUser({ outcome: "denied" }, null)).statusCode).toBe(401);
  });
});
