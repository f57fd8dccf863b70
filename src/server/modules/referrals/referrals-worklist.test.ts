import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as } from "../../testing/factories.ts";
import { buildReferralOut, buildReferralWorld } from "../../testing/referrals.ts";

/**
 * Att göra's referral_unanswered (docs/deadlines.md, "Referrals"): a referral without an
 * answer the unit's days (default 14) after it was sent (out) or received (in) is due then,
 * shown from 7 days before; a draft makes no line; an answer takes it away; the unit's
 * manager changing the days moves it.
 */
describe.each(testDatabaseKinds)("unanswered referrals on Att göra (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  async function world() {
    const w = await buildReferralWorld(t.app, database().owner);
    const out = (sentOn?: string) =>
      buildReferralOut(database().owner, {
        orgId: w.orgId,
        caseId: w.caseId,
        agencyId: w.agencyId,
        agencyUnitId: w.agencyUnitId,
        createdBy: w.userId,
        ...(sentOn ? { sentOn } : {}),
      });
    const lines = async () =>
      (
        (await t.app.inject({ method: "GET", url: "/api/worklist", headers: as(w.session) })).json()
          .items as { kind: string; caseId: string; dueDate: string; status: string }[]
      )
        .filter((i) => i.kind === "referral_unanswered")
        .map((i) => [i.dueDate, i.status]);
    return { w, out, lines };
  }

  it("shows a sent referral from 7 days before its answer is due, overdue after; never a draft", async () => {
    const { out, lines } = await world();
    await out(); // a draft
    await out(today); // due in 14 days: not yet
    expect(await lines()).toEqual([]);
    const tenDaysAgo = addDays(today, -10);
    await out(tenDaysAgo);
    expect(await lines()).toEqual([[addDays(tenDaysAgo, 14), "due_soon"]]);
    const twentyDaysAgo = addDays(today, -20);
    await out(twentyDaysAgo);
    expect(await lines()).toEqual([
      [addDays(twentyDaysAgo, 14), "overdue"],
      [addDays(tenDaysAgo, 14), "due_soon"],
    ]);
  });

  it("takes the line away when the answer is recorded, and moves it with the unit's days", async () => {
    const { w, out, lines } = await world();
    const twentyDaysAgo = addDays(today, -20);
    const answeredOne = await out(twentyDaysAgo);
    await out(twentyDaysAgo);
    expect(await lines()).toHaveLength(2);
    const answered = await t.app.inject({
      method: "POST",
      url: `/api/cases/${w.caseId}/referrals/${answeredOne}/answer`,
      headers: as(w.session),
      payload: { answer: "accepted", answeredOn: today },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await lines()).toEqual([[addDays(twentyDaysAgo, 14), "overdue"]]);
    const set = await t.app.inject({
      method: "PUT",
      url: `/api/units/${w.unitId}/referral-answer-days`,
      headers: as(w.managerSession),
      payload: { days: 30 },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(await lines()).toEqual([]);
    await t.app.inject({
      method: "PUT",
      url: `/api/units/${w.unitId}/referral-answer-days`,
      headers: as(w.managerSession),
      payload: { days: 25 },
    });
    expect(await lines()).toEqual([[addDays(twentyDaysAgo, 25), "due_soon"]]);
  });

  it("counts a referral in from the day it was received", async () => {
    const { w, lines } = await world();
    const receivedOn = addDays(today, -15);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/referrals/incoming",
      headers: as(w.session),
      payload: {
        personId: w.personId,
        unitId: w.unitId,
        kind: "application",
        agencyId: w.agencyId,
        receivedAt: `${receivedOn}T10:00:00+01:00`,
        channel: "letter",
        reason: "Psykiatrin remitterar för stöd efter våld i nära relation.",
        askedAboutViolence: true,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await lines()).toEqual([[addDays(receivedOn, 14), "overdue"]]);
  });
});
