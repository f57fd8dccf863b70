import { sql } from "kysely";
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

describe.each(testDatabaseKinds)("persons and cases, as a unit works with them (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let unitId: string;
  let a: Session;
  let b: Session;
  let manager: Session;
  let bId: string;
  let helperId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    unitId = (await buildUnit(owner, org.id)).id;
    const ua = await buildUser(owner, org.id, [{ unitId, role: "caseworker" }]);
    const ub = await buildUser(owner, org.id, [{ unitId, role: "caseworker" }]);
    const um = await buildUser(owner, org.id, [{ unitId, role: "unit_manager" }]);
    const uh = await buildUser(owner, org.id, [{ unitId, role: "caseworker" }]);
    bId = ub.id;
    helperId = uh.id;
    a = await login(t.app, ua.username);
    b = await login(t.app, ub.username);
    manager = await login(t.app, um.username);
  });
  afterAll(() => t?.close());

  const req = (s: Session, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });

  async function personAndCase(s: Session) {
    const pin = fictionalIdentityNumber();
    const person = (
      await req(s, "POST", "/api/persons", {
        identityNumber: pin,
        givenName: "Sara",
        familyName: "Exempel",
        sex: "female",
      })
    ).json();
    const c = (
      await req(s, "POST", "/api/cases", { personId: person.id, unitId, caseType: "adult_victim" })
    ).json();
    return { pin, person, c };
  }

  it("refuses an invalid personnummer with a message on the field", async () => {
    const res = await req(a, "POST", "/api/persons", {
      identityNumber: "19121212-1213",
      givenName: "A",
      familyName: "B",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      identityNumber: "Kontrollsiffran stämmer inte – kontrollera numret.",
    });
  });

  it("finds a person by name ignoring case and accents, and by any accepted number format", async () => {
    const pin = fictionalIdentityNumber();
    const created = (
      await req(a, "POST", "/api/persons", {
        identityNumber: pin,
        givenName: "José",
        familyName: "Östlund",
      })
    ).json();
    for (const query of [
      "ostlund",
      "ÖSTLUND",
      "jose östl",
      "Jose",
      `${pin.slice(2, 8)}-${pin.slice(8)}`,
      pin,
    ]) {
      const found = (await req(a, "POST", "/api/persons/search", { query })).json().persons;
      expect(
        found.map((p: { id: string }) => p.id),
        query,
      ).toContain(created.id);
    }
    // Words match the beginning of a name part; its middle only as a similar name.
    expect(
      (await req(a, "POST", "/api/persons/search", { query: "stlund" })).json().persons,
    ).toMatchObject([{ id: created.id, match: "similar" }]);
  });

  it("registers an unidentified person", async () => {
    const res = await req(a, "POST", "/api/persons", {
      identityNumber: null,
      givenName: "Okänd",
      familyName: "Kvinna",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ identityKind: "unidentified", identityNumber: null });
  });

  it("registers a reserve number (reservnummer) with a birth date, and refuses a mix-up", async () => {
    const reserve = `RN-${Date.now().toString(36)}`;
    const res = await req(a, "POST", "/api/persons", {
      identityNumber: null,
      reserveNumber: ` ${reserve.toLowerCase()} `,
      birthDate: "1990-04-02",
      givenName: "Reserv",
      familyName: "Numrén",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      identityKind: "reserve_number",
      identityNumber: reserve.toUpperCase(),
      birthDate: "1990-04-02",
    });
    // The same reserve number again is someone new, never a look at who already has it.
    const again = await req(a, "POST", "/api/persons", {
      identityNumber: null,
      reserveNumber: reserve,
      givenName: "Någon",
      familyName: "Annan",
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ givenName: "Någon", birthDate: null });
    expect(again.json().id).not.toBe(res.json().id);
    const both = await req(a, "POST", "/api/persons", {
      identityNumber: fictionalIdentityNumber(),
      reserveNumber: "RN-1",
      givenName: "A",
      familyName: "B",
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields.reserveNumber).toContain("antingen");
    const pinAsReserve = await req(a, "POST", "/api/persons", {
      identityNumber: null,
      reserveNumber: fictionalIdentityNumber(),
      givenName: "A",
      familyName: "B",
    });
    expect(pinAsReserve.json().error.fields.reserveNumber).toContain("personnummer");
    const birthWithPin = await req(a, "POST", "/api/persons", {
      identityNumber: fictionalIdentityNumber(),
      birthDate: "1990-01-01",
      givenName: "A",
      familyName: "B",
    });
    expect(birthWithPin.json().error.fields.birthDate).toContain("personnumret");
    const future = await req(a, "POST", "/api/persons", {
      identityNumber: null,
      birthDate: "2999-01-01",
      givenName: "A",
      familyName: "B",
    });
    expect(future.json().error.fields.birthDate).toContain("framtiden");
  });

  it("opens a case the opener works and sees under Mina ärenden; a colleague sees nothing", async () => {
    const { pin, c } = await personAndCase(a);
    expect(c).toMatchObject({
      status: "intake",
      reference: expect.stringMatching(/^\d{4}-\d{4}$/),
      assignedToMe: true,
    });
    expect(c.assignees).toHaveLength(1);
    const mine = (await req(a, "GET", "/api/cases?scope=mine")).json().cases;
    expect(mine.map((x: { id: string }) => x.id)).toContain(c.id);

    expect((await req(b, "GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect(
      (await req(b, "GET", "/api/cases?scope=all")).json().cases.map((x: { id: string }) => x.id),
    ).not.toContain(c.id);
    expect((await req(b, "POST", "/api/persons/search", { query: pin })).json().persons).toEqual(
      [],
    );
  });

  it("links a second registration of the same personnummer to the existing person, revealing nothing", async () => {
    const { pin, person, c } = await personAndCase(a);
    const again = await req(b, "POST", "/api/persons", {
      identityNumber: pin,
      givenName: "Sara",
      familyName: "Exempel",
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(person.id);
    // B now knows the identity they typed in, and nothing of the case.
    const seen = (await req(b, "GET", `/api/persons/${person.id}`)).json();
    expect(seen.cases).toEqual([]);
    expect((await req(b, "GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
  });

  it("lets the manager see every case of the unit and assign a colleague, who then sees it", async () => {
    const { c } = await personAndCase(a);
    expect(
      (await req(manager, "GET", "/api/cases?scope=all"))
        .json()
        .cases.map((x: { id: string }) => x.id),
    ).toContain(c.id);
    const assigned = await req(manager, "POST", `/api/cases/${c.id}/assignments`, { userId: bId });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().assignees).toHaveLength(2);
    expect((await req(b, "GET", `/api/cases/${c.id}`)).statusCode).toBe(200);
    expect(
      (await req(b, "GET", "/api/cases?scope=mine")).json().cases.map((x: { id: string }) => x.id),
    ).toContain(c.id);

    const removed = await req(manager, "DELETE", `/api/cases/${c.id}/assignments/${bId}`);
    expect(removed.json().assignees).toHaveLength(1);
    expect((await req(b, "GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
  });

  it("gives time-limited access with a reason, which ends when it expires", async () => {
    const { c } = await personAndCase(a);
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const granted = await req(manager, "POST", `/api/cases/${c.id}/grants`, {
      userId: bId,
      reason: "Vikarierar under semester",
      expiresAt,
    });
    expect(granted.statusCode).toBe(200);
    expect((await req(b, "GET", `/api/cases/${c.id}`)).statusCode).toBe(200);
    await database()
      .owner.updateTable("access_grant")
      .set({ expires_at: new Date(Date.now() - 1) })
      .where("case_id", "=", c.id)
      .execute();
    expect((await req(b, "GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    const tooLong = await req(manager, "POST", `/api/cases/${c.id}/grants`, {
      userId: bId,
      reason: "Vikarierar under semester",
      expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields.expiresAt).toBeDefined();
  });

  it("keeps the workers of barrier-linked cases apart, even from the manager's assignments", async () => {
    const perpetrator = await personAndCase(a);
    const partner = await personAndCase(b);
    // One person has worked both: the barrier is refused until that is resolved.
    await req(manager, "POST", `/api/cases/${partner.c.id}/assignments`, { userId: helperId });
    await req(manager, "POST", `/api/cases/${perpetrator.c.id}/assignments`, { userId: helperId });
    const refused = await req(manager, "POST", "/api/barriers", {
      caseId: perpetrator.c.id,
      otherCaseId: partner.c.id,
      reason: "Partnerkontakt enligt rutin",
    });
    expect(refused.statusCode).toBe(409);
    // A time-limited grant counts as having worked a case, too.
    const granted = await personAndCase(a);
    const third = await personAndCase(b);
    await req(manager, "POST", `/api/cases/${granted.c.id}/grants`, {
      userId: helperId,
      reason: "Täcker upp under en vecka",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await req(manager, "POST", `/api/cases/${third.c.id}/assignments`, { userId: helperId });
    const refusedByGrant = await req(manager, "POST", "/api/barriers", {
      caseId: granted.c.id,
      otherCaseId: third.c.id,
      reason: "Partnerkontakt enligt rutin",
    });
    expect(refusedByGrant.statusCode).toBe(409);

    const other = await personAndCase(a);
    const ok = await req(manager, "POST", "/api/barriers", {
      caseId: other.c.id,
      otherCaseId: partner.c.id,
      reason: "Partnerkontakt enligt rutin",
    });
    expect(ok.statusCode).toBe(201);
    // B works the partner's case: B can be neither assigned to nor granted the other side.
    expect(
      (await req(manager, "POST", `/api/cases/${other.c.id}/assignments`, { userId: bId }))
        .statusCode,
    ).toBe(409);
    const grant = await req(manager, "POST", `/api/cases/${other.c.id}/grants`, {
      userId: bId,
      reason: "Försök att kringgå spärren",
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(grant.statusCode).toBe(409);
    expect((await req(b, "GET", `/api/cases/${other.c.id}`)).statusCode).toBe(404);

    // The manager's forms offer only whom they may assign or grant: B and the helper, who
    // both worked the partner's case, are left out of this case's list — not of another's.
    const staffOf = async (caseId: string) => {
      const res = await req(manager, "GET", `/api/cases/${caseId}/assignable-staff`);
      expect(res.statusCode).toBe(200);
      return (res.json().users as { id: string }[]).map((u) => u.id);
    };
    const offered = await staffOf(other.c.id);
    expect(offered).not.toContain(bId);
    expect(offered).not.toContain(helperId);
    expect(offered.length).toBeGreaterThan(0);
    expect(await staffOf(granted.c.id)).toEqual(expect.arrayContaining([bId, helperId]));
  });

  it("gives a case's assignable staff to its unit manager only, and logs the look", async () => {
    const { c } = await personAndCase(a);
    const url = `/api/cases/${c.id}/assignable-staff`;
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    const bad = await req(manager, "GET", "/api/cases/not-a-uuid/assignable-staff");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ id: "Ange ett giltigt id." });
    // B does not see A's case: 404, and the attempt is in the trail.
    expect((await req(b, "GET", url)).statusCode).toBe(404);
    // A works it but does not decide who else does.
    expect((await req(a, "GET", url)).statusCode).toBe(403);
    const ok = await req(manager, "GET", url);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().users.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining([bId, helperId]),
    );
    const trail = await database()
      .owner.selectFrom("audit_event")
      .select(["action", "outcome"])
      .where("resource_id", "=", c.id)
      .where("action", "=", "case.read")
      .orderBy("id")
      .execute();
    expect(trail.map((e) => e.outcome)).toEqual(["denied", "denied", "allowed"]);
  });

  it("shows the manager who looked at a person, including refused attempts", async () => {
    const { person, c } = await personAndCase(a);
    await req(b, "GET", `/api/cases/${c.id}`); // refused
    const log = await req(manager, "GET", `/api/audit/persons/${person.id}`);
    expect(log.statusCode).toBe(200);
    const events = log.json().events as {
      action: string;
      outcome: string;
      actor: { id: string } | null;
    }[];
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual(
      expect.arrayContaining(["person.register:allowed", "case.open:allowed", "case.read:denied"]),
    );
    expect(events.find((e) => e.outcome === "denied")?.actor?.id).toBe(bId);
    expect((await req(a, "GET", `/api/audit/persons/${person.id}`)).statusCode).toBe(404);
  });

  it("records relatives within a case, and leaves a trace on each relative shown", async () => {
    const { c } = await personAndCase(a);
    const child = (
      await req(a, "POST", "/api/persons", {
        identityNumber: null,
        givenName: "Liten",
        familyName: "Exempel",
      })
    ).json();
    const added = await req(a, "POST", `/api/cases/${c.id}/relations`, {
      otherPersonId: child.id,
      kind: "child",
    });
    expect(added.json().relations).toMatchObject([
      { kind: "child", otherPerson: { id: child.id, name: "Liten Exempel" } },
    ]);
    await req(a, "GET", `/api/cases/${c.id}/relations`);
    const seen = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      // A list of relatives names them all in one event (person_ids; issue 12).
      .where(sql<boolean>`person_ids @> array[${child.id}]::uuid[]`)
      .where("action", "=", "relation.read")
      .execute();
    expect(seen).toHaveLength(2);
    expect((await req(b, "GET", `/api/cases/${c.id}/relations`)).statusCode).toBe(404);
    // The relative belongs to the case record: the unit manager, who never registered the
    // child, sees them listed too — by name and number, without the child's own details.
    const forManager = (await req(manager, "GET", `/api/cases/${c.id}/relations`)).json();
    expect(forManager.relations).toMatchObject([
      { kind: "child", otherPerson: { id: child.id, name: "Liten Exempel" } },
    ]);
    const childAsManager = (await req(manager, "GET", `/api/persons/${child.id}`)).json();
    expect(childAsManager.details).toBeNull();
    expect(childAsManager.cases).toEqual([]);
  });

  it("answers 401 without a session and 400 for a malformed id", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/cases" })).statusCode).toBe(401);
    const bad = await req(a, "GET", "/api/cases/not-a-uuid");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ id: "Ange ett giltigt id." });
  });
});
