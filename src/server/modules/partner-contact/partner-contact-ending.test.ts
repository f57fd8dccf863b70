import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outcomeMessages } from "../../../shared/api/outcomes.ts";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam, type Session } from "../../testing/factories.ts";

/*
 * The end of his treatment seen from her side (issue 12): completed treatment reaches her
 * worker as one event and closes his side to alerts; his refusal of partner contact, with the
 * team deciding not to continue, ends the treatment and closes his case.
 */

const today = stockholmDate(new Date());

describe.each(testDatabaseKinds)("the end of treatment, seen from her side (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp(database());
  });
  afterAll(() => t?.close());

  const call = (session: Session, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(session), ...(payload ? { payload } : {}) });

  it("completed treatment reaches her worker as one event", async () => {
    const team = await buildTreatmentTeam(t.app, database().owner);
    const his = (p = "") => `/api/cases/${team.caseId}${p}`;
    await call(team.therapist, "POST", his("/treatment"), {
      referralSource: "police_probation",
      referredOn: "2026-09-01",
    });
    await call(team.therapist, "POST", his("/partner-contact/information"), {
      informedOn: "2026-09-01",
    });
    const added = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "former",
      consent: { form: "oral", givenOn: "2026-09-02" },
      partner: { givenName: "Eva", familyName: "Exsson", phone: "070-111 11 11" },
    });
    expect(added.statusCode).toBe(201);
    const { partner_case_id } = await database()
      .owner.selectFrom("partner")
      .select("partner_case_id")
      .where("case_id", "=", team.caseId)
      .executeTakeFirstOrThrow();
    await call(team.manager, "POST", `/api/cases/${partner_case_id}/assignments`, {
      userId: team.partnerWorkerId,
    });
    await call(team.therapist, "POST", his("/treatment/start"), { startedOn: "2026-09-10" });
    const ended = await call(team.therapist, "POST", his("/treatment/end"), {
      endedOn: today,
      kind: "completed",
      reason: "Genomfört programmet.",
      outcome: { goalReached: "wholly" },
    });
    expect(ended.statusCode).toBe(200);
    const events = (
      await call(team.partnerWorker, "GET", `/api/cases/${partner_case_id}/barrier-events`)
    ).json().events;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual([
      "treatment_completed",
      "treatment_started",
    ]);
    expect(events[0].eventOn).toBe(today);
    // His case is closed: no more alerts from there (her side can still raise one).
    const hisSide = await call(team.therapist, "GET", his("/barrier-events"));
    expect(hisSide.json().canAlert).toBe(false);
    const late = await call(team.therapist, "POST", his("/risk-alerts"), {
      level: "high",
      reason: "Efter avslut.",
    });
    expect(late.statusCode).toBe(409);
    const herSide = await call(
      team.partnerWorker,
      "GET",
      `/api/cases/${partner_case_id}/barrier-events`,
    );
    expect(herSide.json().canAlert).toBe(true);
  });

  it("a refusal with the team deciding not to continue ends the treatment", async () => {
    const team = await buildTreatmentTeam(t.app, database().owner);
    const his = (p = "") => `/api/cases/${team.caseId}${p}`;
    await call(team.therapist, "POST", his("/treatment"), {
      referralSource: "self",
      referredOn: "2026-10-01",
    });
    const uninformed = await call(team.therapist, "POST", his("/partner-contact/refusal"), {
      refusedOn: "2026-10-05",
      teamDecidedOn: "2026-10-06",
      continueTreatment: true,
      reasoning: "Fortsätter.",
    });
    expect(uninformed.json().error.fields.refusedOn).toContain("information");
    await call(team.therapist, "POST", his("/partner-contact/information"), {
      informedOn: "2026-10-02",
    });
    const early = await call(team.therapist, "POST", his("/partner-contact/refusal"), {
      refusedOn: "2026-10-05",
      teamDecidedOn: "2026-10-04",
      continueTreatment: false,
      reasoning: "Utan partnerkontakt kan vi inte bedöma risken för henne och barnen.",
    });
    expect(early.json().error.fields.teamDecidedOn).toBe(
      "Teamet beslutar efter att han har sagt nej.",
    );
    const decision = {
      refusedOn: "2026-10-05",
      teamDecidedOn: "2026-10-06",
      continueTreatment: false,
      reasoning: "Utan partnerkontakt kan vi inte bedöma risken för henne och barnen.",
    };
    // Not continuing ends the treatment and closes the case: it asks the outcome (issue 20).
    const noOutcome = await call(team.therapist, "POST", his("/partner-contact/refusal"), decision);
    expect(noOutcome.statusCode).toBe(400);
    expect(noOutcome.json().error.fields).toEqual({ outcome: outcomeMessages.required });
    const goesOn = await call(team.therapist, "POST", his("/partner-contact/refusal"), {
      ...decision,
      continueTreatment: true,
      outcome: { goalReached: "not" },
    });
    expect(goesOn.json().error.fields).toEqual({
      outcome: "Måluppfyllelse anges bara när behandlingen inte fortsätter.",
    });
    const refused = await call(team.therapist, "POST", his("/partner-contact/refusal"), {
      ...decision,
      outcome: { goalReached: "not_assessed", notAssessedReason: "Behandlingen hann inte börja." },
    });
    expect(refused.statusCode).toBe(201);
    const recorded = (await call(team.therapist, "GET", his("/outcome"))).json();
    expect(recorded.current).toMatchObject({
      goalReached: "not_assessed",
      notAssessedReason: "Behandlingen hann inte börja.",
    });
    expect(refused.json().treatment).toMatchObject({
      phase: "ended",
      ended: { kind: "ended_by_unit", on: "2026-10-06" },
      partnerContact: { refusal: { continueTreatment: false } },
    });
    const c = (await call(team.therapist, "GET", his())).json();
    expect(c).toMatchObject({ status: "closed", closedReason: "treatment_ended_by_unit" });
  });
});
