import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

/*
 * The case's status history grows with every move (and every reopening): the case view
 * carries the newest 20 changes, older ones come a page at a time (shared/api/paging.ts).
 */
describe.each(testDatabaseKinds)("the status history is paged (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worked: Awaited<ReturnType<typeof buildWorkedCase>>;
  const count = 45;
  // Comments number the changes, oldest 1; they happen a second apart, newest last.
  const numbers = (page: { items: { comment: string | null }[] }) =>
    page.items.map((h) => Number(h.comment));
  const range = (from: number, to: number) =>
    Array.from({ length: from - to + 1 }, (_, i) => from - i);
  const get = (url: string, session: Session = worked.session) =>
    t.app.inject({ method: "GET", url, headers: as(session) });
  const reads = async (outcome: "allowed" | "denied") =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("resource_id", "=", worked.caseId)
        .where("action", "=", "case.read")
        .where("outcome", "=", outcome)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await buildTestApp(database());
    worked = await buildWorkedCase(t.app, database().owner);
    const start = Date.now() - count * 1000;
    await database()
      .owner.insertInto("case_status_change")
      .values(
        range(count, 1).map((n) => ({
          org_id: worked.orgId,
          case_id: worked.caseId,
          from_status: "intake",
          to_status: "investigation",
          comment: String(n),
          changed_by: worked.userId,
          // Two changes at the same moment: the id decides their order, and neither is lost.
          changed_at: new Date(start + (n === 26 ? 25 : n) * 1000),
        })),
      )
      .execute();
  });
  afterAll(() => t?.close());

  it("the case shows the newest 20 changes; older pages follow to the first", async () => {
    const view = (await get(`/api/cases/${worked.caseId}`)).json();
    const first = view.statusHistory;
    expect(first.items).toHaveLength(20);
    expect(numbers(first).slice(0, 19)).toEqual(range(45, 27));
    expect(first.nextCursor).toEqual(expect.any(String));
    const url = `/api/cases/${worked.caseId}/status-history`;
    const before = await reads("allowed");
    const second = await get(`${url}?before=${first.nextCursor}`);
    expect(second.statusCode).toBe(200);
    // 26 and 25 share a moment, on either side of the page break: both are shown, once.
    const both = [...numbers(first), ...numbers(second.json())].sort((a, b) => b - a);
    expect(both).toEqual(range(45, 6));
    const last = (await get(`${url}?before=${second.json().nextCursor}`)).json();
    expect(numbers(last)).toEqual(range(5, 1));
    expect(last.nextCursor).toBeNull();
    const all = (await get(`${url}?limit=100`)).json();
    expect(all.items).toHaveLength(45);
    expect(new Set(all.items.map((h: { id: string }) => h.id)).size).toBe(45);
    expect(await reads("allowed")).toBe(before + 3);
  });

  it("refuses a cursor it did not give, in words a person understands", async () => {
    const url = `/api/cases/${worked.caseId}/status-history`;
    const other = await buildWorkedCase(t.app, database().owner);
    const [theirs] = await database()
      .owner.insertInto("case_status_change")
      .values({
        org_id: other.orgId,
        case_id: other.caseId,
        from_status: "intake",
        to_status: "investigation",
        changed_by: other.userId,
      })
      .returning("id")
      .execute();
    // Not an id; an id of nothing; an id of a change in another case.
    for (const before of ["abc", "00000000-0000-4000-8000-000000000000", theirs?.id]) {
      const res = await get(`${url}?before=${before}`);
      expect(res.statusCode, before).toBe(400);
      expect(res.json().error.fields.before).toBe(
        "Listan kunde inte läsas vidare härifrån. Ladda om sidan och försök igen.",
      );
    }
    expect((await get(`${url}?limit=101`)).statusCode).toBe(400);
  });

  it("answers 401 without a session and 404 on another's case, with the attempt in the trail", async () => {
    const url = `/api/cases/${worked.caseId}/status-history`;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const other = await buildWorkedCase(t.app, database().owner);
    const denied = await reads("denied");
    const res = await get(url, other.session);
    expect(res.statusCode).toBe(404);
    expect(await reads("denied")).toBe(denied + 1);
  });
});
