import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildOrg, buildUnit, buildUser, testPassword } from "../testing/factories.ts";
import { totp } from "./totp.ts";

/**
 * A one-time password (npm run admin:create) is printed on a terminal and may be seen by
 * someone else: it must be replaced before the account can do anything, and must not work
 * again. The change comes after the one-time code, never instead of it.
 */
describe.each(testDatabaseKinds)("one-time passwords (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let orgId: string;
  let unitId: string;
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const newPassword = "ett eget lösenord för provet";
  afterEach(() => t?.close());
  beforeAll(async () => {
    orgId = (await buildOrg(database().owner)).id;
    unitId = (await buildUnit(database().owner, orgId)).id;
  });

  async function oneTimeUser(enrolled: boolean) {
    const u = await buildUser(database().owner, orgId, [{ unitId, role: "caseworker" }]);
    await database()
      .owner.updateTable("app_user")
      .set({
        password_change_required: true,
        ...(enrolled ? { totp_secret: secret, mfa_enrolled_at: new Date() } : {}),
      })
      .where("id", "=", u.id)
      .execute();
    return u;
  }

  /** A browser: keeps the cookie and the CSRF token of the latest answer. */
  function browser() {
    let cookie = "";
    let csrf = "";
    return async (method: "GET" | "POST", url: string, payload?: object) => {
      const res = await t.app.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": csrf },
        ...(payload ? { payload } : {}),
      });
      const set = res.headers["set-cookie"];
      if (set) cookie = String(set).split(";")[0] as string;
      if (res.statusCode === 200 && res.json().csrfToken) csrf = res.json().csrfToken;
      return res;
    };
  }

  it("asks for a new password after the one-time code, and allows nothing else before it", async () => {
    t = await buildTestApp(database(), { FRID_DEMO: "false" });
    const u = await oneTimeUser(true);
    const b = browser();
    const login = await b("POST", "/api/auth/login", {
      username: u.username,
      password: testPassword,
    });
    expect(login.json().state).toBe("mfa_required");
    // The change cannot stand in for the one-time code.
    const early = await b("POST", "/api/auth/password", {
      currentPassword: testPassword,
      newPassword,
    });
    expect(early.statusCode).toBe(409);
    const mfa = await b("POST", "/api/auth/mfa", { code: totp(secret) });
    expect(mfa.json().state).toBe("password_change_required");
    expect((await b("GET", "/api/me")).statusCode).toBe(401);
    // Neither the code again nor a new authenticator app gets past the change.
    expect((await b("POST", "/api/auth/mfa", { code: totp(secret) })).json().state).toBe(
      "password_change_required",
    );
    expect((await b("POST", "/api/auth/mfa/enrolment")).statusCode).toBe(409);
    expect((await b("GET", "/api/me")).statusCode).toBe(401);

    const wrong = await b("POST", "/api/auth/password", { currentPassword: "nej", newPassword });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ currentPassword: "Lösenordet stämmer inte." });
    const same = await b("POST", "/api/auth/password", {
      currentPassword: testPassword,
      newPassword: testPassword,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields.newPassword).toMatch(/annat lösenord/);

    const changed = await b("POST", "/api/auth/password", {
      currentPassword: testPassword,
      newPassword,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().state).toBe("authenticated");
    expect((await b("GET", "/api/me")).statusCode).toBe(200);

    const again = browser();
    const old = await again("POST", "/api/auth/login", {
      username: u.username,
      password: testPassword,
    });
    expect(old.statusCode).toBe(401);
    const next = await again("POST", "/api/auth/login", {
      username: u.username,
      password: newPassword,
    });
    expect(next.json().state).toBe("mfa_required");
    expect((await again("POST", "/api/auth/mfa", { code: totp(secret) })).json().state).toBe(
      "authenticated",
    );
    const audit = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("actor_user_id", "=", u.id)
      .where("action", "=", "password.changed")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("in demo mode, without an authenticator app, asks for the new password at once", async () => {
    t = await buildTestApp(database());
    const u = await oneTimeUser(false);
    const b = browser();
    const login = await b("POST", "/api/auth/login", {
      username: u.username,
      password: testPassword,
    });
    expect(login.json().state).toBe("password_change_required");
    expect((await b("GET", "/api/me")).statusCode).toBe(401);
    const changed = await b("POST", "/api/auth/password", {
      currentPassword: testPassword,
      newPassword,
    });
    expect(changed.json().state).toBe("authenticated");
    expect((await b("GET", "/api/me")).statusCode).toBe(200);
  });

  it("refuses the change for a session that is not waiting for one", async () => {
    t = await buildTestApp(database());
    const u = await buildUser(database().owner, orgId, [{ unitId, role: "caseworker" }]);
    const b = browser();
    await b("POST", "/api/auth/login", { username: u.username, password: testPassword });
    const res = await b("POST", "/api/auth/password", {
      currentPassword: testPassword,
      newPassword,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/Mitt konto/);
  });
});
