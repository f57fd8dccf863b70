import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildOrg,
  buildUnit,
  buildUser,
  login,
  type Session,
} from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";

/**
 * An agreement's due follow-up recorded by six at once (issue 18, item 2): the unit's managers
 * and the responsible users all see it on Att göra, and a double click sends it twice. A follow-up is sent with the agreement's version
 * it answers, so the first counts and the rest get 409 — one follow-up stored, the agreement
 * one version on — never six copies of the same follow-up.
 */
describe.each(testDatabaseKinds)("an agreement's follow-up recorded at once (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let unitId: string;
  let police: string;
  let session: Session;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    const orgId = (await buildOrg(owner)).id;
    unitId = (await buildUnit(owner, orgId)).id;
    const manager = await buildUser(owner, orgId, [{ unitId, role: "unit_manager" }]);
    police = await buildAgency(owner, { orgId, ownerId: manager.id, kind: "police" });
    session = await login(t.app, manager.username);
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: as(session), payload });

  it("records the due follow-up once when six arrive at once", async () => {
    const made = await post("/api/agreements", {
      title: "Överenskommelse med polisen",
      unitId,
      partyIds: [police],
      areas: ["reports_of_concern"],
      goals: "Snabb kontakt vid oro för ett barn.",
      responsibleUserIds: [],
      signedOn: addMonths(today, -24),
      nextFollowUpOn: today,
    });
    expect(made.statusCode, made.body).toBe(201);
    const agreement = made.json();
    const outcome = await race(6, (i) =>
      post(`/api/agreements/${agreement.id}/follow-ups`, {
        version: agreement.version,
        followedUpOn: today,
        findings: `Rutinen fungerar (${i + 1}).`,
        nextFollowUpOn: addMonths(today, 12 + i),
      }),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: 5 });
    const winner = outcome.responses.find((r) => r.statusCode === 201)?.json();
    const { owner } = database();
    const followUps = await owner
      .selectFrom("agreement_follow_up")
      .select(["findings", "next_follow_up_on"])
      .where("agreement_id", "=", agreement.id)
      .execute();
    expect(followUps.map((f) => f.findings)).toEqual([winner.followUps[0].findings]);
    const row = await owner
      .selectFrom("agreement")
      .select(["version", "next_follow_up_on"])
      .where("id", "=", agreement.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(agreement.version + 1);
    expect(String(row.next_follow_up_on)).toBe(winner.nextFollowUpOn);
  });
});
