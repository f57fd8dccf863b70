import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import { buildStayWorld, type StayWorld } from "../../testing/stays.ts";

/**
 * Att göra's lines for stays (docs/deadlines.md, "Stays"): the decision running out shows
 * from 14 days before its last day, a child without school 14 days after arriving, a stay
 * not followed up 14 days after she left; each line goes when the thing is done.
 */
describe.each(testDatabaseKinds)("stays on Att göra (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let s: StayWorld;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    s = await buildStayWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const req = (method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s.worker), ...(payload ? { payload } : {}) });
  const lines = async (caseId: string) =>
    (
      (await req("GET", "/api/worklist")).json().items as {
        kind: string;
        caseId: string;
        dueDate: string;
      }[]
    )
      .filter((i) => i.caseId === caseId)
      .map((i) => [i.kind, i.dueDate]);
  const arrived = (stayId: string, on: string, left: string | null = null) =>
    database()
      .owner.updateTable("stay")
      .set({ arrived_on: on, left_on: left, end_reason: left ? "back_home" : null })
      .where("id", "=", stayId)
      .execute();

  it("shows the decision's end from 14 days before, and a child without school after 14 days", async () => {
    const a = await s.adultCase();
    const ends = addDays(today, 14);
    const decisionId = await s.decision(a.caseId, { kind: "emergency_flat", periodTo: ends });
    const placeId = await s.place({ kind: "emergency_flat" });
    const child = await s.child(a);
    const from = addDays(today, -16);
    const stay = (
      await req("POST", `/api/cases/${a.caseId}/stays`, {
        decisionId,
        placeId,
        plannedFrom: from,
        children: [child.id],
      })
    ).json();
    expect(await lines(a.caseId)).toEqual([["stay_decision_ends", addDays(ends, -7)]]);
    await arrived(stay.id, from);
    expect(await lines(a.caseId)).toEqual([
      ["stay_child_school", addDays(from, 14)],
      ["stay_decision_ends", addDays(ends, -7)],
    ]);
    await req("PUT", `/api/stays/${stay.id}/children/${child.id}`, { schoolKind: "none_needed" });
    expect(await lines(a.caseId)).toEqual([["stay_decision_ends", addDays(ends, -7)]]);
  });

  it("asks for a follow-up 14 days after she left, until it is recorded", async () => {
    const a = await s.adultCase();
    const decisionId = await s.decision(a.caseId, {
      kind: "other_housing",
      periodTo: addDays(today, 60),
    });
    const placeId = await s.place({ kind: "other_housing" });
    const stay = (
      await req("POST", `/api/cases/${a.caseId}/stays`, {
        decisionId,
        placeId,
        plannedFrom: addDays(today, -30),
      })
    ).json();
    const left = addDays(today, -10);
    await arrived(stay.id, addDays(today, -30), left);
    expect(await lines(a.caseId)).toEqual([["stay_follow_up", addDays(left, 14)]]);
    await req("PUT", `/api/stays/${stay.id}/follow-up`, { followedUpOn: today });
    expect(await lines(a.caseId)).toEqual([]);
  });
});
