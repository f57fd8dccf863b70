import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildUser, buildWorkedCase, login, type Session } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";

/**
 * The mail-and-payment routine (issue 19, item 3) ticked by two of the case's workers at
 * once: one tick stands (200), the other is told it was already done (409) — one row, one
 * audit event, so the trail does not say two people did the same thing. The same for a tick
 * taken back twice.
 */
describe.each(testDatabaseKinds)("the protection checklist, two at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let workers: [Session, Session];
  const item = "payments_without_address";

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    const manager = await buildUser(database().owner, w.orgId, [
      { unitId: w.unitId, role: "unit_manager" },
    ]);
    workers = [w.session, await login(t.app, manager.username)];
    await database()
      .owner.updateTable("person")
      .set({ protection_level: "protected_registration" })
      .where("id", "=", w.personId)
      .execute();
  });
  afterAll(() => t?.close());

  const tick = (s: Session, done: boolean) =>
    t.app.inject({
      method: "PUT",
      url: `/api/cases/${w.caseId}/protection-checklist/${item}`,
      headers: as(s),
      payload: { done },
    });
  const rows = async () =>
    (
      await database()
        .owner.selectFrom("protection_checklist")
        .select("done_by")
        .where("case_id", "=", w.caseId)
        .where("item", "=", item)
        .execute()
    ).length;
  const events = async (done: boolean) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("data")
        .where("action", "=", "protection.checklist")
        .where("resource_id", "=", w.caseId)
        .where("outcome", "=", "allowed")
        .execute()
    ).filter((e) => (e.data as { done: boolean }).done === done).length;

  it("ticks an item once: one 200, one 409, one row, one event", async () => {
    const both = await race(2, (i) => tick(workers[i % 2] as Session, true));
    expect(both.counts).toEqual({ 200: 1, 409: 1 });
    const refused = both.responses.find((r) => r.statusCode === 409)!;
    expect(refused.json().error.message).toBe("Punkten är redan avbockad. Ladda om sidan.");
    expect(await rows()).toBe(1);
    expect(await events(true)).toBe(1);
  });

  it("takes a tick back once: one 200, one 409, no row, one event", async () => {
    const both = await race(2, (i) => tick(workers[i % 2] as Session, false));
    expect(both.counts).toEqual({ 200: 1, 409: 1 });
    const refused = both.responses.find((r) => r.statusCode === 409)!;
    expect(refused.json().error.message).toBe("Punkten är inte avbockad. Ladda om sidan.");
    expect(await rows()).toBe(0);
    expect(await events(false)).toBe(1);
  });
});
