import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { dangerAssessment } from "../../../shared/instruments/builtin/danger-assessment.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import {
  buildAgency,
  buildAgencyContact,
  buildDisclosure,
  buildSharingConsent,
} from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildCase,
  buildPerson,
  buildUser,
  buildWorkedCase,
  login,
  type Session,
} from "../../testing/factories.ts";
import { buildCompletedAssessment, buildEscalation } from "../../testing/risk-conferences.ts";

type World = Awaited<ReturnType<typeof buildWorkedCase>>;

describe.each(testDatabaseKinds)("the multi-agency risk conference (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: World;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const req = (
    method: "GET" | "POST" | "PATCH" | "PUT",
    url: string,
    payload?: object,
    s?: Session,
  ) => t.app.inject({ method, url, headers: as(s ?? w.session), ...(payload ? { payload } : {}) });

  /** A new case of the same worker, about a new person. */
  async function newCase() {
    const person = await buildPerson(database().owner, w.orgId, w.userId);
    const c = await buildCase(database().owner, {
      orgId: w.orgId,
      unitId: w.unitId,
      personId: person.id,
      openedBy: w.userId,
    });
    return { caseId: c.id, personId: person.id };
  }

  it("asks for a login and reads a case's criteria with their reasons: none met, no referral", async () => {
    const anon = await t.app.inject({
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

  /** A referred conference on a new escalated case. */
  async function conference() {
    const { caseId, personId } = await newCase();
    await buildEscalation(database().owner, {
      orgId: w.orgId,
      caseId,
      recordedBy: w.userId,
      today,
    });
    const res = await req("POST", `/api/cases/${caseId}/risk-conferences`, {
      secrecyRule: "serious_crime",
    });
    return { caseId, personId, id: res.json().id as string };
  }

  it("records the meeting from the version seen: a stale change is 409", async () => {
    const { id } = await conference();
    const patch = await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 1,
      meetingOn: "2026-12-10",
      chairId: w.userId,
      staffIds: [w.userId],
      agenda: "1. Risk\n2. Åtgärder",
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({
      version: 2,
      meetingOn: "2026-12-10",
      chair: { id: w.userId },
      agenda: "1. Risk\n2. Åtgärder",
    });
    const stale = await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 1,
      agenda: "Gammal",
    });
    expect(stale.statusCode).toBe(409);
    const bad = await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 2,
      meetingOn: "10/12",
    });
    expect(bad.statusCode).toBe(400);
    const followUp = await req("PATCH", `/api/risk-conferences/${id}`, {
      version: 2,
      followUpOn: "2027-01-10",
      followUpNotes: "Larmet är på plats.",
    });
    expect(followUp.json()).toMatchObject({
      version: 3,
      followUpOn: "2027-01-10",
      followUpNotes: "Larmet är på plats.",
    });
  });

  it("gives an agency's pack only what was disclosed to that agency, and its own actions", async () => {
    const { id, caseId, personId } = await conference();
    const owner = database().owner;
    const a = await buildAgency(owner, { orgId: w.orgId, ownerId: w.userId, kind: "police" });
    const b = await buildAgency(owner, {
      orgId: w.orgId,
      ownerId: w.userId,
      kind: "health_centre",
    });
    const contactA = await buildAgencyContact(owner, {
      orgId: w.orgId,
      agencyId: a,
      confirmedBy: w.userId,
    });
    const contactB = await buildAgencyContact(owner, {
      orgId: w.orgId,
      agencyId: b,
      confirmedBy: w.userId,
      name: "Bo Vård",
    });
    for (const [agencyId, contact] of [
      [a, contactA],
      [b, contactB],
    ] as const) {
      const r = await req("PUT", `/api/risk-conferences/${id}/agencies/${agencyId}`, {
        contactIds: [contact],
        research: "Två tidigare anmälningar.",
      });
      expect(r.statusCode).toBe(200);
    }
    const wrongContact = await req("PUT", `/api/risk-conferences/${id}/agencies/${a}`, {
      contactIds: [contactB],
    });
    expect(wrongContact.statusCode).toBe(400);
    await buildDisclosure(owner, {
      orgId: w.orgId,
      caseId,
      personId,
      agencyId: a,
      recordedBy: w.userId,
      information: "Riskbedömningen (hög) till polisen",
      context: { kind: "risk_conference", id },
    });
    await buildDisclosure(owner, {
      orgId: w.orgId,
      caseId,
      personId,
      agencyId: b,
      recordedBy: w.userId,
      information: "Behov av samtalskontakt",
      context: { kind: "risk_conference", id },
    });
    await buildDisclosure(owner, {
      orgId: w.orgId,
      caseId,
      personId,
      agencyId: b,
      recordedBy: w.userId,
      information: "Utlämnat utan konferens",
    });
    await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Se över larm",
      ownerContactId: contactA,
      dueOn: today,
    });
    await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Erbjud samtal",
      ownerContactId: contactB,
      dueOn: today,
    });

    const pack = await req("GET", `/api/risk-conferences/${id}/agencies/${b}/pack`);
    expect(pack.statusCode).toBe(200);
    const body = pack.json();
    expect(body.disclosures.map((d: { information: string }) => d.information)).toEqual([
      "Behov av samtalskontakt",
    ]);
    expect(body.actions.map((x: { description: string }) => x.description)).toEqual([
      "Erbjud samtal",
    ]);
    const text = JSON.stringify(body);
    for (const hidden of [
      "Riskbedömningen",
      "Se över larm",
      "Utlämnat utan konferens",
      "Två tidigare",
      "serious_crime",
    ])
      expect(text).not.toContain(hidden);
    expect(body).not.toHaveProperty("assessment");
    const other = await buildAgency(owner, { orgId: w.orgId, ownerId: w.userId });
    expect(
      (await req("GET", `/api/risk-conferences/${id}/agencies/${other}/pack`)).statusCode,
    ).toBe(409);
  });

  it("puts an action on its owner's Att göra, naming the case only to one who may see it", async () => {
    const { id, caseId } = await conference();
    const owner = database().owner;
    const outsider = await buildUser(owner, w.orgId, [{ unitId: w.unitId, role: "caseworker" }]);
    const outsiderSession = await login(t.app, outsider.username);
    const missingOwner = await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Ring",
      dueOn: today,
    });
    expect(missingOwner.statusCode).toBe(400);
    const mine = await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Ring henne",
      ownerUserId: w.userId,
      dueOn: today,
    });
    expect(mine.statusCode).toBe(201);
    await req("POST", `/api/risk-conferences/${id}/actions`, {
      description: "Kontakta skolan",
      ownerUserId: outsider.id,
      dueOn: "2026-01-02",
    });
    const lines = async (s: Session) =>
      (
        (await req("GET", "/api/worklist?scope=mine", undefined, s)).json().items as {
          kind: string;
          caseId: string | null;
          reference: string | null;
          personName: string | null;
          status: string;
          responsible: unknown[];
        }[]
      ).filter((i) => i.kind === "conference_action");
    const workerLines = await lines(w.session);
    const reference = (
      await owner
        .selectFrom("case")
        .select("reference")
        .where("id", "=", caseId)
        .executeTakeFirstOrThrow()
    ).reference;
    expect(workerLines.filter((l) => l.caseId === caseId)).toMatchObject([
      { reference, status: "due_soon" },
    ]);
    const outsiderLines = await lines(outsiderSession);
    expect(outsiderLines).toEqual([
      {
        kind: "conference_action",
        caseId: null,
        reference: null,
        personName: null,
        subject: {
          type: "conference_action",
          id: expect.any(String),
          title: `Åtgärd från riskkonferens ${today}`,
        },
        status: "overdue",
        responsible: [{ userId: outsider.id, displayName: expect.any(String) }],
        due: expect.any(String),
        dueDate: "2026-01-02",
        lastDay: null,
      },
    ]);
    expect(JSON.stringify(outsiderLines)).not.toContain("Kontakta skolan");
    expect(JSON.stringify(outsiderLines)).not.toContain(caseId);

    const action = mine
      .json()
      .actions.find((x: { description: string }) => x.description === "Ring henne");
    const done = await req("PATCH", `/api/risk-conference-actions/${action.id}`, {
      version: 1,
      done: true,
      notes: "Klart.",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().actions.find((x: { id: string }) => x.id === action.id)).toMatchObject({
      doneOn: today,
      notes: "Klart.",
      version: 2,
    });
    expect((await lines(w.session)).filter((l) => l.caseId === caseId)).toEqual([]);
    const stale = await req("PATCH", `/api/risk-conference-actions/${action.id}`, {
      version: 1,
      done: false,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("answers another's conference and an unknown one with 404, audited", async () => {
    const { id } = await conference();
    const other = await buildWorkedCase(t.app, database().owner);
    const theirs = await req("GET", `/api/risk-conferences/${id}`, undefined, other.session);
    expect(theirs.statusCode).toBe(404);
    const unknown = await req(
      "PATCH",
      `/api/risk-conference-actions/${crypto.randomUUID()}`,
      { version: 1, done: true },
      other.session,
    );
    expect(unknown.statusCode).toBe(404);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("actor_user_id", "=", other.userId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.action)).toEqual(
      expect.arrayContaining(["risk_conference.read", "risk_conference.action_update"]),
    );
    const read = await req("GET", `/api/risk-conferences/${id}`);
    expect(read.statusCode).toBe(200);
    const events = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("actor_user_id", "=", w.userId)
      .where("action", "=", "risk_conference.read")
      .execute();
    expect(events.some((e) => (e.data as { conferenceId?: string }).conferenceId === id)).toBe(
      true,
    );
  });
});
