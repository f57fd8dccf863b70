import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import { as, buildOrg, buildUnit, buildUser, login, type Session } from "../testing/factories.ts";

/*
 * The session's clock, for the web: how long until it ends (GET /api/auth/session, which is
 * not itself activity) and a heartbeat the web sends while the user types (POST
 * /api/auth/heartbeat), which moves the idle limit but never past the absolute one.
 */
describe.each(testDatabaseKinds)("session clock and heartbeat (%s)", (kind) => {
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
  const setSession = (userId: string, values: { last_seen_at?: Date; expires_at?: Date }) =>
    database().owner.updateTable("session").set(values).where("user_id", "=", userId).execute();
  const lastSeen = async (userId: string) =>
    (
      await database()
        .owner.selectFrom("session")
        .select("last_seen_at")
        .where("user_id", "=", userId)
        .executeTakeFirstOrThrow()
    ).last_seen_at.getTime();
  const status = (s: Session) =>
    t.app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie: s.cookie } });
  const heartbeat = (s: Session, headers = as(s)) =>
    t.app.inject({ method: "POST", url: "/api/auth/heartbeat", headers });
  const ago = (ms: number) => new Date(Date.now() - ms);

  it("answers 401 to both without a session", async () => {
    t = await buildTestApp(database());
    const anonymous = { cookie: "", csrfToken: "x" };
    for (const res of [await status(anonymous), await heartbeat(anonymous)]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("unauthenticated");
    }
  });

  it("tells how long the session has left without counting the question as activity", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const s = await login(t.app, u.username);
    await setSession(u.id, { last_seen_at: ago(20 * 60_000) });
    const before = await lastSeen(u.id);
    const res = await status(s);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      idleLimitSeconds: 1800,
      endsInSeconds: expect.any(Number),
      endsBy: "idle",
    });
    // 10 of the 30 minutes are left (less the moments the test took).
    expect(body.endsInSeconds).toBeGreaterThan(540);
    expect(body.endsInSeconds).toBeLessThanOrEqual(600);
    expect(await lastSeen(u.id)).toBe(before);
  });

  it("refuses a heartbeat without the CSRF token, and the idle clock stays where it was", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const s = await login(t.app, u.username);
    await setSession(u.id, { last_seen_at: ago(20 * 60_000) });
    const before = await lastSeen(u.id);
    const without = await heartbeat(s, { cookie: s.cookie, "x-csrf-token": "" });
    expect(without.statusCode).toBe(403);
    const wrong = await heartbeat(s, { cookie: s.cookie, "x-csrf-token": "not-the-token" });
    expect(wrong.statusCode).toBe(403);
    // The refused requests were not activity either: 10 minutes are still all that is left.
    expect((await status(s)).json().endsInSeconds).toBeLessThanOrEqual(600);
    expect(await lastSeen(u.id)).toBe(before);
  });

  it("moves the idle limit with a heartbeat: the whole idle time is left again", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const s = await login(t.app, u.username);
    await setSession(u.id, { last_seen_at: ago(29 * 60_000) });
    const res = await heartbeat(s);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idleLimitSeconds: 1800, endsBy: "idle" });
    expect(res.json().endsInSeconds).toBeGreaterThan(1790);
    expect(await lastSeen(u.id)).toBeGreaterThan(Date.now() - 10_000);
    expect((await status(s)).json().endsInSeconds).toBeGreaterThan(1790);
  });

  it("never moves the end past the absolute limit, and after it the heartbeat is refused", async () => {
    t = await buildTestApp(database());
    const u = await user();
    const s = await login(t.app, u.username);
    await setSession(u.id, { expires_at: new Date(Date.now() + 5 * 60_000) });
    const near = await heartbeat(s);
    expect(near.statusCode).toBe(200);
    expect(near.json().endsBy).toBe("absolute");
    expect(near.json().endsInSeconds).toBeLessThanOrEqual(300);
    expect((await status(s)).json()).toMatchObject({ endsBy: "absolute" });

    await setSession(u.id, { last_seen_at: new Date(), expires_at: ago(1000) });
    expect((await heartbeat(s)).statusCode).toBe(401);
    expect((await status(s)).statusCode).toBe(401);
  });

  it("with a short idle limit, every request is activity (the clock is not written only once a minute)", async () => {
    t = await buildTestApp(database(), { FRID_SESSION_IDLE_MINUTES: "0.5" });
    const u = await user();
    const s = await login(t.app, u.username);
    expect((await status(s)).json().idleLimitSeconds).toBe(30);
    await setSession(u.id, { last_seen_at: ago(20_000) });
    expect(
      (await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(await lastSeen(u.id)).toBeGreaterThan(Date.now() - 10_000);
    await setSession(u.id, { last_seen_at: ago(31_000) });
    expect((await status(s)).statusCode).toBe(401);
  });
});
