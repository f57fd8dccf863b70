import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { buildOrg, buildUnit, buildUser, testPassword } from "../testing/factories.ts";
import { totp } from "./totp.ts";

/**
 * Login throttling must stop password guessing without letting anyone lock others out:
 * behind a proxy every user shares one address, so an address lock would lock the whole
 * organisation. Limits: per (address, username) FRID_LOGIN_MAX_FAILURES, per username ×4,
 * per address ×20 and then only a short slowdown.
 */
describe.each(testDatabaseKinds)("login throttling (%s)", (kind) => {
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
  // Each test uses addresses of its own: the counts live in the shared database.
  let net = 0;
  const addresses = () => {
    net += 1;
    return (host: number) => `10.${net}.0.${host}`;
  };
  const attempt = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      remoteAddress,
      payload: { username, password },
    });
  const expectRetryAfter = (res: { headers: Record<string, unknown> }, atMost: number) => {
    const seconds = Number(res.headers["retry-after"]);
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(atMost);
  };

  it("does not lock a colleague out of an address (one proxy) where 25 logins failed", async () => {
    t = await buildTestApp(database());
    const at = addresses();
    const [target, colleague] = [await user(), await user()];
    // One username failing 25 times, then 25 usernames failing once (typos across an office).
    for (let i = 0; i < 25; i++) await attempt(target.username, "wrong", at(1));
    for (let i = 0; i < 25; i++) await attempt(`someone-${net}-${i}`, "wrong", at(1));
    const res = await attempt(colleague.username, testPassword, at(1));
    expect(res.statusCode, res.body).toBe(200);
  });

  it("locks a username at one address without locking it from another", async () => {
    t = await buildTestApp(database(), { FRID_LOGIN_MAX_FAILURES: "3" });
    const at = addresses();
    const u = await user();
    for (let i = 0; i < 3; i++) await attempt(u.username, "wrong", at(1));
    const locked = await attempt(u.username, testPassword, at(1));
    expect(locked.statusCode).toBe(429);
    expectRetryAfter(locked, 15 * 60);
    expect((await attempt(u.username, testPassword, at(2))).statusCode).toBe(200);
  });

  it("locks a username for everyone once its failures from all addresses reach its limit", async () => {
    t = await buildTestApp(database(), { FRID_LOGIN_MAX_FAILURES: "2" });
    const at = addresses();
    const u = await user();
    // 2 per address (each address then locked for this username) × 4 addresses = 8 = 2 × 4.
    for (const host of [1, 2, 3, 4]) {
      for (let i = 0; i < 2; i++) {
        expect((await attempt(u.username, "wrong", at(host))).statusCode).toBe(401);
      }
    }
    const res = await attempt(u.username, testPassword, at(9));
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("too_many_requests");
    expectRetryAfter(res, 15 * 60);
  });

  it("only slows an address down, briefly, after far more failures than one person makes", async () => {
    t = await buildTestApp(database(), { FRID_LOGIN_MAX_FAILURES: "1" });
    const at = addresses();
    // 20 different usernames (×20 the limit), each failing once: nobody is locked ...
    for (let i = 0; i < 20; i++) {
      expect((await attempt(`nobody-${net}-${i}`, "wrong", at(1))).statusCode).toBe(401);
    }
    // ... but the address is now slowed down: a minute at most, never the whole lockout.
    const u = await user();
    const slowed = await attempt(u.username, testPassword, at(1));
    expect(slowed.statusCode).toBe(429);
    expectRetryAfter(slowed, 60);
    expect((await attempt(u.username, testPassword, at(2))).statusCode).toBe(200);
  });

  it("locks the one-time code step too, with Retry-After", async () => {
    t = await buildTestApp(database(), { FRID_LOGIN_MAX_FAILURES: "3" });
    const at = addresses();
    const u = await user();
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await database()
      .owner.updateTable("app_user")
      .set({ totp_secret: secret, mfa_enrolled_at: new Date() })
      .where("id", "=", u.id)
      .execute();
    const first = await attempt(u.username, testPassword, at(1));
    expect(first.json().state).toBe("mfa_required");
    const headers = {
      cookie: String(first.headers["set-cookie"]).split(";")[0] as string,
      "x-csrf-token": first.json().csrfToken as string,
    };
    const code = (value: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/mfa",
        remoteAddress: at(1),
        headers,
        payload: { code: value },
      });
    const wrong = totp(secret) === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) expect((await code(wrong)).statusCode).toBe(400);
    const res = await code(totp(secret));
    expect(res.statusCode).toBe(429);
    expectRetryAfter(res, 15 * 60);
  });

  it("gives every 429 a Retry-After, also one the framework raises", async () => {
    t = await buildTestApp(database());
    t.app.get("/api/test-busy", { config: { public: true } }, async () => {
      throw Object.assign(new Error("busy"), { statusCode: 429 });
    });
    const res = await t.app.inject({ method: "GET", url: "/api/test-busy" });
    expect(res.statusCode).toBe(429);
    expectRetryAfter(res, 60);
  });

  it("warns once when a proxy seems to forward requests while FRID_TRUST_PROXY is off", async () => {
    t = await buildTestApp(database());
    const health = (remoteAddress: string) =>
      t.app.inject({
        method: "GET",
        url: "/api/health",
        remoteAddress,
        headers: { "x-forwarded-for": "198.51.100.7" },
      });
    await health("127.0.0.1");
    await health("192.168.1.10");
    const warnings = t.logs().filter((l) => String(l.msg).includes("FRID_TRUST_PROXY"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe(40);
    expect(t.logText()).not.toContain("198.51.100.7");
  });

  it("does not warn when the proxy is trusted, or when nothing was forwarded", async () => {
    t = await buildTestApp(database(), { FRID_TRUST_PROXY: "true" });
    await t.app.inject({
      method: "GET",
      url: "/api/health",
      remoteAddress: "127.0.0.1",
      headers: { "x-forwarded-for": "198.51.100.7" },
    });
    const warnings = () => t.logs().filter((l) => String(l.msg).includes("FRID_TRUST_PROXY"));
    expect(warnings()).toHaveLength(0);
    await t.close();
    t = await buildTestApp(database());
    await t.app.inject({ method: "GET", url: "/api/health", remoteAddress: "127.0.0.1" });
    expect(warnings()).toHaveLength(0);
  });
});
