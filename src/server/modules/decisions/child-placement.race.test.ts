import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildChildUnitTeam,
  openChildInvestigation,
  type Session,
} from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";

/**
 * A child's placement under two people at once (issue 12): the court's steps, the review
 * that ends the placement and a custodian's withdrawal are each recorded once; the second
 * person is told (409) and nothing of theirs is kept or audited.
 */
const n = 20;

describe.each(testDatabaseKinds)("concurrent steps in a child's placement (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildChildUnitTeam>>;
  let pair: [Session, Session];
  const today = () => stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildChildUnitTeam(t.app, database().owner);
    pair = [team.worker, team.manager];
  });
  afterAll(() => t?.close());

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: as(s), payload });
  const allowedAudit = async (caseId: string, action: string) =>
    (
      await database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("resource_id", "=", caseId)
        .where("action", "=", action)
        .where("outcome", "=", "allowed")
        .execute()
    ).length;

  async function placement(childPlacement: object) {
    const report = await openChildInvestigation(
      t.app,
      database().owner,
      team,
      new Date().toISOString(),
    );
    const caseId = report.case.id;
    const res = await post(team.worker, `/api/cases/${caseId}/decisions`, {
      interventionKind: "sheltered_housing",
      outcome: "granted",
      periodFrom: today(),
      reasoning: "Barnet följer med sin mamma till skyddat boende.",
      childPlacement,
    });
    expect(res.statusCode).toBe(201);
    return { caseId, decision: res.json() };
  }

  it("records the submission to the court once when two record it at once", async () => {
    const { caseId, decision } = await placement({ basis: "court_2024_79", immediate: true });
    const outcome = await race(n, (i) =>
      post(
        pair[i % 2] as Session,
        `/api/cases/${caseId}/decisions/${decision.id}/placement/court`,
        {
          submittedOn: today(),
        },
      ),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(await allowedAudit(caseId, "placement.court")).toBe(1);
  });

  it("ends a placement by review once when two end it at once", async () => {
    const { caseId, decision } = await placement({ basis: "court_2024_79", immediate: true });
    const outcome = await race(n, (i) =>
      post(
        pair[i % 2] as Session,
        `/api/cases/${caseId}/decisions/${decision.id}/placement/reviews`,
        {
          reviewedOn: today(),
          continues: false,
          notes: "Mamman och barnet har fått eget boende.",
        },
      ),
    );
    expect(outcome.counts).toEqual({ 201: 1, 409: n - 1 });
    const reviews = await database()
      .owner.selectFrom("placement_review")
      .select("id")
      .where("decision_id", "=", decision.id)
      .execute();
    expect(reviews).toHaveLength(1);
    expect(await allowedAudit(caseId, "placement.review")).toBe(1);
  });

  it("records a custodian's withdrawal once when two record it at once", async () => {
    const { caseId, decision } = await placement({
      basis: "custodians_consent",
      consents: [
        { custodianName: "Anna Andersson", form: "written", givenOn: "2026-11-01" },
        { custodianName: "Bo Andersson", form: "oral", givenOn: "2026-11-02" },
      ],
    });
    const consent = decision.childPlacement.consents[1];
    const outcome = await race(n, (i) =>
      post(pair[i % 2] as Session, `/api/cases/${caseId}/consents/${consent.id}/revoke`, {
        revokedOn: today(),
        reason: "Pappan ringde och drog tillbaka.",
      }),
    );
    expect(outcome.counts).toEqual({ 200: 1, 409: n - 1 });
    expect(await allowedAudit(caseId, "consent.revoke")).toBe(1);
  });
});
