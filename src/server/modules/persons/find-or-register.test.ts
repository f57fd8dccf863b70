import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoleName } from "../../db/types.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  fictionalIdentityNumber,
  login,
  type Session,
} from "../../testing/factories.ts";

/*
 * Issue 11, item 1: registering a personnummer the organisation already has must not reveal
 * the person. Tried from the outside as an abusive partner on the staff would: a worker of
 * another unit, with no case of her, types her number with made-up names.
 */

const herName = { givenName: "Sara", familyName: "Verklig" };
const madeUp = { givenName: "Påhittad", familyName: "Namnsson", sex: "male" };

describe.each(testDatabaseKinds)("find-or-register a person (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let herUnit: string;
  let otherUnit: string;
  let herWorker: Session;
  let manager: Session;
  let herId: string;
  let herNumber: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    orgId = (await buildOrg(owner)).id;
    herUnit = (await buildUnit(owner, orgId)).id;
    otherUnit = (await buildUnit(owner, orgId, "child_services")).id;
    herWorker = await user(herUnit, "caseworker");
    manager = await user(herUnit, "unit_manager");
    herNumber = fictionalIdentityNumber();
    const her = await call(herWorker, "POST", "/api/persons", {
      identityNumber: herNumber,
      ...herName,
      sex: "female",
    });
    herId = her.json().id;
    await call(herWorker, "POST", "/api/cases", {
      personId: herId,
      unitId: herUnit,
      caseType: "adult_victim",
    });
    const hidden = await call(herWorker, "PATCH", `/api/persons/${herId}`, {
      protectionLevel: "protected_registration",
    });
    if (hidden.statusCode !== 200) throw new Error(hidden.body);
  });
  afterAll(() => t?.close());

  async function user(unitId: string, role: RoleName) {
    const u = await buildUser(database().owner, orgId, [{ unitId, role }]);
    return login(t.app, u.username);
  }
  function call(s: Session, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
    return t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });
  }
  async function logOf(personId: string) {
    const res = await call(manager, "GET", `/api/audit/persons/${personId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().events as {
      action: string;
      outcome: string;
      actor: { id: string } | null;
    }[];
  }
  const stored = [herName.familyName, "protected_registration"];

  it("answers a known number exactly as an unknown one: what was typed, nothing stored", async () => {
    const stranger = await user(otherUnit, "caseworker");
    const known = await call(stranger, "POST", "/api/persons", {
      identityNumber: herNumber,
      ...madeUp,
    });
    const freshNumber = fictionalIdentityNumber();
    const unknown = await call(stranger, "POST", "/api/persons", {
      identityNumber: freshNumber,
      ...madeUp,
    });
    expect(known.statusCode).toBe(unknown.statusCode);
    for (const secret of stored) expect(known.body).not.toContain(secret);
    const { id: _k, identityNumber: kn, birthDate: kb, ...knownRest } = known.json();
    const { id: _u, identityNumber: un, birthDate: ub, ...unknownRest } = unknown.json();
    expect(knownRest).toEqual(unknownRest);
    expect(knownRest).toMatchObject({ ...madeUp, protectionLevel: null });
    expect(kn.replace("-", "")).toBe(herNumber);
    expect(un.replace("-", "")).toBe(freshNumber);
    expect(kb).toBe(`${herNumber.slice(0, 4)}-${herNumber.slice(4, 6)}-${herNumber.slice(6, 8)}`);
    expect(ub).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("shows the registrant only what they typed, on the person page and in every search", async () => {
    const stranger = await user(otherUnit, "caseworker");
    const { id } = (
      await call(stranger, "POST", "/api/persons", { identityNumber: herNumber, ...madeUp })
    ).json();
    const page = await call(stranger, "GET", `/api/persons/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ ...madeUp, protectionLevel: null, cases: [] });
    expect(page.json().details).toBeNull();
    for (const secret of stored) expect(page.body).not.toContain(secret);

    const search = async (query: string) =>
      (await call(stranger, "POST", "/api/persons/search", { query })).json().persons as {
        id: string;
        givenName: string;
      }[];
    const byNumber = await search(herNumber);
    expect(byNumber).toMatchObject([{ id, ...madeUp, protectionLevel: null }]);
    expect(await search(herName.familyName)).toEqual([]);
    expect(await search(herName.givenName)).toEqual([]);
    expect((await search(madeUp.familyName)).map((p) => p.id)).toContain(id);
  });

  it("keeps what the registrant typed last: a second registration never drops the typed name", async () => {
    const stranger = await user(otherUnit, "caseworker");
    await call(stranger, "POST", "/api/persons", { identityNumber: herNumber, ...madeUp });
    const again = await call(stranger, "POST", "/api/persons", {
      identityNumber: herNumber,
      givenName: "Annan",
      familyName: "Gissning",
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ givenName: "Annan", familyName: "Gissning" });
    const page = (await call(stranger, "GET", `/api/persons/${again.json().id}`)).json();
    expect(page).toMatchObject({ givenName: "Annan", familyName: "Gissning", sex: "unknown" });
  });

  it("once the registrant has a case of her, the case shows her as the organisation knows her, protection level included", async () => {
    const stranger = await user(otherUnit, "caseworker");
    const { id } = (
      await call(stranger, "POST", "/api/persons", { identityNumber: herNumber, ...madeUp })
    ).json();
    const opened = await call(stranger, "POST", "/api/cases", {
      personId: id,
      unitId: otherUnit,
      caseType: "adult_victim",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().person).toMatchObject({
      id: herId,
      name: `${herName.givenName} ${herName.familyName}`,
      protectionLevel: "protected_registration",
    });
    const page = (await call(stranger, "GET", `/api/persons/${id}`)).json();
    expect(page).toMatchObject({ ...herName, protectionLevel: "protected_registration" });
  });

  it("shows a relative in a case as the recorder typed them, not as stored", async () => {
    const stranger = await user(otherUnit, "caseworker");
    const own = (
      await call(stranger, "POST", "/api/persons", {
        identityNumber: fictionalIdentityNumber(),
        givenName: "Egen",
        familyName: "Klient",
      })
    ).json();
    const c = (
      await call(stranger, "POST", "/api/cases", {
        personId: own.id,
        unitId: otherUnit,
        caseType: "adult_victim",
      })
    ).json();
    const { id } = (
      await call(stranger, "POST", "/api/persons", { identityNumber: herNumber, ...madeUp })
    ).json();
    const added = await call(stranger, "POST", `/api/cases/${c.id}/relations`, {
      otherPersonId: id,
      kind: "former_partner",
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.body).not.toContain(herName.familyName);
    expect(added.json().relations).toMatchObject([
      { otherPerson: { id, name: `${madeUp.givenName} ${madeUp.familyName}` } },
    ]);
    const page = await call(stranger, "GET", `/api/persons/${id}`);
    for (const secret of stored) expect(page.body).not.toContain(secret);
  });

  it("a search by her exact number that shows nothing is listed in her log review", async () => {
    const u = await buildUser(database().owner, orgId, [{ unitId: herUnit, role: "caseworker" }]);
    const colleague = await login(t.app, u.username);
    const res = await call(colleague, "POST", "/api/persons/search", { query: herNumber });
    expect(res.json().persons).toEqual([]);
    const events = await logOf(herId);
    expect(
      events.some(
        (e) => e.action === "person.search" && e.outcome === "denied" && e.actor?.id === u.id,
      ),
    ).toBe(true);
  });

  it("a registration refused for the role still names her in her log review when the number is hers", async () => {
    const u = await buildUser(database().owner, orgId, [{ unitId: null, role: "administrator" }]);
    const admin = await login(t.app, u.username);
    const res = await call(admin, "POST", "/api/persons", { identityNumber: herNumber, ...madeUp });
    expect(res.statusCode).toBe(403);
    for (const secret of stored) expect(res.body).not.toContain(secret);
    const events = await logOf(herId);
    expect(
      events.some(
        (e) => e.action === "person.register" && e.outcome === "denied" && e.actor?.id === u.id,
      ),
    ).toBe(true);
  });

  describe("across a barrier", () => {
    async function barred(purpose: "manual" | "partner_contact") {
      const { owner } = database();
      // Q has a case at her unit; W works another person's case, and a barrier separates them.
      const workerOfQ = await buildUser(owner, orgId, [{ unitId: herUnit, role: "caseworker" }]);
      const w = await buildUser(owner, orgId, [{ unitId: herUnit, role: "caseworker" }]);
      const q = await buildPerson(owner, orgId, workerOfQ.id);
      const qCase = await buildCase(owner, {
        orgId,
        unitId: herUnit,
        personId: q.id,
        openedBy: workerOfQ.id,
      });
      const wCase = await buildCase(owner, {
        orgId,
        unitId: herUnit,
        personId: (await buildPerson(owner, orgId, w.id)).id,
        openedBy: w.id,
      });
      await owner
        .insertInto("barrier")
        .values({
          org_id: orgId,
          case_a_id: qCase.id,
          case_b_id: wCase.id,
          reason: "Skäl som bara enhetschefen känner till",
          purpose,
          created_by: workerOfQ.id,
        })
        .execute();
      return { q, wId: w.id, session: await login(t.app, w.username) };
    }

    it("a barrier a manager set for another reason is not revealed: ask the unit manager, and her log review lists the attempt", async () => {
      const { q, wId, session } = await barred("manual");
      const res = await call(session, "POST", "/api/persons", {
        identityNumber: q.identity_number,
        ...madeUp,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain("enhetschef");
      expect(res.body.toLowerCase()).not.toContain("spärr");
      for (const secret of [q.given_name, q.family_name, q.id])
        expect(res.body).not.toContain(secret);
      const events = await logOf(q.id);
      expect(
        events.some(
          (e) => e.action === "person.register" && e.outcome === "denied" && e.actor?.id === wId,
        ),
      ).toBe(true);
    });

    it("partner contact's own barrier, known to both sides, keeps saying so; the attempt is in her log review", async () => {
      const { q, wId, session } = await barred("partner_contact");
      const res = await call(session, "POST", "/api/persons", {
        identityNumber: q.identity_number,
        ...madeUp,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain("informationsspärr");
      for (const secret of [q.given_name, q.family_name, q.id])
        expect(res.body).not.toContain(secret);
      const events = await logOf(q.id);
      expect(
        events.some(
          (e) => e.action === "person.register" && e.outcome === "denied" && e.actor?.id === wId,
        ),
      ).toBe(true);
    });
  });
});
