import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidCursorMessage } from "../../../shared/validation-messages.ts";
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
  type Session,
} from "../../testing/factories.ts";

interface CasePage {
  cases: { id: string; person: { id: string } }[];
  nextCursor: string | null;
  total: number | null;
}

/**
 * The case list pages on the server (issue 14, item 5): keyset by (opened_at, id), newest
 * first; a page's cursor carries the last row's place to the microsecond, so no row repeats
 * or goes missing, also while cases are opened meanwhile; a cursor not given by the server
 * answers 400; the count is read only when asked; each page's audit event names that page.
 */
describe.each(testDatabaseKinds)("the case list, page by page (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  let workerId: string;
  let worker: Session;
  let manager: Session;
  /** The worker's cases; three share one opened_at, two more differ from it by 1 µs. */
  const mine: string[] = [];
  /** A colleague's case in the same unit: the manager sees it, the worker never. */
  let notMine: string;

  const owner = () => database().owner;
  const at = (id: string, when: string) =>
    owner()
      .updateTable("case")
      .set({ opened_at: sql`${when}::timestamptz` })
      .where("id", "=", id)
      .execute();

  async function openCase(assignee: string, unit = unitId): Promise<string> {
    const person = await buildPerson(owner(), orgId);
    const c = await buildCase(owner(), {
      orgId,
      unitId: unit,
      personId: person.id,
      openedBy: assignee,
    });
    return c.id;
  }

  beforeAll(async () => {
    t = await buildTestApp(database());
    const org = await buildOrg(owner());
    orgId = org.id;
    unitId = (await buildUnit(owner(), orgId)).id;
    const other = await buildUnit(owner(), orgId);
    const w = await buildUser(owner(), orgId, [{ unitId, role: "caseworker" }]);
    const colleague = await buildUser(owner(), orgId, [{ unitId, role: "caseworker" }]);
    const m = await buildUser(owner(), orgId, [{ unitId, role: "unit_manager" }]);
    workerId = w.id;
    for (let i = 0; i < 7; i++) mine.push(await openCase(w.id));
    const times = [
      "2026-03-01T10:00:00.123456Z",
      "2026-03-01T10:00:00.123456Z",
      "2026-03-01T10:00:00.123456Z",
      "2026-03-01T10:00:00.123457Z",
      "2026-03-01T10:00:00.123455Z",
      "2026-02-01T08:00:00Z",
      "2026-01-01T08:00:00Z",
    ];
    for (const [i, id] of mine.entries()) await at(id, times[i] as string);
    notMine = await openCase(colleague.id);
    // A case in another unit, somebody else's: nobody here sees it.
    await openCase(colleague.id, other.id);
    worker = await login(t.app, w.username);
    manager = await login(t.app, m.username);
  });
  afterAll(() => t?.close());

  const get = (s: Session, url: string) => t.app.inject({ method: "GET", url, headers: as(s) });

  /** The list in the order the server must give it: opened_at, then id, both descending. */
  async function expectedOrder(ids: string[]): Promise<string[]> {
    const rows = await owner()
      .selectFrom("case")
      .select("id")
      .where("id", "in", ids)
      .orderBy("opened_at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map((r) => r.id);
  }

  /** Every page of a list, `limit` at a time, with the answer of each. */
  async function walk(
    s: Session,
    scope: "mine" | "all",
    limit: number,
    between?: () => Promise<void>,
  ) {
    const pages: CasePage[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ scope, limit: String(limit) });
      if (cursor) query.set("before", cursor);
      const res = await get(s, `/api/cases?${query}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as CasePage;
      pages.push(page);
      cursor = page.nextCursor;
      if (pages.length === 1) await between?.();
    } while (cursor !== null && pages.length < 50);
    return pages;
  }

  it("walks the whole list once, newest first, ties broken by id to the microsecond", async () => {
    const pages = await walk(worker, "mine", 2);
    const ids = pages.flatMap((p) => p.cases.map((c) => c.id));
    expect(ids).toEqual(await expectedOrder(mine));
    expect(pages).toHaveLength(4);
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it("cases opened while paging neither repeat nor hide a case", async () => {
    const added: string[] = [];
    const pages = await walk(worker, "mine", 3, async () => {
      // One newer than every case shown (above the pages read), one older (still to come).
      const newer = await openCase(workerId);
      const older = await openCase(workerId);
      await at(older, "2025-06-01T00:00:00Z");
      added.push(newer, older);
    });
    const ids = pages.flatMap((p) => p.cases.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(await expectedOrder([...mine, added[1] as string]));
    mine.push(...added);
  });

  it("a case the reader may not see is on no page", async () => {
    const pages = await walk(worker, "all", 1);
    const ids = pages.flatMap((p) => p.cases.map((c) => c.id));
    expect(ids).toEqual(await expectedOrder(mine));
    expect(ids).not.toContain(notMine);
    const managers = (await walk(manager, "all", 4)).flatMap((p) => p.cases.map((c) => c.id));
    expect(managers).toEqual(await expectedOrder([...mine, notMine]));
  });

  it("answers a cursor it did not give with 400 and a Swedish message", async () => {
    const first = (await get(worker, "/api/cases?scope=mine&limit=1")).json() as CasePage;
    const cursor = first.nextCursor as string;
    const place = Buffer.from(cursor, "base64url").toString();
    const tampered = [
      `${cursor.slice(0, -2)}${cursor.at(-2) === "A" ? "B" : "A"}${cursor.at(-1)}`,
      "not-a-cursor",
      Buffer.from(place.replace(/T\d{2}/, "T25")).toString("base64url"),
      Buffer.from(place.replace("~", "~x")).toString("base64url"),
      Buffer.from("1' or '1'='1").toString("base64url"),
    ];
    for (const before of tampered) {
      const res = await get(worker, `/api/cases?${new URLSearchParams({ scope: "mine", before })}`);
      expect(res.statusCode, before).toBe(400);
      expect(res.json().error.fields.before).toBe(invalidCursorMessage);
    }
    expect((await get(worker, "/api/cases?scope=mine&limit=101")).statusCode).toBe(400);
    expect((await get(worker, "/api/cases?scope=mine&limit=0")).statusCode).toBe(400);
  });

  it("counts the whole list only when asked", async () => {
    const plain = (await get(worker, "/api/cases?scope=mine&limit=2")).json() as CasePage;
    expect(plain.total).toBeNull();
    const counted = await get(worker, "/api/cases?scope=mine&limit=2&count=true");
    expect(counted.statusCode).toBe(200);
    expect((counted.json() as CasePage).total).toBe(mine.length);
    const all = (await get(manager, "/api/cases?scope=all&count=true")).json() as CasePage;
    expect(all.total).toBe(mine.length + 1);
    const bad = await get(worker, "/api/cases?scope=mine&count=ja");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.count).toBeTruthy();
  });

  it("writes one event per page, naming exactly the cases that page showed", async () => {
    const first = await get(worker, "/api/cases?scope=mine&limit=2");
    const page1 = first.json() as CasePage;
    const second = await get(
      worker,
      `/api/cases?${new URLSearchParams({ scope: "mine", limit: "2", before: page1.nextCursor as string })}`,
    );
    const page2 = second.json() as CasePage;
    for (const [res, page] of [
      [first, page1],
      [second, page2],
    ] as const) {
      const events = await owner()
        .selectFrom("audit_event")
        .select(["action", "case_ids", "person_ids"])
        .where("request_id", "=", String(res.headers["x-request-id"]))
        .execute();
      expect(events).toHaveLength(1);
      expect(events[0]?.action).toBe("case.list");
      expect([...(events[0]?.case_ids ?? [])].sort()).toEqual(page.cases.map((c) => c.id).sort());
      expect([...(events[0]?.person_ids ?? [])].sort()).toEqual(
        page.cases.map((c) => c.person.id).sort(),
      );
    }
    expect(page2.cases.map((c) => c.id)).not.toContain(page1.cases[0]?.id);
  });
});
