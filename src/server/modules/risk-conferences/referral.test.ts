import { beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { dangerAssessment } from "../../../shared/instruments/builtin/danger-assessment.ts";
import { buildAgency, buildSharingConsent } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { type ConferenceWorker, useConferenceWorld } from "../../testing/risk-conference-world.ts";
import { buildCompletedAssessment, buildEscalation } from "../../testing/risk-conferences.ts";

/*
 * Referring a case to the multi-agency risk conference (issue 18, item 8): the criteria
 * computed with their reasons (a high level the professional's judgement may raise, never
 * lower; escalation by police-reported incidents; a repeat within 12 months flagged), the
 * assessment copied into the referral, and the sharing on a secrecy rule or her valid consent.
 */
describe.each(testDatabaseKinds)("a risk conference's referral (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const today = stockholmDate(new Date());
  const world = useConferenceWorld(database, today);
  const { req, newCase } = world;
  let w: ConferenceWorker;
  beforeAll(() => {
    w = world.worker();
  });

  it("asks for a login and reads a case's criteria with their reasons: none met, no referral", async () => {
    const anon = await world.app().inject({
      method: "GET",
      url: `/api/cases/${w.caseId}/risk-conference-criteria`,
    });
    expect(anon.statusCode).toBe(401);
    const { caseId } = await newCase();
    const c = await req("GET", `/api/cases/${caseId}/risk-conference-criteria`);
    expect(c.statusCode).toBe(200);
    expect(c.json()).toMatchObject({
      met: false,
      highRisk: { met: false },
      escalation: { incidents: 0 },
    });
    const refused = await req("POST", `/api/cases/${caseId}/risk-conferences`, {
      secrecyRule: "serious_crime",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("uppfyller inget kriterium");
  });

  it("refers a high-risk case with the assessment copied into the referral, never lowered by judgement", async () => {
    const { caseId } = await newCase();
    const assessmentId = await buildCompletedAssessment(database().owner, {
      orgId: w.orgId,
      caseId,
      userId: w.userId,
      yes: ["strangulation", "more_often"],
      judged: "medium",
      reasons: "Hon bedömer själv risken som lägre.",
    });
    const criteria = (await req("GET", `/api/cases/${caseId}/risk-conference-criteria`)).json();
    expect(criteria.highRisk).toMatchObject({ met: true, level: "high", raisedByJudgement: false });
    expect(criteria.highRisk.reason).toContain("sänker den inte");

    const neither = await req("POST", `/api/cases/${caseId}/risk-conferences`, {
      addition: "Brådskande.",
    });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields.consentId).toContain("samtycke");
    const unknownRule = await req("POST", `/api/cases/${caseId}/risk-conferences`, {
      secrecyRule: "whim",
    });
    expect(unknownRule.statusCode).toBe(400);
    expect(unknownRule.json().error.fields.secrecyRule).toBeTruthy();

    const ok = await req("POST", `/api/cases/${caseId}/risk-conferences`, {
      secrecyRule: "serious_crime",
      addition: "Han har sökt henne på arbetet.",
    });
    expect(ok.statusCode).toBe(201);
    const conf = ok.json();
    const labels = dangerAssessment.sections.flatMap((s) => s.items);
    expect(conf.assessment).toEqual({
      assessmentId,
      instrument: {
        id: dangerAssessment.id,
        version: dangerAssessment.version,
        name: dangerAssessment.name,
      },
      assessedOn: "2026-11-20",
      suggestedLevel: "high",
      judgements: { risk: "medium" },
      countedLevel: "high",
      reasons: "Hon bedömer själv risken som lägre.",
      scores: [{ label: "Antal ja", value: 2 }],
      flags: [{ label: expect.any(String), raised: true }],
      yesAnswers: labels
        .filter((i) => ["more_often", "strangulation"].includes(i.id))
        .map((i) => i.label),
    });
    expect(conf).toMatchObject({
      addition: "Han har sökt henne på arbetet.",
      secrecyRule: "serious_crime",
      version: 1,
    });
    expect(conf.criteria.highRisk.met).toBe(true);

    const again = (await req("GET", `/api/cases/${caseId}/risk-conference-criteria`)).json();
    expect(again.repeat).toMatchObject({ flagged: true, lastConferenceOn: today });
    const list = (await req("GET", `/api/cases/${caseId}/risk-conferences`)).json();
    expect(list.conferences).toEqual([
      { id: conf.id, referredOn: today, meetingOn: null, openActions: 0 },
    ]);
  });

  it("refers on escalation (3 incidents), on the person's valid consent only", async () => {
    const { caseId, personId } = await newCase();
    await buildEscalation(database().owner, {
      orgId: w.orgId,
      caseId,
      recordedBy: w.userId,
      today,
    });
    const c = (await req("GET", `/api/cases/${caseId}/risk-conference-criteria`)).json();
    expect(c).toMatchObject({
      met: true,
      highRisk: { met: false },
      escalation: { met: true, incidents: 3 },
    });
    const agencyId = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
    const consent = async (revokedOn: string | null) => {
      const id = await buildSharingConsent(database().owner, {
        orgId: w.orgId,
        caseId,
        personId,
        agencyId,
        recordedBy: w.userId,
        revokedOn,
      });
      await database()
        .owner.updateTable("consent")
        .set({ recipient_agency_id: null, recipient_name: "Riskkonferensen" })
        .where("id", "=", id)
        .execute();
      return id;
    };
    const revoked = await req("POST", `/api/cases/${caseId}/risk-conferences`, {
      consentId: await consent("2026-11-03"),
    });
    expect(revoked.statusCode).toBe(409);
    expect(revoked.json().error.code).toBe("consent_not_valid");
    const ok = await req("POST", `/api/cases/${caseId}/risk-conferences`, {
      consentId: await consent(null),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ assessment: null, secrecyRule: null });
  });
});
