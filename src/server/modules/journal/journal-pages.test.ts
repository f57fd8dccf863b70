import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";

/*
 * The journal grows with every conversation: GET …/journal answers the newest 20 signed
 * entries (newest event first) and the caller's own drafts; older pages come with `before`
 * (shared/api/paging.ts). A correction and what it corrects may land on different pages:
 * each still says what it is to the other.
 */
describe.each(testDatabaseKinds)("the journal is paged (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worked: Awaited<ReturnType<typeof buildWorkedCase>>;
  const count = 45;
  const ids = new Map<number, string>();
  let draftId: string;
  let start: number;
  interface Entry {
    id: string;
    body: string;
    corrects: { id: string; occurredAt: string } | null;
    correctedBy: { id: string }[];
  }
  interface JournalPage {
    items: Entry[];
    drafts: Entry[];
    nextCursor: string | null;
  }
  // Bodies number the entries, oldest 1; their events are a second apart, newest last.
  const numbers = (page: JournalPage) => page.items.map((e) => Number(e.body));
  const range = (from: number, to: number) =>
    Array.from({ length: from - to + 1 }, (_, i) => from - i);
  const get = (url: string, session: Session = worked.session) =>
    t.app.inject({ method: "GET", url, headers: as(session) });
  const url = () => `/api/cases/${worked.caseId}/journal`;
  const reads = async (outcome: "allowed" | "denied") =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("resource_id", "=", worked.caseId)
        .where("action", "=", "journal.read")
        .where("outcome", "=", outcome)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await buildTestApp(database());
    worked = await buildWorkedCase(t.app, database().owner);
    start = Date.parse("2026-10-01T08:00:00Z");
    for (const n of range(count, 1)) ids.set(n, randomUUID());
    const entry = (n: number, extra: object = {}) => ({
      id: ids.get(n) as string,
      org_id: worked.orgId,
      case_id: worked.caseId,
      author_id: worked.userId,
      entry_type: "conversation" as const,
      // Two entries about the same moment, on either side of a page break.
      occurred_at: new Date(start + (n === 26 ? 25 : n) * 1000),
      written_at: new Date(start + 100_000),
      body: String(n),
      signed_at: new Date(start + 100_000),
      ...extra,
    });
    const { owner } = database();
    // Entry 45, on the first page, corrects entry 3, on the third.
    await owner
      .insertInto("journal_entry")
      .values(range(count - 1, 1).map((n) => entry(n)))
      .execute();
    await owner
      .insertInto("journal_entry")
      .values(entry(count, { corrects_id: ids.get(3) }))
      .execute();
    // A draft about an old event: its author must not have to page to find it.
    draftId = randomUUID();
    await owner
      .insertInto("journal_entry")
      .values({ ...entry(2), id: draftId, body: "utkast", signed_at: null })
      .execute();
  });
  afterAll(() => t?.close());

  it("answers the newest 20 signed entries and my drafts; older pages follow to the first", async () => {
    const before = await reads("allowed");
    const first: JournalPage = (await get(url())).json();
    expect(first.items).toHaveLength(20);
    expect(numbers(first).slice(0, 19)).toEqual(range(45, 27));
    expect(first.drafts.map((d) => d.id)).toEqual([draftId]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await get(`${url()}?before=${first.nextCursor}`);
    expect(second.statusCode).toBe(200);
    expect(second.json().drafts).toEqual([]);
    // 26 and 25 share a moment, on either side of the page break: both are shown, once.
    const both = [...numbers(first), ...numbers(second.json())].sort((a, b) => b - a);
    expect(both).toEqual(range(45, 6));
    const last: JournalPage = (await get(`${url()}?before=${second.json().nextCursor}`)).json();
    expect(numbers(last)).toEqual(range(5, 1));
    expect(last.nextCursor).toBeNull();
    const all: JournalPage = (await get(`${url()}?limit=100`)).json();
    expect(all.items).toHaveLength(45);
    expect(new Set(all.items.map((e) => e.id)).size).toBe(45);
    // One journal.read per request, as before paging.
    expect(await reads("allowed")).toBe(before + 4);
  });

  it("keeps a correction and the entry it corrects telling of each other across pages", async () => {
    const first: JournalPage = (await get(url())).json();
    const correction = first.items.find((e) => e.body === "45");
    expect(correction?.corrects).toEqual({
      id: ids.get(3),
      occurredAt: new Date(start + 3000).toISOString(),
    });
    const page3: JournalPage = (await get(`${url()}?before=${ids.get(6)}`)).json();
    const corrected = page3.items.find((e) => e.body === "3");
    expect(corrected?.correctedBy.map((c) => c.id)).toEqual([ids.get(count)]);
  });

  it("refuses a cursor it did not give, in words a person understands", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const theirs = randomUUID();
    await database()
      .owner.insertInto("journal_entry")
      .values({
        id: theirs,
        org_id: other.orgId,
        case_id: other.caseId,
        author_id: other.userId,
        entry_type: "phone",
        occurred_at: new Date(start),
        body: "Annat ärende.",
        signed_at: new Date(start),
      })
      .execute();
    // Not an id; an id of nothing; another case's entry; a draft (never a cursor we give).
    for (const before of ["abc", "00000000-0000-4000-8000-000000000000", theirs, draftId]) {
      const res = await get(`${url()}?before=${before}`);
      expect(res.statusCode, before).toBe(400);
      expect(res.json().error.fields.before).toBe(
        "Listan kunde inte läsas vidare härifrån. Ladda om sidan och försök igen.",
      );
    }
    expect((await get(`${url()}?limit=101`)).statusCode).toBe(400);
    expect((await get(`${url()}?limit=0`)).statusCode).toBe(400);
  });

  it("answers 401 without a session and 404 on another's case, with the attempt in the trail", async () => {
    expect((await t.app.inject({ method: "GET", url: url() })).statusCode).toBe(401);
    const other = await buildWorkedCase(t.app, database().owner);
    const denied = await reads("denied");
    const res = await get(`${url()}?before=${ids.get(20)}`, other.session);
    expect(res.statusCode).toBe(404);
    expect(await reads("denied")).toBe(denied + 1);
  });
});
