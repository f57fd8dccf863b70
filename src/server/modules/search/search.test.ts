import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/*
 * Issue 15, item 2: find a case by its number, and words in the journals of the cases one
 * may see. Safety first: an entry of a case the searcher may not see — another worker's, a
 * protected person's, one behind a partner-contact barrier, another's draft — never shows,
 * and a case number the searcher may not see answers exactly as one that does not exist.
 */

type Hit = {
  entryId: string;
  caseId: string;
  caseReference: string;
  status: string;
  snippet: { text: string; match: boolean }[];
};

describe.each(testDatabaseKinds)("search: case numbers and journal text (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unit: string;
  let unit2: string;
  const users: Record<string, { id: string; session: Session }> = {};
  const cases: Record<string, { id: string; reference: string; personId: string }> = {};

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unit = (await buildUnit(owner, orgId)).id;
    unit2 = (await buildUnit(owner, orgId, "crisis_centre")).id;
    for (const [name, roles] of [
      ["worker", [{ unitId: unit, role: "caseworker" }]],
      ["colleague", [{ unitId: unit, role: "caseworker" }]],
      ["manager", [{ unitId: unit, role: "unit_manager" }]],
      // Works a perpetrator's case in the first unit and manages the second, where his
      // partner's case is: the barrier hides her case from him all the same.
      [
        "twoHats",
        [
          { unitId: unit, role: "caseworker" },
          { unitId: unit2, role: "unit_manager" },
        ],
      ],
      ["partnerWorker", [{ unitId: unit2, role: "caseworker" }]],
      ["analyst", [{ unitId: null, role: "analyst" }]],
    ] as const) {
      const u = await buildUser(owner, orgId, [...roles]);
      users[name] = { id: u.id, session: await login(t.app, u.username) };
    }
    await addCase("mine", unit, ["worker", "colleague"], undefined, "2026-0042");
    await addCase("colleagues", unit, ["colleague"], "protected_registration", "2026-D007");
    await addCase("perpetrator", unit, ["twoHats"]);
    await addCase("partner", unit2, ["partnerWorker"]);
    await addCase("unit2Other", unit2, ["partnerWorker"]);
    await owner
      .insertInto("barrier")
      .values({
        org_id: orgId,
        case_a_id: id("perpetrator"),
        case_b_id: id("partner"),
        reason: "Partnerkontakt: informationsspärr",
        purpose: "partner_contact",
        created_by: users.manager?.id as string,
      })
      .execute();
    await entry("mine", "worker", "Sara berättade om våldet i hemmet och om barnens oro.", true);
    await entry("mine", "worker", "Utkast: våldsam händelse i trapphuset.", false);
    await entry("mine", "colleague", "Kollegans utkast om våldsutövarens hot.", false);
    await entry("colleagues", "colleague", "Skyddad adress. Våldet upphörde efter flytten.", true);
    await entry("perpetrator", "twoHats", "Han förnekar våldet men bekräftar grälen.", true);
    await entry("partner", "partnerWorker", "Hon berättar om våldet och var hon bor nu.", true);
    await entry(
      "unit2Other",
      "partnerWorker",
      "Våldet har upphört, uppföljning om en månad.",
      true,
    );
  });
  afterAll(() => t?.close());

  const id = (name: string) => cases[name]?.id as string;
  const session = (name: string) => users[name]?.session as Session;

  async function addCase(
    name: string,
    unitId: string,
    workers: string[],
    protection?: string,
    reference?: string,
  ) {
    const { owner } = database();
    const openedBy = users[workers[0] as string]?.id as string;
    const person = await buildPerson(owner, orgId, openedBy);
    if (protection)
      await owner
        .updateTable("person")
        .set({ protection_level: protection as "protected_registration" })
        .where("id", "=", person.id)
        .execute();
    const assignees = workers.map((w) => users[w]?.id as string);
    const c = await buildCase(owner, { orgId, unitId, personId: person.id, openedBy, assignees });
    if (reference)
      await owner.updateTable("case").set({ reference }).where("id", "=", c.id).execute();
    const row = await owner
      .selectFrom("case")
      .select("reference")
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    cases[name] = { id: c.id, reference: row.reference, personId: person.id };
  }

  async function entry(caseName: string, author: string, body: string, signed: boolean) {
    const s = session(author);
    const res = await post(s, `/api/cases/${id(caseName)}/journal`, {
      entryType: "conversation",
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const entryId = res.json().id as string;
    if (signed) expect((await post(s, `/api/journal/${entryId}/sign`, {})).statusCode).toBe(200);
    return entryId;
  }

  function post(s: Session | null, url: string, payload: object) {
    return t.app.inject({ method: "POST", url, headers: s ? as(s) : {}, payload });
  }
  async function search(who: string, query: string, page: object = {}) {
    const res = await post(session(who), "/api/search/journal", { query, ...page });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Hit[]; nextCursor: string | null };
  }
  const caseNames = (hits: Hit[]) =>
    [...new Set(hits.map((h) => Object.keys(cases).find((n) => id(n) === h.caseId)))].sort();

  it("finds words by their beginning: våld finds våldet, only in cases the searcher may see", async () => {
    const hits = (await search("worker", "våld")).items;
    // Her own signed entry and her own draft, never the colleague's draft in the same case.
    expect(hits.map((h) => h.status).sort()).toEqual(["draft", "signed"]);
    expect(caseNames(hits)).toEqual(["mine"]);
    expect(hits.every((h) => h.caseReference === cases.mine?.reference)).toBe(true);
    const signed = hits.find((h) => h.status === "signed");
    expect(signed?.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(["våldet"]);
    expect(signed?.snippet.map((p) => p.text).join("")).toContain("berättade om våldet i hemmet");
  });

  it("a unit manager finds the unit's signed entries, never a draft", async () => {
    const hits = (await search("manager", "våld")).items;
    expect(caseNames(hits)).toEqual(["colleagues", "mine", "perpetrator"]);
    expect(hits.every((h) => h.status === "signed")).toBe(true);
  });

  it("never crosses a partner-contact barrier, even for the manager of her unit", async () => {
    const hits = (await search("twoHats", "våldet")).items;
    // His own case, and unit 2's other case he manages — not hers.
    expect(caseNames(hits)).toEqual(["perpetrator", "unit2Other"]);
    expect((await search("partnerWorker", "våld")).items.map((h) => h.caseId)).not.toContain(
      id("perpetrator"),
    );
    // Words from her entry find nothing for him.
    expect((await search("twoHats", "berättar bor")).items).toEqual([]);
  });

  it("needs every word; stemmed words match their forms (barnens → barn)", async () => {
    expect((await search("worker", "barn hemmet")).items).toHaveLength(1);
    expect((await search("worker", "barn trapphuset")).items).toEqual([]);
  });

  it("reads tsquery syntax as plain words, and a query of nothing searchable is a 400", async () => {
    for (const query of ["våld & !(hem", "våld:*", "'våld'", "våld <-> hem", "\\våld"])
      expect((await post(session("worker"), "/api/search/journal", { query })).statusCode).toBe(
        200,
      );
    for (const query of ["och det", "!!! ???", "", "x", "a".repeat(201)]) {
      const res = await post(session("worker"), "/api/search/journal", { query });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.fields.query, query).toMatch(/\S/);
    }
    const bad = await post(session("worker"), "/api/search/journal", {
      query: "våld",
      before: crypto.randomUUID(),
    });
    expect(bad.statusCode).toBe(400);
  });

  it("pages on the server, newest first, by a cursor of this search", async () => {
    const { owner } = database();
    const base = Date.UTC(2026, 0, 1);
    await owner
      .insertInto("journal_entry")
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          id: crypto.randomUUID(),
          org_id: orgId,
          case_id: id("mine"),
          author_id: users.worker?.id as string,
          entry_type: "phone" as const,
          occurred_at: new Date(base + i * 60_000),
          body: `Telefonsamtal nummer ${i} om skolgången.`,
          signed_at: new Date(base + i * 60_000),
        })),
      )
      .execute();
    const first = await search("worker", "skolgång", { limit: 10 });
    expect(first.items).toHaveLength(10);
    const seen = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await search("worker", "skolgång", { limit: 10, before: cursor });
      seen.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((h) => h.entryId)).size).toBe(25);
    expect(seen[0]?.snippet.map((p) => p.text).join("")).toContain("nummer 24");
    // A cursor from one search is no cursor for another (nor for another user).
    const other = await post(session("colleague"), "/api/search/journal", {
      query: "hot",
      before: first.nextCursor,
    });
    expect(other.statusCode).toBe(400);
  });

  it("writes one event per page naming each case shown, and refuses without a session", async () => {
    const { owner } = database();
    await search("worker", "våld");
    const event = await owner
      .selectFrom("audit_event")
      .selectAll()
      .where("actor_user_id", "=", users.worker?.id as string)
      .where("action", "=", "journal.search")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event.case_ids).toEqual([id("mine")]);
    expect(event.person_ids).toEqual([cases.mine?.personId]);
    expect(event.data).toEqual({ resultCount: 2 });
    // What was typed is never stored.
    expect(JSON.stringify(event)).not.toContain("våld");
    expect((await post(null, "/api/search/journal", { query: "våld" })).statusCode).toBe(401);
    expect((await post(null, "/api/search/case-reference", { reference: "x" })).statusCode).toBe(
      401,
    );
  });

  it("an analyst, who works no case, finds nothing", async () => {
    expect((await search("analyst", "våld")).items).toEqual([]);
  });

  describe("by case number", () => {
    async function byNumber(who: string, reference: string) {
      const res = await post(session(who), "/api/search/case-reference", { reference });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { case: { id: string; reference: string } | null };
    }

    it("finds a case the searcher may see, spaces and case forgiven", async () => {
      for (const typed of ["2026-0042", " 2026 0042 ", "20260042", "2026-42"])
        expect((await byNumber("worker", typed)).case?.id, typed).toBe(id("mine"));
      for (const typed of ["2026-D007", "2026-d007", "2026 d007"])
        expect((await byNumber("colleague", typed)).case?.id, typed).toBe(id("colleagues"));
      expect((await byNumber("worker", "2026-D007")).case).toBeNull();
    });

    it("answers a hidden case exactly as a missing one, and audits the look at her case", async () => {
      const hidden = await post(session("twoHats"), "/api/search/case-reference", {
        reference: cases.partner?.reference,
      });
      const missing = await post(session("twoHats"), "/api/search/case-reference", {
        reference: "1999-9999",
      });
      expect(hidden.statusCode).toBe(200);
      expect(hidden.body).toBe(missing.body);
      const events = await database()
        .owner.selectFrom("audit_event")
        .select(["outcome", "resource_id", "person_id"])
        .where("actor_user_id", "=", users.twoHats?.id as string)
        .where("action", "=", "case.search")
        .orderBy("id")
        .execute();
      expect(events).toEqual([
        { outcome: "denied", resource_id: id("partner"), person_id: cases.partner?.personId },
        { outcome: "allowed", resource_id: null, person_id: null },
      ]);
    });

    it("writes an event naming the case found", async () => {
      await byNumber("manager", "2026-d007");
      const event = await database()
        .owner.selectFrom("audit_event")
        .select(["outcome", "resource_id", "person_id", "data"])
        .where("actor_user_id", "=", users.manager?.id as string)
        .where("action", "=", "case.search")
        .executeTakeFirstOrThrow();
      expect(event).toEqual({
        outcome: "allowed",
        resource_id: id("colleagues"),
        person_id: cases.colleagues?.personId,
        data: { found: true },
      });
    });

    it("refuses an empty number with a 400", async () => {
      const res = await post(session("worker"), "/api/search/case-reference", { reference: "  " });
      expect(res.statusCode).toBe(400);
    });
  });
});
