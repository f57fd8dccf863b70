import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency, buildSharingConsent } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";

/**
 * A SIP saved by six at once from the same version (issue 18, item 6): the version in the
 * update's WHERE lets exactly one through — one 200, five 409 — and the plan holds the
 * winner's goals at the one new version, never a mix or a version skipped.
 */
describe.each(testDatabaseKinds)("a SIP saved at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let health: string;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    w = await buildWorkedCase(t.app, owner);
    health = await buildAgency(owner, { orgId: w.orgId, ownerId: w.userId, kind: "health_centre" });
  });
  afterAll(() => t?.close());

  const req = (method: "POST" | "PUT", url: string, payload: object) =>
    t.app.inject({ method, url, headers: as(w.session), payload });

  it("saves the plan once when six saves of the same version arrive at once", async () => {
    const consentId = await buildSharingConsent(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId: health,
      recordedBy: w.userId,
      givenOn: addDays(today, -10),
    });
    const plans = `/api/cases/${w.caseId}/coordinated-plans`;
    const opened = await req("POST", plans, { agencyId: health, consentId });
    expect(opened.statusCode, opened.body).toBe(201);
    const plan = opened.json();
    const outcome = await race(6, (i) =>
      req("PUT", `${plans}/${plan.id}`, {
        version: plan.version,
        goals: [`Mål ${i + 1}.`],
        participants: [],
        responsibilities: [],
        meetings: [],
        coordinatorKey: null,
        followUpOn: addDays(today, 30 + i),
        followedUpOn: null,
        followUpFindings: "",
        newAgencies: [],
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: 5 });
    for (const r of outcome.responses.filter((r) => r.statusCode === 409))
      expect(r.json().error.message).toContain("Någon annan har sparat planen under tiden.");
    const winner = outcome.responses.find((r) => r.statusCode === 200)?.json();
    expect(winner.version).toBe(plan.version + 1);
    const rows = await database()
      .owner.selectFrom("coordinated_plan")
      .select(["version", "goals", "follow_up_on"])
      .where("case_id", "=", w.caseId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: plan.version + 1, goals: winner.goals });
    expect(String(rows[0]?.follow_up_on)).toBe(winner.followUpOn);
    const saves = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("action", "=", "coordinated_plan.save")
      .where("outcome", "=", "allowed")
      .where("resource_id", "=", plan.id)
      .execute();
    expect(saves).toHaveLength(1);
  });
});
