import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnomalyList, LogReviewSettings } from "../../../shared/api/log-review.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { type LogReviewWorld, seedLogReviewWorld, trailDay } from "./log-review-world.ts";

/**
 * Issue 19, item 7: the threshold of "many persons the same day" is the organisation's, set
 * by a unit manager or an administrator within 5–1000; every change is audited with the old
 * and the new value, and the anomaly lists count with it at once. Nobody else reads or sets
 * it (403, audited); another organisation's setting is its own.
 */
describe.each(testDatabaseKinds)("the log review's threshold (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: LogReviewWorld;
  let manager: Session;
  let admin: Session;
  let adminId: string;
  let worker: Session;
  let otherManager: Session;

  const call = (s: Session | null, method: "GET" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: s ? as(s) : {}, ...(payload ? { payload } : {}) });
  const put = (s: Session | null, payload: object) =>
    call(s, "PUT", "/api/audit/settings", payload);
  const events = (action: string, userId: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "data"])
      .where("action", "=", action)
      .where("actor_user_id", "=", userId)
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    t = await buildTestApp(database());
    const owner = database().owner;
    w = await seedLogReviewWorld(owner);
    manager = await login(t.app, w.managerA.username);
    worker = await login(t.app, w.w1.username);
    const a = await buildUser(owner, w.orgId, [{ unitId: null, role: "administrator" }]);
    adminId = a.id;
    admin = await login(t.app, a.username);
    const other = await buildOrg(owner);
    const otherUnit = await buildUnit(owner, other.id);
    const om = await buildUser(owner, other.id, [{ unitId: otherUnit.id, role: "unit_manager" }]);
    otherManager = await login(t.app, om.username);
  });
  afterAll(() => t?.close());

  it("answers 401 without a session and 403 to a caseworker, the refusal audited", async () => {
    expect((await call(null, "GET", "/api/audit/settings")).statusCode).toBe(401);
    expect((await put(null, { manyPersonsPerDay: 10 })).statusCode).toBe(401);
    const read = await call(worker, "GET", "/api/audit/settings");
    expect(read.statusCode).toBe(403);
    expect(read.json().error.message).toBe(
      "Loggkontrollens inställningar sköts av enhetschefer och systemförvaltare.",
    );
    expect((await put(worker, { manyPersonsPerDay: 10 })).statusCode).toBe(403);
    expect(await events("audit.settings_read", w.w1.id)).toEqual([{ outcome: "denied", data: {} }]);
    expect(await events("audit.settings", w.w1.id)).toEqual([{ outcome: "denied", data: {} }]);
  });

  it("answers a value outside 5–1000 or not a whole number with 400 and says the bounds", async () => {
    for (const manyPersonsPerDay of [4, 1001, 12.5, "tolv", null]) {
      const res = await put(manager, { manyPersonsPerDay });
      expect(res.statusCode, String(manyPersonsPerDay)).toBe(400);
      expect(res.json().error.fields.manyPersonsPerDay).toBe("Ange ett heltal från 5 till 1000.");
    }
    expect((await put(manager, {})).statusCode).toBe(400);
    expect(await events("audit.settings", w.managerA.id)).toEqual([]);
  });

  it("is set by a manager, then an administrator, each change audited with old and new value", async () => {
    // The world's organisation counts from 3 (log-review-world.ts).
    const before = (await call(manager, "GET", "/api/audit/settings")).json() as LogReviewSettings;
    expect(before).toMatchObject({ manyPersonsPerDay: 3, isDefault: false });
    const set = await put(manager, { manyPersonsPerDay: 5 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ manyPersonsPerDay: 5, isDefault: false });
    const byAdmin = await put(admin, { manyPersonsPerDay: 40 });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    const read = (await call(manager, "GET", "/api/audit/settings")).json() as LogReviewSettings;
    const adminName = await database()
      .owner.selectFrom("app_user")
      .select("display_name")
      .where("id", "=", adminId)
      .executeTakeFirstOrThrow();
    expect(read).toMatchObject({ manyPersonsPerDay: 40, updatedBy: adminName.display_name });
    expect(await events("audit.settings", w.managerA.id)).toEqual([
      { outcome: "allowed", data: { manyPersonsPerDay: { from: 3, to: 5 } } },
    ]);
    expect(await events("audit.settings", adminId)).toEqual([
      { outcome: "allowed", data: { manyPersonsPerDay: { from: 5, to: 40 } } },
    ]);
  });

  it("is what the anomaly list counts with, at once", async () => {
    const list = async () =>
      (
        await call(
          manager,
          "GET",
          `/api/audit/anomalies?from=${trailDay.first}&to=${trailDay.second}&kind=many_persons`,
        )
      ).json() as AnomalyList;
    // w1 opened five persons on the first day, w2 three on the second: neither reaches 6.
    expect(await put(manager, { manyPersonsPerDay: 6 })).toHaveProperty("statusCode", 200);
    const at6 = await list();
    expect(at6.manyPersonsPerDay).toBe(6);
    expect(at6.anomalies).toEqual([]);
    await database()
      .owner.updateTable("log_review_setting")
      .set({ many_persons_per_day: 3 })
      .where("org_id", "=", w.orgId)
      .execute();
    const at3 = await list();
    expect(at3.anomalies.map((a) => [a.user.id, a.day, a.persons])).toEqual([
      [w.w2.id, trailDay.second, 3],
      [w.w1.id, trailDay.first, 5],
    ]);
  });

  it("is each organisation's own: another's manager sees the default and sets only theirs", async () => {
    const other = (await call(otherManager, "GET", "/api/audit/settings")).json();
    expect(other).toEqual({
      manyPersonsPerDay: 30,
      isDefault: true,
      updatedAt: null,
      updatedBy: null,
    });
    expect((await put(otherManager, { manyPersonsPerDay: 900 })).statusCode).toBe(200);
    const ours = (await call(manager, "GET", "/api/audit/settings")).json();
    expect(ours.manyPersonsPerDay).toBe(3);
  });

  it("takes two first settings at once one after the other: each event's old value is true", async () => {
    const owner = database().owner;
    const org = await buildOrg(owner);
    const unit = await buildUnit(owner, org.id);
    const [a, b] = await Promise.all(
      [0, 1].map(() => buildUser(owner, org.id, [{ unitId: unit.id, role: "unit_manager" }])),
    );
    const [sa, sb] = [await login(t.app, a?.username ?? ""), await login(t.app, b?.username ?? "")];
    const answers = await Promise.all([
      put(sa, { manyPersonsPerDay: 25 }),
      put(sb, { manyPersonsPerDay: 40 }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const changes = (
      await database()
        .owner.selectFrom("audit_event")
        .select("data")
        .where("action", "=", "audit.settings")
        .where("org_id", "=", org.id)
        .orderBy("id")
        .execute()
    ).map((e) => (e.data as { manyPersonsPerDay: { from: number; to: number } }).manyPersonsPerDay);
    expect(changes).toHaveLength(2);
    // The first starts from the default, the second from what the first set.
    expect(changes[0]?.from).toBe(30);
    expect(changes[1]?.from).toBe(changes[0]?.to);
  });
});
