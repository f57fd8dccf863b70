import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, buildOrg, buildUnit, buildUser, login, testPassword } from "../testing/factories.ts";
import { totp } from "./totp.ts";

describe.each(testDatabaseKinds)("login, sessions and CSRF (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  afterEach(() => t?.close());
  beforeAll(async () => {
    orgId = (await buildOrg(database().owner)).id;
    unitId = (await buildUnit(database().owner, orgId)).id;
  });
  const user = () => buildUser(database().owner, orgId, [{ unitId, role: "caseworker" }]);
  const auditOf = (userId: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["action", "outcome", "data"])
      .where("actor_user_id", "=", userId)
      .orderBy("id")
      .execute();

  it("logs in with username and password and sets a strict, HttpOnly session cookie", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: u.username, password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ state: "authenticated", csrfToken: expect.any(String) });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^frid_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: cookie.split(";")[0] },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { id: u.id, username: u.username },
      roles: [{ unitId, role: "caseworker" }],
    });
    expect(await auditOf(u.id)).toContainEqual({
      action: "login.succeeded",
      outcome: "allowed",
      data: {},
    });
  });

  it("answers a wrong password and an unknown user identically, and audits both", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: u.username, password: "nope" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "nobody-here", password: "nope" },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: "invalid_credentials",
        message: "Fel användarnamn eller lösenord.",
      });
      expect(res.headers["set-cookie"]).toBeUndefined();
    }
    expect(await auditOf(u.id)).toContainEqual({
      action: "login.failed",
      outcome: "denied",
      data: { why: "bad_password" },
    });
    const anonymous = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("action", "=", "login.failed")
      .where("org_id", "is", null)
      .execute();
    expect(anonymous).toContainEqual({ data: { why: "unknown_user" } });
  });

  it("locks an account for a while after repeated failures, even against the right password", async () => {
    t = await buildTestApp(database(), { FRID_LOGIN_MAX_FAILURES: "3" });
    const u = await user();
    for (let i = 0; i < 3; i++) {
      await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: u.username, password: "wrong" },
      });
    }
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: u.username, password: testPassword },
    });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("too_many_requests");
    expect(await auditOf(u.id)).toContainEqual({
      action: "login.failed",
      outcome: "denied",
      data: { why: "throttled" },
    });
  });

  it("gives a new session id at every login, and logout ends the session on the server", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const first = await login(t.app, u.username);
    const second = await login(t.app, u.username);
    expect(second.cookie).not.toBe(first.cookie);
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: as(second),
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toContain("Max-Age=0");
    const after = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: second.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it("requires the CSRF token on every state-changing request", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const s = await login(t.app, u.username);
    const body = { identityNumber: null, givenName: "Test", familyName: "Person" };
    const without = await t.app.inject({
      method: "POST",
      url: "/api/persons",
      headers: { cookie: s.cookie },
      payload: body,
    });
    expect(without.statusCode).toBe(403);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/persons",
      headers: { cookie: s.cookie, "x-csrf-token": "x" },
      payload: body,
    });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({
      method: "POST",
      url: "/api/persons",
      headers: as(s),
      payload: body,
    });
    expect(right.statusCode).toBe(201);
  });

  it("refuses a login a browser says came from another site", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "sec-fetch-site": "cross-site" },
      payload: { username: u.username, password: testPassword },
    });
    expect(res.statusCode).toBe(403);
  });

  it("ends a session after the idle timeout and after the absolute limit", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const idle = await login(t.app, u.username);
    const absolute = await login(t.app, u.username);
    const { owner } = database();
    await owner
      .updateTable("session")
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where("user_id", "=", u.id)
      .where("expires_at", ">", new Date())
      .execute();
    expect(
      (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: idle.cookie } }))
        .statusCode,
    ).toBe(401);
    await owner
      .updateTable("session")
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", u.id)
      .execute();
    expect(
      (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: absolute.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  it("ends the sessions of a deactivated user and refuses their login", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const s = await login(t.app, u.username);
    await database()
      .owner.updateTable("app_user")
      .set({ active: false })
      .where("id", "=", u.id)
      .execute();
    expect(
      (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(401);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: u.username, password: testPassword },
    });
    expect(res.statusCode).toBe(401);
  });

  it("outside demo mode, makes every account set up and use a one-time code (TOTP)", async () => {
    t = await buildTestApp(database(), { FRID_DEMO: "false" });
    const u = await user();
    const first = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: u.username, password: testPassword },
    });
    expect(first.json().state).toBe("mfa_enrolment_required");
    const pending = {
      cookie: String(first.headers["set-cookie"]).split(";")[0] as string,
      csrfToken: first.json().csrfToken,
    };
    // Nothing but the MFA steps until it is done.
    expect(
      (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: pending.cookie } }))
        .statusCode,
    ).toBe(401);

    const enrol = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa/enrolment",
      headers: as(pending),
    });
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvgDataUrl } = enrol.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

    const bad = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: as(pending),
      payload: { code: "000000" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.code).toContain("Koden stämmer inte");

    const ok = await t.app.inject({
      method: "POST",
      url: "/api/auth/mfa",
      headers: as(pending),
      payload: { code: totp(secret) },
    });
    expect(ok.statusCode).toBe(200);
    const session = {
      cookie: String(ok.headers["set-cookie"]).split(";")[0] as string,
      csrfToken: ok.json().csrfToken,
    };
    expect(session.cookie).not.toBe(pending.cookie);
    expect(
      (
        await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: session.cookie } })
      ).json().user.mfaEnrolled,
    ).toBe(true);
    expect(
      (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: pending.cookie } }))
        .statusCode,
    ).toBe(401);

    const again = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: u.username, password: testPassword },
    });
    expect(again.json().state).toBe("mfa_required");
    // The login page offers the code only: this account has no security key (auth/webauthn).
    const methods = await t.app.inject({
      method: "GET",
      url: "/api/auth/mfa/methods",
      headers: { cookie: String(again.headers["set-cookie"]).split(";")[0] as string },
    });
    expect(methods.json()).toEqual({ totp: true, keys: false });
    expect(await auditOf(u.id)).toContainEqual({
      action: "login.mfa_succeeded",
      outcome: "allowed",
      data: { method: "totp" },
    });
    expect((await auditOf(u.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "login.succeeded",
        "login.mfa_failed",
        "mfa.enrolled",
        "login.mfa_succeeded",
      ]),
    );
  });

  it("answers 400 with field messages for a malformed login", async () => {
    t = await buildTestApp(database());
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      username: "Fältet får inte vara tomt.",
      password: "Fältet är obligatoriskt.",
    });
  });
});
