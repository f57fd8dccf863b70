import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RestrainingOrderStatus } from "../../../shared/api/police-collaboration.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase } from "../../testing/factories.ts";
import { dayFromToday } from "../../testing/police-collaboration.ts";

/*
 * Att göra's police collaboration lines (docs/deadlines.md "Police collaboration"): a
 * granted restraining order's end shows from 14 days before (due a week before), until a
 * renewal is considered or the order ends early; an alarm's follow-up and its last day.
 */
describe.each(testDatabaseKinds)("Att göra: restraining orders and alarms (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  /** A worked case of its own, with one order as given; the worker's lines of that kind. */
  async function withOrder(order: {
    status?: RestrainingOrderStatus;
    until: number;
    renewalConsidered?: boolean;
  }) {
    const w = await buildWorkedCase(t.app, database().owner);
    await database()
      .owner.insertInto("restraining_order")
      .values({
        id: randomUUID(),
        org_id: w.orgId,
        case_id: w.caseId,
        kind: "contact",
        status: order.status ?? "granted",
        protected_person_id: w.personId,
        against_name: "Namn Fiktiv",
        valid_from: dayFromToday(order.until - 300),
        valid_until: dayFromToday(order.until),
        ended_on: order.status === "ended_early" ? dayFromToday(-1) : null,
        renewal_considered_on: order.renewalConsidered ? dayFromToday(0) : null,
        recorded_by: w.userId,
      })
      .execute();
    return lines(w.session, "restraining_order_ends");
  }

  async function lines(session: Awaited<ReturnType<typeof buildWorkedCase>>["session"], k: string) {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/worklist?scope=mine",
      headers: as(session),
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { kind: string; status: string; dueDate: string }[]).filter(
      (i) => i.kind === k,
    );
  }

  it("shows an order ending within 14 days: due soon, then overdue, and once passed", async () => {
    expect(await withOrder({ until: 12 })).toEqual([
      expect.objectContaining({ status: "due_soon", dueDate: dayFromToday(5) }),
    ]);
    expect(await withOrder({ until: 5 })).toEqual([
      expect.objectContaining({ status: "overdue", dueDate: dayFromToday(-2) }),
    ]);
    expect(await withOrder({ until: -3 })).toEqual([
      expect.objectContaining({ status: "overdue" }),
    ]);
  });

  it("shows nothing before its time, once ended early or rejected, or once a renewal is considered", async () => {
    expect(await withOrder({ until: 30 })).toEqual([]);
    expect(await withOrder({ until: 5, status: "ended_early" })).toEqual([]);
    expect(await withOrder({ until: 5, status: "applied" })).toEqual([]);
    expect(await withOrder({ until: 5, renewalConsidered: true })).toEqual([]);
  });

  it("shows an alarm's follow-up until it is done, and its last day, until it is returned", async () => {
    const w = await buildWorkedCase(t.app, database().owner);
    const id = randomUUID();
    await database()
      .owner.insertInto("safety_alarm")
      .values({
        id,
        org_id: w.orgId,
        case_id: w.caseId,
        kind: "safety_alarm",
        valid_from: dayFromToday(-60),
        valid_until: dayFromToday(10),
        follow_up_on: dayFromToday(-1),
        supplied_by: "Kommunens trygghetslarm",
        recorded_by: w.userId,
      })
      .execute();
    const both = await lines(w.session, "safety_alarm_follow_up");
    expect(both.map((l) => [l.status, l.dueDate])).toEqual([
      ["overdue", dayFromToday(-1)],
      ["due_soon", dayFromToday(3)],
    ]);
    const alarm = database().owner.updateTable("safety_alarm").where("id", "=", id);
    await alarm.set({ followed_up_on: dayFromToday(0) }).execute();
    expect((await lines(w.session, "safety_alarm_follow_up")).map((l) => l.dueDate)).toEqual([
      dayFromToday(3),
    ]);
    await alarm.set({ returned_on: dayFromToday(0) }).execute();
    expect(await lines(w.session, "safety_alarm_follow_up")).toEqual([]);
  });
});
