import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";
import {
  addRelative,
  buildOrderAndAlarm,
  dayFromToday,
} from "../../testing/police-collaboration.ts";

/*
 * Police collaboration in a case (issue 18, item 9): incidents, restraining orders and
 * alarms recorded as case commands; whom an order protects and is against, only as the case
 * knows them; the police's latest assessment shown beside them.
 */
describe.each(testDatabaseKinds)("police collaboration (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let partner: Awaited<ReturnType<typeof addRelative>>;
  let child: Awaited<ReturnType<typeof addRelative>>;
  let other: Awaited<ReturnType<typeof buildWorkedCase>>;

  beforeAll(async () => {
    t = await buildTestApp(database());
    const { owner } = database();
    w = await buildWorkedCase(t.app, owner);
    worker = w.session;
    const of = { orgId: w.orgId, caseId: w.caseId, personId: w.personId, recordedBy: w.userId };
    partner = await addRelative(owner, { ...of, knownAs: { given: "Johan", family: "Lind" } });
    child = await addRelative(owner, { ...of, kind: "child" });
    other = await buildWorkedCase(t.app, owner);
  });
  afterAll(() => t?.close());

  const call = (s: Session, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: as(s), ...(payload ? { payload } : {}) });
  const events = (action: string, actor: string) =>
    database()
      .owner.selectFrom("audit_event")
      .select(["outcome", "resource_id", "data", "person_ids"])
      .where("action", "=", action)
      .where("actor_user_id", "=", actor)
      .orderBy("id")
      .execute();
  const order = (changes: object = {}) => ({
    kind: "contact",
    status: "granted",
    protectedPersonId: w.personId,
    againstRelationId: partner.relationId,
    validFrom: dayFromToday(-10),
    validUntil: dayFromToday(170),
    reference: "AM-12345-26",
    decidedBy: "Åklagarmyndigheten",
    ...changes,
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/cases/${w.caseId}/police-collaboration`,
    });
    expect(res.statusCode).toBe(401);
  });

  it("records a police-reported incident, audited, and refuses one in the future", async () => {
    const body = {
      occurredOn: dayFromToday(-3),
      reportedOn: dayFromToday(-2),
      policeReference: "5000-K123456-26",
      crimeCategory: "unlawful_threat",
    };
    const ok = await call(worker, "POST", `/api/cases/${w.caseId}/police-incidents`, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().incidents).toMatchObject([
      { crimeCategory: "unlawful_threat", policeReference: "5000-K123456-26" },
    ]);
    const [event] = await events("police_incident.record", w.userId);
    expect(event).toMatchObject({ outcome: "allowed", resource_id: w.caseId });
    const future = await call(worker, "POST", `/api/cases/${w.caseId}/police-incidents`, {
      ...body,
      occurredOn: dayFromToday(2),
      reportedOn: null,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.occurredOn).toBe("Händelsen kan inte ligga i framtiden.");
    const noCategory = await call(worker, "POST", `/api/cases/${w.caseId}/police-incidents`, {
      occurredOn: dayFromToday(-1),
    });
    expect(noCategory.statusCode).toBe(400);
  });

  it("records a granted order against a relative, named as the case knows him", async () => {
    const res = await call(worker, "POST", `/api/cases/${w.caseId}/restraining-orders`, order());
    expect(res.statusCode, res.body).toBe(201);
    const [recorded] = res.json().restrainingOrders;
    expect(recorded).toMatchObject({ status: "granted", againstName: "Johan Lind", version: 1 });
    // His stored name and number are never what the panel shows.
    expect(res.body).not.toContain(partner.person.given_name);
    expect(res.body).not.toContain(String(partner.person.identity_number));
    expect(res.json().protectable.map((p: { id: string }) => p.id)).toEqual([
      w.personId,
      child.personId,
    ]);
    const [read] = (await events("police_collaboration.read", w.userId)).slice(-1);
    expect(read?.person_ids).toEqual(expect.arrayContaining([w.personId, partner.personId]));
  });

  it("refuses an order that does not fit the case or its status (400, per field)", async () => {
    const url = `/api/cases/${w.caseId}/restraining-orders`;
    const stranger = await call(worker, "POST", url, order({ protectedPersonId: other.personId }));
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields.protectedPersonId).toMatch(/^Välj den skyddade/);
    const both = await call(worker, "POST", url, order({ againstName: "Någon Annan" }));
    expect(both.json().error.fields.againstName).toMatch(/^Ange vem förbudet gäller/);
    const undated = await call(worker, "POST", url, order({ validUntil: null }));
    expect(undated.json().error.fields.validUntil).toMatch(/till och med/);
    const ended = await call(worker, "POST", url, order({ status: "ended_early" }));
    expect(ended.json().error.fields.endedOn).toBe("Ange vilken dag förbudet upphörde.");
    const badKind = await call(worker, "POST", url, order({ kind: "forever" }));
    expect(badKind.statusCode).toBe(400);
  });

  it("shows the police's latest assessment, and an order may name it", async () => {
    const assessed = await call(worker, "POST", `/api/cases/${w.caseId}/police-assessments`, {
      assessedOn: dayFromToday(-20),
      level: "Hög risk",
      consentGivenOn: dayFromToday(-21),
      consentForm: "written",
      consentReference: "Samtyckesblankett",
    });
    expect(assessed.statusCode, assessed.body).toBe(201);
    const assessmentId = assessed.json().policeAssessments[0].id;
    const res = await call(worker, "POST", `/api/cases/${w.caseId}/safety-alarms`, {
      kind: "protection_alarm",
      validFrom: dayFromToday(-5),
      suppliedBy: "Polisen",
      policeAssessmentId: assessmentId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().latestPoliceAssessment).toMatchObject({
      id: assessmentId,
      level: "Hög risk",
    });
    expect(res.json().safetyAlarms[0]).toMatchObject({ policeAssessmentId: assessmentId });
    const otherAssessment = await call(worker, "POST", `/api/cases/${w.caseId}/safety-alarms`, {
      kind: "protection_alarm",
      validFrom: dayFromToday(-5),
      suppliedBy: "Polisen",
      policeAssessmentId: other.caseId,
    });
    expect(otherAssessment.json().error.fields.policeAssessmentId).toMatch(/^Välj en av polisens/);
  });

  it("changes an order with its version; a stale one answers 409", async () => {
    const panel = (await call(worker, "GET", `/api/cases/${w.caseId}/police-collaboration`)).json();
    const { id } = panel.restrainingOrders[0];
    const url = `/api/cases/${w.caseId}/restraining-orders/${id}`;
    const ended = await call(worker, "PUT", url, {
      ...order({ status: "ended_early", endedOn: dayFromToday(0) }),
      version: 1,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().restrainingOrders[0]).toMatchObject({ status: "ended_early", version: 2 });
    const stale = await call(worker, "PUT", url, { ...order(), version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it("answers another's case, or another case's order, with 404, audited", async () => {
    const read = await call(other.session, "GET", `/api/cases/${w.caseId}/police-collaboration`);
    expect(read.statusCode).toBe(404);
    expect((await events("police_collaboration.read", other.userId)).at(-1)?.outcome).toBe(
      "denied",
    );
    const theirs = await buildOrderAndAlarm(database().owner, {
      orgId: other.orgId,
      caseId: other.caseId,
      personId: other.personId,
      recordedBy: other.userId,
    });
    // My case, their order: nothing of theirs is changed or shown.
    const crossed = await call(
      worker,
      "PUT",
      `/api/cases/${w.caseId}/restraining-orders/${theirs.orderId}`,
      { ...order(), version: 1 },
    );
    expect(crossed.statusCode).toBe(404);
    const refused = (await events("restraining_order.update", w.userId)).at(-1);
    expect(refused).toMatchObject({ outcome: "denied", resource_id: w.caseId });
    const alarm = await call(
      worker,
      "PUT",
      `/api/cases/${w.caseId}/safety-alarms/${theirs.alarmId}`,
      {
        kind: "protection_alarm",
        validFrom: dayFromToday(-1),
        suppliedBy: "Polisen",
        version: 1,
      },
    );
    expect(alarm.statusCode).toBe(404);
  });
});
