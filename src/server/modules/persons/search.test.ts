import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  fictionalIdentityNumber,
  login,
  type Session,
} from "../../testing/factories.ts";

/*
 * Issue 14, item 4: person search by a trigram index (migration 0035). Names are found with
 * case and accents folded, by the beginning of their words (ranked first) or by a spelling
 * like theirs; a page at a time; and never a person the searcher may not see, nor a stored
 * name a registrant did not type.
 */

type Hit = { id: string; givenName: string; familyName: string; match: string };

describe.each(testDatabaseKinds)("person search (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  let otherUnit: string;
  let worker: Session;
  let other: Session;
  const mine = new Map<string, string>();
  const hidden = new Map<string, string>();
  let hiddenNumber: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    unitId = (await buildUnit(owner, orgId)).id;
    otherUnit = (await buildUnit(owner, orgId, "child_services")).id;
    worker = await user(unitId);
    other = await user(otherUnit);
    for (const name of [
      "José Östlund",
      "Anna Östlund",
      "Eva Östlind",
      "Anders Lind",
      "Lars Andersson",
      "Anna-Karin Svensson",
      "Per 100%_Procent",
    ])
      mine.set(name, await personWithCase(worker, unitId, name));
    for (let i = 1; i <= 25; i++)
      mine.set(`Sida ${i}`, await personWithCase(worker, unitId, `Sida Bläddra${i}`));
    hiddenNumber = fictionalIdentityNumber();
    hidden.set("Hemlig Östlund", await personWithCase(other, otherUnit, "Hemlig Östlund"));
    hidden.set(
      "Josefin Östlund",
      await personWithCase(other, otherUnit, "Josefin Östlund", hiddenNumber),
    );
  });
  afterAll(() => t?.close());

  async function user(unit: string) {
    const u = await buildUser(database().owner, orgId, [{ unitId: unit, role: "caseworker" }]);
    return login(t.app, u.username);
  }
  function call(s: Session, url: string, payload: object) {
    return t.app.inject({ method: "POST", url, headers: as(s), payload });
  }
  async function personWithCase(s: Session, unit: string, name: string, number?: string) {
    const [givenName, ...family] = name.split(" ");
    const person = await call(s, "/api/persons", {
      identityNumber: number ?? fictionalIdentityNumber(),
      givenName,
      familyName: family.join(" "),
    });
    if (person.statusCode !== 201) throw new Error(person.body);
    const id = person.json().id as string;
    const opened = await call(s, "/api/cases", {
      personId: id,
      unitId: unit,
      caseType: "adult_victim",
    });
    if (opened.statusCode !== 201) throw new Error(opened.body);
    return id;
  }
  async function search(s: Session, query: string, page: object = {}) {
    const res = await call(s, "/api/persons/search", { query, ...page });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { persons: Hit[]; nextCursor: string | null };
  }
  const names = (hits: Hit[]) => hits.map((h) => `${h.givenName} ${h.familyName}`);
  const id = (name: string) => mine.get(name) as string;

  it("folds case and accents: ostlund finds Östlund, jose finds José", async () => {
    expect(names((await search(worker, "ostlund")).persons)).toEqual(
      expect.arrayContaining(["José Östlund", "Anna Östlund"]),
    );
    expect((await search(worker, "JOSE")).persons[0]).toMatchObject({
      id: id("José Östlund"),
      match: "prefix",
    });
    expect((await search(worker, "jose östl")).persons[0]?.id).toBe(id("José Östlund"));
  });

  it("a word of a double name begins a word: karin finds Anna-Karin", async () => {
    expect((await search(worker, "karin")).persons.map((h) => h.id)).toContain(
      id("Anna-Karin Svensson"),
    );
  });

  it("ranks words that begin the name first, the closest first, then similar names", async () => {
    const hits = (await search(worker, "anders")).persons;
    expect(names(hits).slice(0, 2)).toEqual(["Anders Lind", "Lars Andersson"]);
    expect(hits.slice(0, 2).map((h) => h.match)).toEqual(["prefix", "prefix"]);

    const ostlund = (await search(worker, "ostlund")).persons;
    expect(ostlund.map((h) => h.match)).toEqual(["prefix", "prefix", "similar"]);
    expect(names(ostlund).at(-1)).toBe("Eva Östlind");
  });

  it("finds a misspelt name as a similar one", async () => {
    const hits = (await search(worker, "ostlnd")).persons;
    expect(hits.map((h) => h.id)).toEqual(
      expect.arrayContaining([id("José Östlund"), id("Anna Östlund")]),
    );
    expect(hits.every((h) => h.match === "similar")).toBe(true);
  });

  it("pages: each next page continues where the last ended, without repeats", async () => {
    const seen: string[] = [];
    let before: string | undefined;
    const sizes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const page = await search(worker, "sida", { limit: 10, ...(before ? { before } : {}) });
      sizes.push(page.persons.length);
      seen.push(...page.persons.map((h) => h.id));
      if (page.nextCursor === null) break;
      before = page.nextCursor;
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(new Set(seen).size).toBe(25);
    expect(seen.sort()).toEqual(
      [...mine]
        .filter(([k]) => k.startsWith("Sida"))
        .map(([, v]) => v)
        .sort(),
    );
  });

  it("names exactly the page's persons in the page's one audit event", async () => {
    const first = await search(worker, "sida", { limit: 10 });
    const res = await call(worker, "/api/persons/search", {
      query: "sida",
      limit: 10,
      before: first.nextCursor,
    });
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "person_ids"])
      .where("request_id", "=", String(res.headers["x-request-id"]))
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.action).toBe("person.search");
    const shown = (res.json() as { persons: Hit[] }).persons.map((h) => h.id);
    expect([...(events[0]?.person_ids ?? [])].sort()).toEqual(shown.sort());
  });

  it("refuses a cursor that is not from this search with a message a person understands", async () => {
    const stranger = hidden.get("Hemlig Östlund") as string;
    for (const before of [crypto.randomUUID(), stranger]) {
      const res = await call(worker, "/api/persons/search", { query: "ostlund", before });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.before).toMatch(/Ladda om sidan/);
    }
  });

  it("finds nothing the searcher may not see: by name, similar name, number or pattern", async () => {
    const invisible = [...hidden.values()];
    const shown = async (query: string) =>
      (await search(worker, query)).persons.map((h) => h.id as string);
    for (const query of [
      "ostlund",
      "hemlig",
      "josefin",
      "hemlig ostlnd",
      "%stlund",
      "_stlund",
      "%%",
      "__",
    ])
      for (const found of await shown(query)) expect(invisible, query).not.toContain(found);
    expect(await shown("hemlig")).toEqual([]);
    expect(await shown(hiddenNumber)).toEqual([]);
  });

  it("treats % and _ as the characters they are", async () => {
    expect((await search(worker, "100%_")).persons.map((h) => h.id)).toEqual([
      id("Per 100%_Procent"),
    ]);
    expect((await search(worker, "%%")).persons).toEqual([]);
    expect((await search(worker, "__")).persons).toEqual([]);
  });

  it("shows a registrant only what they typed, by name or a name like it", async () => {
    const registrant = await user(unitId);
    const typed = await call(registrant, "/api/persons", {
      identityNumber: hiddenNumber,
      givenName: "Påhittad",
      familyName: "Namnsson",
    });
    expect(typed.statusCode).toBe(201);
    const josefin = hidden.get("Josefin Östlund");
    const ids = async (query: string) => (await search(registrant, query)).persons.map((h) => h.id);
    for (const query of ["josefin", "östlund", "josefn ostlund", "Josefin Östlnd"])
      expect(await ids(query), query).not.toContain(josefin);
    expect(await ids("namnsson")).toEqual([josefin]);
    expect(await ids("namsson")).toEqual([josefin]);
  });

  it("a search by a number the searcher may not see is listed as denied, as before", async () => {
    const res = await call(worker, "/api/persons/search", { query: hiddenNumber });
    expect(res.json().persons).toEqual([]);
    const events = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "outcome", "person_id"])
      .where("request_id", "=", String(res.headers["x-request-id"]))
      .execute();
    expect(events).toEqual([
      { action: "person.search", outcome: "denied", person_id: hidden.get("Josefin Östlund") },
    ]);
  });
});
