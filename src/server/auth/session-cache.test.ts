import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../testing/databases.ts";
import {
  as,
  buildCase,
  buildOrg,
  buildPerson,
  buildUnit,
  buildUser,
  login,
  type Session,
  testPassword,
} from "../testing/factories.ts";

/*
 * Issue 14: an audited case read takes the session from memory, and its own statement
 * checks that the session still holds. Every way a session ends must refuse the very next
 * read (401) — also when the change was made by another server process (here: a second app
 * on the same database, or SQL straight into the tables), and nothing of the refused read is
 * recorded as a read.
 */
describe.each(testDatabaseKinds)("a session held in memory ends at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  /** Another server process: its own app and its own memory, the same database. */
  let other: TestApp;
  let w: {
    orgId: string;
    unitId: string;
    userId: string;
    caseId: string;
    username: string;
    session: Session;
  };
  let adminSession: Session;

  afterEach(async () => {
    await t?.close();
    await other?.close();
  });
  beforeEach(async () => {
    const owner = database().owner;
    t = await buildTestApp(database());
    other = await buildTestApp(database());
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const user = await buildUser(owner, org.id, [{ unitId: unit.id, role: "caseworker" }]);
    const person = await buildPerson(owner, org.id, user.id);
    const c = await buildCase(owner, {
      orgId: org.id,
      unitId: unit.id,
      personId: person.id,
      openedBy: user.id,
    });
    const admin = await buildUser(owner, org.id, [{ unitId: null, role: "administrator" }]);
    adminSession = await login(other.app, admin.username);
    w = {
      orgId: org.id,
      unitId: unit.id,
      userId: user.id,
      caseId: c.id,
      username: user.username,
      session: await login(t.app, user.username),
    };
  });

  const read = (s: Session, caseId = w.caseId) =>
    t.app.inject({ method: "GET", url: `/api/cases/${caseId}`, headers: { cookie: s.cookie } });
  const readsRecorded = async () =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("action", "=", "case.read")
        .where("actor_user_id", "=", w.userId)
        .executeTakeFirstOrThrow()
    ).n;
  /** Two reads: the second is served with the session from memory. */
  async function readTwice(s = w.session) {
    expect((await read(s)).statusCode).toBe(200);
    expect((await read(s)).statusCode).toBe(200);
  }
  async function expectRefused(s = w.session) {
    const before = Number(await readsRecorded());
    const res = await read(s);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
    expect(Number(await readsRecorded())).toBe(before);
  }
  const setSession = (values: { last_seen_at?: Date; expires_at?: Date }) =>
    database().owner.updateTable("session").set(values).where("user_id", "=", w.userId).execute();

  it("logout (in this process)", async () => {
    await readTwice();
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: as(w.session),
    });
    expect(out.statusCode).toBe(204);
    await expectRefused();
  });

  it("logout in another process", async () => {
    await readTwice();
    const out = await other.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: as(w.session),
    });
    expect(out.statusCode).toBe(204);
    await expectRefused();
  });

  it("a password change in another process ends the other sessions", async () => {
    await readTwice();
    const second = await login(other.app, w.username);
    const res = await other.app.inject({
      method: "POST",
      url: "/api/me/password",
      headers: as(second),
      payload: { currentPassword: testPassword, newPassword: "ett helt nytt lösenord 42" },
    });
    expect(res.statusCode).toBe(204);
    await expectRefused();
  });

  it("deactivation by an administrator in another process", async () => {
    await readTwice();
    const res = await other.app.inject({
      method: "PATCH",
      url: `/api/admin/users/${w.userId}`,
      headers: as(adminSession),
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    await expectRefused();
  });

  it("deactivation written straight into the table (no session revoked)", async () => {
    await readTwice();
    await database()
      .owner.updateTable("app_user")
      .set({ active: false })
      .where("id", "=", w.userId)
      .execute();
    await expectRefused();
  });

  it("an MFA reset by an administrator in another process", async () => {
    await readTwice();
    const res = await other.app.inject({
      method: "POST",
      url: `/api/admin/users/${w.userId}/mfa-reset`,
      headers: as(adminSession),
    });
    expect(res.statusCode).toBe(204);
    await expectRefused();
  });

  it("the absolute limit passed", async () => {
    await readTwice();
    await setSession({ expires_at: new Date(Date.now() - 1000) });
    await expectRefused();
  });

  it("the idle limit passed (as the database's clock of the session says)", async () => {
    await readTwice();
    await setSession({ last_seen_at: new Date(Date.now() - 31 * 60_000) });
    await expectRefused();
  });

  it("a role taken away in another process is gone from the next read", async () => {
    const owner = database().owner;
    const manager = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "unit_manager" }]);
    const s = await login(t.app, manager.username);
    // The manager sees the unit's case without being assigned: through the role alone.
    await readTwice(s);
    const role = await owner
      .selectFrom("role_assignment")
      .select("id")
      .where("user_id", "=", manager.id)
      .executeTakeFirstOrThrow();
    const res = await other.app.inject({
      method: "DELETE",
      url: `/api/admin/role-assignments/${role.id}`,
      headers: as(adminSession),
    });
    expect(res.statusCode).toBe(204);
    const after = await read(s);
    expect(after.statusCode).toBe(404);
    // The refusal is in the trail as before: a denied read naming the case.
    const denied = await owner
      .selectFrom("audit_event")
      .select(["outcome", "resource_id"])
      .where("actor_user_id", "=", manager.id)
      .where("action", "=", "case.read")
      .where("outcome", "=", "denied")
      .execute();
    expect(denied).toEqual([{ outcome: "denied", resource_id: w.caseId }]);
  });

  it("a role given in another process counts at the next read", async () => {
    const owner = database().owner;
    const colleague = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "caseworker" }]);
    const s = await login(t.app, colleague.username);
    expect((await read(s)).statusCode).toBe(404);
    expect((await read(s)).statusCode).toBe(404);
    const res = await other.app.inject({
      method: "POST",
      url: `/api/admin/users/${colleague.id}/roles`,
      headers: as(adminSession),
      payload: { unitId: w.unitId, role: "unit_manager" },
    });
    expect(res.statusCode).toBe(200);
    expect((await read(s)).statusCode).toBe(200);
  });

  it("keeps the idle clock sliding: a read moves a clock that is due, without a write per read", async () => {
    await setSession({ last_seen_at: new Date(Date.now() - 25 * 60_000) });
    const lastSeen = async () =>
      (
        await database()
          .owner.selectFrom("session")
          .select("last_seen_at")
          .where("user_id", "=", w.userId)
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    expect((await read(w.session)).statusCode).toBe(200);
    const moved = await lastSeen();
    expect(moved).toBeGreaterThan(Date.now() - 60_000);
    // Within the minute, reads from memory write nothing to the session.
    await readTwice();
    expect(await lastSeen()).toBe(moved);
  });
});
