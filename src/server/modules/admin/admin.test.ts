import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
  testPassword,
} from "../../testing/factories.ts";

describe.each(testDatabaseKinds)("administration of units, users and roles (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let admin: Session;
  let caseworker: Session;
  let unitId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const org = await buildOrg(owner);
    unitId = (await buildUnit(owner, org.id)).id;
    admin = await login(
      t.app,
      (await buildUser(owner, org.id, [{ unitId: null, role: "administrator" }])).username,
    );
    caseworker = await login(
      t.app,
      (await buildUser(owner, org.id, [{ unitId, role: "caseworker" }])).username,
    );
  });
  afterAll(() => t?.close());

  const req = (
    s: Session | null,
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: s ? as(s) : {}, ...(payload ? { payload } : {}) });

  it("is for administrators: 401 without a login, 403 (audited) for others", async () => {
    expect((await req(null, "GET", "/api/admin/users")).statusCode).toBe(401);
    expect((await req(caseworker, "GET", "/api/admin/users")).statusCode).toBe(403);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("action", "=", "admin.denied")
      .execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it("creates a unit and a user, gives a role, and the user can log in with it", async () => {
    const unit = await req(admin, "POST", "/api/admin/units", {
      name: "Resurscentrum Väst",
      kind: "resource_function",
    });
    expect(unit.statusCode).toBe(201);
    const user = await req(admin, "POST", "/api/admin/users", {
      username: "Ny.Handlaggare",
      displayName: "Ny Handläggare",
      password: "ett-langt-losenord",
    });
    expect(user.statusCode).toBe(201);
    expect(user.json()).toMatchObject({
      username: "ny.handlaggare",
      active: true,
      mfaEnrolled: false,
      roles: [],
    });
    const withRole = await req(admin, "POST", `/api/admin/users/${user.json().id}/roles`, {
      unitId: unit.json().id,
      role: "caseworker",
    });
    expect(withRole.json().roles).toEqual([
      {
        id: expect.any(String),
        unitId: unit.json().id,
        unitName: "Resurscentrum Väst",
        role: "caseworker",
      },
    ]);
    const s = await login(t.app, "ny.handlaggare", "ett-langt-losenord");
    expect((await req(s, "GET", "/api/me")).json().roles[0].role).toBe("caseworker");

    const removed = await req(
      admin,
      "DELETE",
      `/api/admin/role-assignments/${withRole.json().roles[0].id}`,
    );
    expect(removed.statusCode).toBe(204);
  });

  it("keeps a unit's contact details, which letters print, and its partner follow-up months", async () => {
    const url = `/api/admin/units/${unitId}`;
    expect((await req(null, "PATCH", url, { contactPhone: "1" })).statusCode).toBe(401);
    expect((await req(caseworker, "PATCH", url, { contactPhone: "1" })).statusCode).toBe(403);
    const bad = await req(admin, "PATCH", url, {
      contactEmail: "inte-en-adress",
      partnerFollowUpMonths: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toMatchObject({
      contactEmail: "Skriv en e-postadress som namn@exempel.se.",
      partnerFollowUpMonths: "Ange mellan 1 och 24 månader.",
    });
    const other = await req(admin, "PATCH", `/api/admin/units/${crypto.randomUUID()}`, {
      contactPhone: "010-1",
    });
    expect(other.statusCode).toBe(404);
    const ok = await req(admin, "PATCH", url, {
      contactPhone: "010-123 45 67",
      contactEmail: "enheten@example.org",
      partnerFollowUpMonths: 3,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      contactPhone: "010-123 45 67",
      contactEmail: "enheten@example.org",
      contactAddress: null,
      partnerFollowUpMonths: 3,
    });
  });

  it("answers bad input with messages on the fields", async () => {
    const res = await req(admin, "POST", "/api/admin/users", {
      username: "x",
      displayName: "",
      password: "kort",
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual([
      "displayName",
      "password",
      "username",
    ]);
    const unitless = await req(
      admin,
      "POST",
      `/api/admin/users/${(await buildUser(database().owner, (await database().owner.selectFrom("unit").select("org_id").where("id", "=", unitId).executeTakeFirstOrThrow()).org_id)).id}/roles`,
      { unitId: null, role: "caseworker" },
    );
    expect(unitless.statusCode).toBe(400);
    expect(unitless.json().error.fields.unitId).toContain("Välj en enhet");
  });

  it("deactivates a user, which ends their sessions; resets MFA", async () => {
    const created = (
      await req(admin, "POST", "/api/admin/users", {
        username: "tillfallig",
        displayName: "Tillfällig",
        password: testPassword,
      })
    ).json();
    const s = await login(t.app, "tillfallig");
    const off = await req(admin, "PATCH", `/api/admin/users/${created.id}`, { active: false });
    expect(off.json().active).toBe(false);
    expect((await req(s, "GET", "/api/me")).statusCode).toBe(401);
    // A key counts as a second factor in the list; the reset ends it with the code app.
    await database()
      .owner.insertInto("webauthn_credential")
      .values({
        user_id: created.id,
        org_id: (
          await database()
            .owner.selectFrom("app_user")
            .select("org_id")
            .where("id", "=", created.id)
            .executeTakeFirstOrThrow()
        ).org_id,
        credential_id: "tappad-nyckel-0123456789",
        public_key: Buffer.from([1, 2, 3]),
        device_type: "singleDevice",
        backed_up: false,
        name: "Tappad",
      })
      .execute();
    const listed = (await req(admin, "GET", "/api/admin/users")).json();
    expect(listed.users.find((u: { id: string }) => u.id === created.id).mfaEnrolled).toBe(true);
    expect((await req(admin, "POST", `/api/admin/users/${created.id}/mfa-reset`)).statusCode).toBe(
      204,
    );
    const keys = await database()
      .owner.selectFrom("webauthn_credential")
      .select("id")
      .where("user_id", "=", created.id)
      .execute();
    expect(keys).toEqual([]);
    expect(
      (
        await req(admin, "PATCH", `/api/admin/users/00000000-0000-4000-8000-000000000000`, {
          active: true,
        })
      ).statusCode,
    ).toBe(404);
  });

  it("never lets the administrator read case data", async () => {
    const res = await req(admin, "GET", "/api/cases?scope=all");
    expect(res.statusCode).toBe(200);
    expect(res.json().cases).toEqual([]);
  });
});
