import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinInstruments } from "../../shared/instruments/builtin/index.ts";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import {
  as,
  buildPerson,
  buildUser,
  buildWorkedCase,
  login,
  type Session,
} from "../testing/factories.ts";

/**
 * Issue 11, "bad input is a 400, never a 500": each finding of the outside test, as the
 * request that found it. Every answer is the one error body with a field message.
 */
describe.each(testDatabaseKinds)("bad input is a 400, never a 500 (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let manager: Session;
  let admin: Session;
  let caseId: string;
  let personId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    await t.app.ready();
    const { owner } = database();
    const worked = await buildWorkedCase(t.app, owner);
    worker = worked.session;
    caseId = worked.caseId;
    unitId = worked.unitId;
    personId = (await buildPerson(owner, worked.orgId, worked.userId)).id;
    const boss = await buildUser(owner, worked.orgId, [{ unitId, role: "unit_manager" }]);
    manager = await login(t.app, boss.username);
    const sysadmin = await buildUser(owner, worked.orgId, [
      { unitId: null, role: "administrator" },
    ]);
    admin = await login(t.app, sysadmin.username);
  });
  afterAll(() => t?.close());

  type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  const send = (s: Session | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: s ? as(s) : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  function expectFieldError(res: Awaited<ReturnType<typeof send>>, field: string) {
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields[field]).toMatch(/tecken/);
    expect(res.body).not.toMatch(/\\u0000|invalid byte|SQL|at .*\.ts/);
  }

  const nul = "\u0000";

  it("refuses a NUL byte in the unauthenticated login's username with 400 and a field message", async () => {
    const res = await send(null, "POST", "/api/auth/login", {
      username: `anna${nul}`,
      password: "x",
    });
    expectFieldError(res, "username");
  });

  it("refuses a NUL byte in a person search, a name and a reserve number", async () => {
    expectFieldError(
      await send(worker, "POST", "/api/persons/search", { query: `An${nul}na` }),
      "query",
    );
    const person = { identityNumber: null, givenName: "Anna", familyName: "Testsson" };
    expectFieldError(
      await send(worker, "POST", "/api/persons", { ...person, givenName: `An${nul}na` }),
      "givenName",
    );
    expectFieldError(
      await send(worker, "POST", "/api/persons", { ...person, reserveNumber: `R${nul}12` }),
      "reserveNumber",
    );
    const count = await database()
      .owner.selectFrom("person")
      .select((e) => e.fn.countAll<number>().as("n"))
      .where("given_name", "=", "Anna")
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("refuses a NUL byte in journal text, and keeps tab and newline where text has lines", async () => {
    const entry = {
      entryType: "conversation",
      occurredAt: "2026-03-02T10:00:00+01:00",
      body: `Samtal${nul} med Anna`,
    };
    expectFieldError(await send(worker, "POST", `/api/cases/${caseId}/journal`, entry), "body");
    const lines = await send(worker, "POST", `/api/cases/${caseId}/journal`, {
      ...entry,
      body: "Samtal med Anna.\n\tHon berättade om hösten.",
    });
    expect(lines.statusCode, lines.body).toBe(201);
    expect(lines.json().body).toBe("Samtal med Anna.\n\tHon berättade om hösten.");
  });

  it("refuses other control characters, and a newline in a one-line field such as a name", async () => {
    const person = { identityNumber: null, givenName: "Anna", familyName: "Testsson" };
    for (const bad of ["\u0007", "\u001b[31m", "\u007f", "\u0085", "\r", "\n", "\t"]) {
      expectFieldError(
        await send(worker, "POST", "/api/persons", { ...person, familyName: `Test${bad}sson` }),
        "familyName",
      );
    }
  });

  it("answers a field named like an object's own property (toString) as unknown, not 500", async () => {
    const res = await send(worker, "POST", "/api/persons/search", {
      query: "Anna",
      toString: "rad ett\nrad två",
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.entries(res.json().error.fields)).toEqual([
      ["toString", "Fältet ska vara en enda rad, utan radbrytningar eller tabbtecken."],
    ]);
  });

  it("refuses a control character in a query string and a path parameter", async () => {
    expectFieldError(await send(worker, "GET", "/api/cases?scope=mine%00"), "scope");
    expectFieldError(
      await send(worker, "GET", "/api/instruments/danger%00assessment/versions/1"),
      "instrumentId",
    );
  });

  it("answers a body of 80,000 unknown keys briefly: the field messages are capped", async () => {
    const payload: Record<string, number> = {};
    for (let i = 0; i < 80_000; i++) payload[`k${i}`] = 1;
    const res = await send(worker, "POST", "/api/persons/search", { query: "Anna", ...payload });
    expect(res.statusCode).toBe(400);
    const fields = Object.keys(res.json().error.fields);
    expect(fields.length).toBeLessThanOrEqual(50);
    expect(res.body.length).toBeLessThan(5_000);
  });

  it("answers a body of 40,000 nested objects with 400 (the text rule does not walk it all)", async () => {
    const depth = 40_000;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/persons/search",
      headers: { ...as(worker), "content-type": "application/json" },
      payload: `{"query":"Anna","x":${'{"a":'.repeat(depth)}"\\u0000"${"}".repeat(depth)}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ x: "Okänt fält." });
  });

  it("refuses integers beyond the database's int4 in a path and in an imported instrument", async () => {
    const path = await send(
      worker,
      "GET",
      "/api/instruments/danger_assessment/versions/2147483648",
    );
    expect(path.statusCode, path.body).toBe(400);
    expect(path.json().error.fields.version).toBe("Får vara högst 2147483647.");
    const plan = await send(worker, "GET", `/api/cases/${caseId}/safety-plan/versions/2147483648`);
    expect(plan.statusCode, plan.body).toBe(400);

    const builtin = builtinInstruments[0];
    const res = await send(admin, "POST", "/api/admin/instruments", {
      ...builtin,
      version: 9007199254740991,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.version).toBe("Får vara högst 2147483647.");
  });

  it("refuses dates outside the years 1900–2999 (PostgreSQL has no year 0; the calendar must stay in four digits)", async () => {
    const journal = await send(worker, "POST", `/api/cases/${caseId}/journal`, {
      entryType: "other",
      occurredAt: "0000-01-01T00:00:00Z",
      body: "Anteckning",
    });
    expect(journal.statusCode, journal.body).toBe(400);
    expect(journal.json().error.fields.occurredAt).toBe("Ange ett datum mellan år 1900 och 2999.");
    const police = await send(worker, "POST", `/api/cases/${caseId}/police-assessments`, {
      assessedOn: "0000-01-01",
      level: "Hög",
      consentGivenOn: "2026-03-02",
      consentForm: "written",
      consentReference: "Blankett 1",
    });
    expect(police.statusCode, police.body).toBe(400);
    expect(police.json().error.fields.assessedOn).toBe("Ange ett datum mellan år 1900 och 2999.");
    const statistics = await send(
      manager,
      "GET",
      `/api/statistics/partner-contact?from=2026-01-01&to=9999-12-31&unitId=${unitId}`,
    );
    expect(statistics.statusCode, statistics.body).toBe(400);
    expect(statistics.json().error.fields.to).toBe("Ange ett datum mellan år 1900 och 2999.");
  });

  it("refuses to open a partner-contact case directly: it is opened only through his consent", async () => {
    for (const s of [worker, manager]) {
      const res = await send(s, "POST", "/api/cases", {
        personId,
        unitId,
        caseType: "partner_contact",
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields.caseType).toMatch(/samtycke/);
    }
    const made = await database()
      .owner.selectFrom("case")
      .select("id")
      .where("person_id", "=", personId)
      .execute();
    expect(made).toEqual([]);
  });

  it("refuses a unit change that changes nothing with 400", async () => {
    const res = await send(admin, "PATCH", `/api/admin/units/${unitId}`, {});
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.body).toBe("Ange minst en uppgift att ändra.");
  });

  it("answers a malformed or over-long path through the one error handler", async () => {
    for (const url of ["/api/cases/%ff", `/api/cases/${"a".repeat(101)}`]) {
      const res = await send(worker, "GET", url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      const body = res.json();
      expect(body.error.requestId).toBe(res.headers["x-request-id"]);
      expect(body.error.message).toMatch(/[åäö]|Begäran|Adressen/);
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.body).not.toMatch(/FST_|url component|max param/);
    }
  });
});
