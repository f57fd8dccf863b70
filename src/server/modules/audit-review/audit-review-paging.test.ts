import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidCursorMessage } from "../../../shared/validation-messages.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildChildUnitTeam, type Session } from "../../testing/factories.ts";

interface EventPage {
  events: { id: number; action: string }[];
  nextCursor: string | null;
  total: number | null;
}

/**
 * The log review pages on the server (issue 14, item 5): newest first by the event's
 * number, a page at a time, the count only when asked, a cursor it did not give → 400.
 */
describe.each(testDatabaseKinds)("the log review, page by page (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    // The worker's trail: seven looks at their (empty) case list.
    for (let i = 0; i < 7; i++) await get(team.worker, "/api/cases?scope=mine");
  });
  afterAll(() => t?.close());

  const get = (s: Session, url: string) => t.app.inject({ method: "GET", url, headers: as(s) });
  const review = (query: Record<string, string>) =>
    get(team.manager, `/api/audit/users/${team.workerId}?${new URLSearchParams(query)}`);

  it("walks the user's whole log once, newest first, with the count only when asked", async () => {
    const ids: number[] = [];
    let cursor: string | null = null;
    let first: EventPage | null = null;
    do {
      const res = await review({
        limit: "3",
        count: "true",
        ...(cursor ? { before: cursor } : {}),
      });
      expect(res.statusCode).toBe(200);
      const page = res.json() as EventPage;
      first ??= page;
      ids.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    const trail = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("actor_user_id", "=", team.workerId)
      .orderBy("id", "desc")
      .execute();
    expect(ids).toEqual(trail.map((r) => r.id));
    expect(first?.total).toBe(trail.length);
    expect(((await review({ limit: "3" })).json() as EventPage).total).toBeNull();
  });

  it("answers a cursor it did not give with 400 and a Swedish message", async () => {
    for (const before of [
      "abc!",
      Buffer.from("0").toString("base64url"),
      "LTE",
      "MTIzNDU2Nzg5MDEyMzQ1Njc",
    ]) {
      const res = await review({ before });
      expect(res.statusCode, before).toBe(400);
      expect(res.json().error.fields.before).toBe(invalidCursorMessage);
    }
  });
});
