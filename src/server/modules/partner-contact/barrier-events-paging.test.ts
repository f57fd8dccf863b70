import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildPerson,
  buildWorkedCase,
  type Session,
} from "../../testing/factories.ts";

/*
 * The barrier events grow with every missed session and every alert: the first answer
 * carries the newest 20 and, whatever their age, every received event not yet acknowledged
 * (an alert must never hide on page 2); older ones come a page at a time (shared/api/paging.ts).
 */
describe.each(testDatabaseKinds)("the barrier events are paged (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worked: Awaited<ReturnType<typeof buildWorkedCase>>;
  const count = 45;
  // Events numbered oldest 1, a second apart; odd ones sent, even ones received.
  const numberOf = new Map<string, number>();
  const numbers = (items: { id: string }[]) => items.map((e) => numberOf.get(e.id));
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
        .where("action", "=", "barrier_event.read")
        .where("outcome", "=", outcome)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await buildTestApp(database());
    worked = await buildWorkedCase(t.app, database().owner);
    const owner = database().owner;
    const person = await buildPerson(owner, worked.orgId, worked.userId);
    const other = await buildCase(owner, {
      orgId: worked.orgId,
      unitId: worked.unitId,
      personId: person.id,
      openedBy: worked.userId,
      assignees: [],
    });
    const [barrier] = await owner
      .insertInto("barrier")
      .values({
        org_id: worked.orgId,
        case_a_id: worked.caseId,
        case_b_id: other.id,
        reason: "Partnerkontakt",
        purpose: "partner_contact",
        created_by: worked.userId,
      })
      .returning("id")
      .execute();
    const start = Date.now() - count * 1000;
    await owner
      .insertInto("barrier_event")
      .values(
        range(count, 1).map((n) => {
          const id = randomUUID();
          numberOf.set(id, n);
          const sent = n % 2 === 1;
          // Two received risk alerts, old enough for the last page, still unacknowledged.
          const open = n === 2 || n === 4;
          return {
            id,
            org_id: worked.orgId,
            barrier_id: String(barrier?.id),
            from_case_id: sent ? worked.caseId : other.id,
            to_case_id: sent ? other.id : worked.caseId,
            kind: open ? "risk_alert" : "absence",
            level: open ? "high" : null,
            event_on: "2026-01-01",
            created_by: worked.userId,
            // Two events at the same moment: the id decides their order, and neither is lost.
            created_at: new Date(start + (n === 26 ? 25 : n) * 1000),
            acknowledged_at: sent || open ? null : new Date(),
            acknowledged_by: sent || open ? null : worked.userId,
          };
        }),
      )
      .execute();
  });
  afterAll(() => t?.close());

  it("the first answer shows the newest 20 and every open alert; older pages follow", async () => {
    const url = `/api/cases/${worked.caseId}/barrier-events`;
    const before = await reads("allowed");
    const first = (await get(url)).json();
    expect(first.events).toHaveLength(20);
    expect(numbers(first.events).slice(0, 19)).toEqual(range(45, 27));
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(numbers(first.unacknowledged)).toEqual([4, 2]);
    const second = await get(`${url}/history?before=${first.nextCursor}`);
    expect(second.statusCode).toBe(200);
    // 26 and 25 share a moment, on either side of the page break: both are shown, once.
    const both = [...numbers(first.events), ...numbers(second.json().items)];
    expect(both.sort((a = 0, b = 0) => b - a)).toEqual(range(45, 6));
    const last = (await get(`${url}/history?before=${second.json().nextCursor}`)).json();
    expect(numbers(last.items)).toEqual(range(5, 1));
    expect(last.nextCursor).toBeNull();
    const all = (await get(`${url}/history?limit=100`)).json();
    expect(all.items).toHaveLength(45);
    expect(new Set(all.items.map((e: { id: string }) => e.id)).size).toBe(45);
    expect(all.nextCursor).toBeNull();
    // One audit event per request, as before.
    expect(await reads("allowed")).toBe(before + 4);
  });

  it("refuses a cursor it did not give, in words a person understands", async () => {
    const url = `/api/cases/${worked.caseId}/barrier-events/history`;
    const stranger = await buildWorkedCase(t.app, database().owner);
    const theirs = randomUUID();
    const owner = database().owner;
    const strangerCase = await buildCase(owner, {
      orgId: stranger.orgId,
      unitId: stranger.unitId,
      personId: stranger.personId,
      openedBy: stranger.userId,
    });
    const [barrier] = await owner
      .insertInto("barrier")
      .values({
        org_id: stranger.orgId,
        case_a_id: stranger.caseId,
        case_b_id: strangerCase.id,
        reason: "Partnerkontakt",
        purpose: "partner_contact",
        created_by: stranger.userId,
      })
      .returning("id")
      .execute();
    await owner
      .insertInto("barrier_event")
      .values({
        id: theirs,
        org_id: stranger.orgId,
        barrier_id: String(barrier?.id),
        from_case_id: stranger.caseId,
        to_case_id: strangerCase.id,
        kind: "absence",
        event_on: "2026-01-01",
        created_by: stranger.userId,
      })
      .execute();
    // Not an id; an id of nothing; an id of an event of another case.
    for (const before of ["abc", "00000000-0000-4000-8000-000000000000", theirs]) {
      const res = await get(`${url}?before=${before}`);
      expect(res.statusCode, before).toBe(400);
      expect(res.json().error.fields.before).toBe(
        "Listan kunde inte läsas vidare härifrån. Ladda om sidan och försök igen.",
      );
    }
    expect((await get(`${url}?limit=101`)).statusCode).toBe(400);
  });

  it("answers 401 without a session and 404 on another's case, with the attempt in the trail", async () => {
    const url = `/api/cases/${worked.caseId}/barrier-events/history`;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const other = await buildWorkedCase(t.app, database().owner);
    const denied = await reads("denied");
    const res = await get(url, other.session);
    expect(res.statusCode).toBe(404);
    expect(await reads("denied")).toBe(denied + 1);
  });
});
