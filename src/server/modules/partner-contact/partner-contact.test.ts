import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import {
  as,
  buildPerson,
  buildTreatmentTeam,
  buildUser,
  fictionalIdentityNumber,
  type Session,
} from "../../testing/factories.ts";

/*
 * Partner contact behind the information barrier, tested from the outside: what each worker
 * can reach through the API, never what the code intends. Johan's therapist records his
 * consent and his partner's details; her case opens behind a barrier; the unit manager
 * assigns her worker (never his therapist); only structured events cross.
 */

const today = stockholmDate(new Date());

describe.each(testDatabaseKinds)("partner contact behind the barrier (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let partnerCaseId: string;
  let partnerPersonId: string;
  const herNumber = fictionalIdentityNumber();

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    const res = await call(team.therapist, "POST", `/api/cases/${team.caseId}/treatment`, {
      referralSource: "self",
      referredOn: "2026-10-01",
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  });
  afterAll(() => t?.close());

  function call(
    session: Session | null,
    method: "GET" | "POST" | "PATCH",
    url: string,
    payload?: object,
  ) {
    return t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  }
  const his = (path = "") => `/api/cases/${team.caseId}${path}`;
  const hers = (path = "") => `/api/cases/${partnerCaseId}${path}`;
  const withConsent = {
    relationship: "current",
    consent: { form: "written", givenOn: "2026-10-02" },
    partner: {
      givenName: "Sara",
      familyName: "Partnersson",
      identityNumber: herNumber,
      phone: "070-000 00 00",
      postalAddress: "Skyddad väg 1, 000 00 Demostad",
    },
  };

  it("needs him informed before his consent, and her details with it", async () => {
    expect(
      (await call(null, "POST", his("/partner-contact/partners"), withConsent)).statusCode,
    ).toBe(401);
    const uninformed = await call(
      team.therapist,
      "POST",
      his("/partner-contact/partners"),
      withConsent,
    );
    expect(uninformed.statusCode).toBe(400);
    expect(uninformed.json().error.fields.consent).toBe(
      "Registrera först att han har fått information om partnerkontakt.",
    );
    const informed = await call(team.therapist, "POST", his("/partner-contact/information"), {
      informedOn: "2026-10-02",
    });
    expect(informed.statusCode).toBe(200);
    expect(informed.json().treatment.partnerContact.informedOn).toBe("2026-10-02");

    const neither = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "current",
    });
    expect(neither.json().error.fields.consent).toBe(
      "Registrera hans samtycke, eller varför partnern inte ska kontaktas.",
    );
    const noWay = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      ...withConsent,
      partner: { givenName: "Sara", familyName: "P" },
    });
    expect(noWay.json().error.fields["partner.phone"]).toContain("minst ett sätt");
    const badNumber = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      ...withConsent,
      partner: { ...withConsent.partner, identityNumber: "19800101-0000" },
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.fields["partner.identityNumber"]).toBeTruthy();
  });

  it("with his consent, opens her case behind a barrier that his therapist cannot cross", async () => {
    const added = await call(team.therapist, "POST", his("/partner-contact/partners"), withConsent);
    expect(added.statusCode).toBe(201);
    const [partner] = added.json().treatment.partnerContact.partners;
    expect(partner).toMatchObject({
      relationship: "current",
      consent: { form: "written", givenOn: "2026-10-02", withdrawnOn: null },
      exception: null,
      contactOpened: true,
    });
    // His side keeps nothing of hers: no name, no number, no way to reach her.
    expect(added.body).not.toContain("Partnersson");
    expect(added.body).not.toContain("070-000");
    expect(added.body).not.toContain(herNumber.slice(0, 8));

    const opened = await database()
      .owner.selectFrom("partner")
      .innerJoin("case", "case.id", "partner.partner_case_id")
      .select(["case.id", "case.person_id", "case.case_type", "case.unit_id"])
      .where("partner.id", "=", partner.id)
      .executeTakeFirstOrThrow();
    expect(opened).toMatchObject({ case_type: "partner_contact", unit_id: team.unitId });
    partnerCaseId = opened.id;
    partnerPersonId = opened.person_id;

    // Her case, her person, her number: 404 for him, as if they did not exist; audited.
    expect((await call(team.therapist, "GET", hers())).statusCode).toBe(404);
    expect((await call(team.therapist, "GET", `/api/persons/${partnerPersonId}`)).statusCode).toBe(
      404,
    );
    const search = await call(team.therapist, "POST", "/api/persons/search", {
      query: herNumber,
    });
    expect(search.json().persons).toEqual([]);
    const bySurname = await call(team.therapist, "POST", "/api/persons/search", {
      query: "Partnersson",
    });
    expect(bySurname.json().persons).toEqual([]);
    const mine = await call(team.therapist, "GET", "/api/cases?scope=all");
    expect(mine.json().cases.map((c: { id: string }) => c.id)).not.toContain(partnerCaseId);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("resource_id", "=", partnerCaseId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.action)).toContain("case.read");
  });

  it("her worker is assigned by the manager, and never his therapist — now or later", async () => {
    const manager = await call(team.manager, "GET", hers());
    expect(manager.statusCode).toBe(200);
    expect(manager.json()).toMatchObject({ caseType: "partner_contact", assignees: [] });

    const wrong = await call(team.manager, "POST", hers("/assignments"), {
      userId: team.therapistId,
    });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toContain("informationsspärr");
    const right = await call(team.manager, "POST", hers("/assignments"), {
      userId: team.partnerWorkerId,
    });
    expect(right.statusCode).toBe(200);
    expect((await call(team.partnerWorker, "GET", hers())).statusCode).toBe(200);
    // And the other way: her worker can never be put on his case.
    const back = await call(team.manager, "POST", his("/assignments"), {
      userId: team.partnerWorkerId,
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.message).toContain("informationsspärr");
    // Nor can she read it: every way in answers 404.
    for (const path of [
      "",
      "/treatment",
      "/journal",
      "/assessments",
      "/barrier-events",
      "/safety-plan",
    ]) {
      const res = await call(team.partnerWorker, "GET", his(path));
      expect(res.statusCode, path).toBe(404);
    }
    expect(
      (await call(team.partnerWorker, "GET", `/api/persons/${team.personId}`)).statusCode,
    ).toBe(404);
  });

  it("the barrier holds between the two people: no second way in through her person", async () => {
    // Her worker records where she is now.
    const saved = await call(team.partnerWorker, "PATCH", `/api/persons/${partnerPersonId}`, {
      postalAddress: "Nya vägen 7, 999 99 Gömstad",
      safeContact: { mayCall: true, codeWord: "Blåbär", notes: "Har flyttat till systern." },
    });
    expect(saved.statusCode).toBe(200);
    // He types her number again: refused, and nothing of hers comes back.
    const again = await call(team.therapist, "POST", "/api/persons", {
      identityNumber: herNumber,
      givenName: "X",
      familyName: "Y",
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain("Partnersson");
    expect(again.body).not.toContain(partnerPersonId);
    // A case of his own on her: as if she did not exist (audited).
    const opened = await call(team.therapist, "POST", "/api/cases", {
      personId: partnerPersonId,
      unitId: team.unitId,
      caseType: "adult_victim",
    });
    expect(opened.statusCode).toBe(404);
    const intake = await call(team.therapist, "POST", "/api/intakes", {
      personId: partnerPersonId,
      unitId: team.unitId,
      source: "the_person",
      channel: "phone",
      receivedAt: new Date().toISOString(),
      kind: "application",
      askedAboutViolence: false,
    });
    expect(intake.statusCode).toBe(404);
    const person = await call(team.therapist, "GET", `/api/persons/${partnerPersonId}`);
    expect(person.statusCode).toBe(404);
    expect(person.body).not.toContain("Gömstad");
    // A colleague with another case of hers (say at IFO Vuxen) can be assigned to it, but
    // never his therapist: every case of hers is on the other side.
    const other = await database()
      .owner.insertInto("case")
      .values({
        id: crypto.randomUUID(),
        org_id: team.orgId,
        unit_id: team.unitId,
        person_id: partnerPersonId,
        case_type: "adult_victim",
        reference: `X-${Date.now()}`,
        opened_by: team.partnerWorkerId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const assign = await call(team.manager, "POST", `/api/cases/${other.id}/assignments`, {
      userId: team.therapistId,
    });
    expect(assign.statusCode).toBe(409);
    expect(assign.json().error.message).toContain("informationsspärr");
    // And her worker is as far from him: his person is out of her reach.
    expect(
      (await call(team.partnerWorker, "GET", `/api/persons/${team.personId}`)).statusCode,
    ).toBe(404);
  });

  it("a time-limited grant on his side bars a colleague from her side too", async () => {
    const grant = await call(team.manager, "POST", his("/grants"), {
      userId: team.thirdId,
      reason: "Täcker upp under semester i två veckor.",
      expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    });
    expect(grant.statusCode, grant.body).toBe(200);
    const assign = await call(team.manager, "POST", hers("/assignments"), {
      userId: team.thirdId,
    });
    expect(assign.statusCode).toBe(409);
    expect(assign.json().error.message).toContain("informationsspärr");
  });

  it("treatment started and a missed session cross as events without words", async () => {
    await call(team.therapist, "POST", his("/treatment/start"), { startedOn: "2026-10-15" });
    await call(team.therapist, "POST", his("/treatment/sessions"), {
      heldOn: "2026-10-22",
      attendance: "attended",
    });
    await call(team.therapist, "POST", his("/treatment/sessions"), {
      heldOn: "2026-10-29",
      attendance: "no_show",
    });
    const received = await call(team.partnerWorker, "GET", hers("/barrier-events"));
    expect(received.statusCode).toBe(200);
    const events = received.json().events;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(["absence", "treatment_started"]);
    expect(events[0]).toMatchObject({
      direction: "received",
      eventOn: "2026-10-29",
      level: null,
      reason: null,
      acknowledgedAt: null,
    });
    // The attended session, the treatment's content and his name do not cross.
    expect(received.body).not.toContain("2026-10-22");
    expect(received.body).not.toContain(team.caseId);
    const sent = await call(team.therapist, "GET", his("/barrier-events"));
    expect(sent.json().events.map((e: { direction: string }) => e.direction)).toEqual([
      "sent",
      "sent",
    ]);
  });

  it("a risk alert carries its level; the reason stays with the sender; the receiver acknowledges", async () => {
    const empty = await call(team.therapist, "POST", his("/risk-alerts"), {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.level).toBe("Välj hur hög risken är.");
    const reason = "Han beskriver svartsjuka och att han följt efter henne till jobbet.";
    const raised = await call(team.therapist, "POST", his("/risk-alerts"), {
      level: "high",
      reason,
    });
    expect(raised.statusCode).toBe(201);
    const mine = raised.json().events[0];
    expect(mine).toMatchObject({ kind: "risk_alert", direction: "sent", level: "high", reason });

    const theirs = await call(team.partnerWorker, "GET", hers("/barrier-events"));
    expect(theirs.body).not.toContain("svartsjuka");
    const alert = theirs.json().events[0];
    expect(alert).toMatchObject({ kind: "risk_alert", direction: "received", level: "high" });
    expect(alert.reason).toBeNull();
    expect(new Date(alert.escalatesAt).getTime()).toBeGreaterThan(
      new Date(alert.createdAt).getTime(),
    );
    // Nothing in the row itself could carry words: its columns are fixed.
    const row = await database()
      .owner.selectFrom("barrier_event")
      .selectAll()
      .where("id", "=", alert.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(row).sort()).toEqual([
      "acknowledged_at",
      "acknowledged_by",
      "barrier_id",
      "created_at",
      "created_by",
      "event_on",
      "from_case_id",
      "id",
      "kind",
      "level",
      "org_id",
      "to_case_id",
    ]);

    // Only the receiving side acknowledges, once.
    const bySender = await call(
      team.therapist,
      "POST",
      his(`/barrier-events/${alert.id}/acknowledge`),
    );
    expect(bySender.statusCode).toBe(404);
    const ack = await call(
      team.partnerWorker,
      "POST",
      hers(`/barrier-events/${alert.id}/acknowledge`),
    );
    expect(ack.statusCode).toBe(200);
    expect(ack.json().events[0].acknowledgedAt).not.toBeNull();
    expect(ack.json().events[0].escalatesAt).toBeNull();
    const again = await call(
      team.partnerWorker,
      "POST",
      hers(`/barrier-events/${alert.id}/acknowledge`),
    );
    expect(again.statusCode).toBe(409);
    // The sender sees that it was acknowledged, not by whom.
    const seen = (await call(team.therapist, "GET", his("/barrier-events"))).json().events[0];
    expect(seen.acknowledgedAt).not.toBeNull();
    expect(seen.acknowledgedBy).toBeNull();

    // Her worker raises one the other way.
    const back = await call(team.partnerWorker, "POST", hers("/risk-alerts"), {
      level: "very_high",
      reason: "Hon berättar om nya hot via sms i helgen.",
    });
    expect(back.statusCode).toBe(201);
    const his_ = (await call(team.therapist, "GET", his("/barrier-events"))).json().events[0];
    expect(his_).toMatchObject({ kind: "risk_alert", direction: "received", level: "very_high" });
    expect(his_.reason).toBeNull();

    // Every crossing is audited on both sides.
    const trail = await database()
      .owner.selectFrom("audit_event")
      .select(["resource_id", "data"])
      .where("action", "=", "barrier_event.send")
      .where("data", "@>", JSON.stringify({ eventId: alert.id }))
      .execute();
    expect(trail.map((r) => r.resource_id).sort()).toEqual([partnerCaseId, team.caseId].sort());
  });

  it("an alert crosses only partner contact's barrier, and can be aimed at one partner", async () => {
    // A barrier the manager set for another reason, to a colleague's case of someone else.
    const colleague = await buildUser(database().owner, team.orgId, [
      { unitId: team.unitId, role: "therapist" },
    ]);
    const other = await database()
      .owner.insertInto("case")
      .values({
        id: crypto.randomUUID(),
        org_id: team.orgId,
        unit_id: team.unitId,
        person_id: (await buildPerson(database().owner, team.orgId)).id,
        case_type: "adult_victim",
        reference: `M-${Date.now()}`,
        opened_by: colleague.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database()
      .owner.insertInto("case_assignment")
      .values({
        org_id: team.orgId,
        case_id: other.id,
        user_id: colleague.id,
        assigned_by: colleague.id,
      })
      .execute();
    const barrier = await call(team.manager, "POST", "/api/barriers", {
      caseId: team.caseId,
      otherCaseId: other.id,
      reason: "Annan jävssituation på enheten.",
    });
    expect(barrier.statusCode, barrier.body).toBe(201);
    const [partner] = (await call(team.therapist, "GET", his("/treatment"))).json().treatment
      .partnerContact.partners;
    // The partners an alert can be aimed at: those with a case behind the barrier, unnamed.
    const targets = (await call(team.therapist, "GET", his("/barrier-events"))).json().alertTargets;
    expect(targets).toEqual([{ partnerId: partner.id, relationship: "current" }]);
    const aimed = await call(team.therapist, "POST", his("/risk-alerts"), {
      level: "medium",
      reason: "Gäller henne.",
      partnerId: partner.id,
    });
    expect(aimed.statusCode).toBe(201);
    const received = await database()
      .owner.selectFrom("barrier_event")
      .select("to_case_id")
      .where("from_case_id", "=", team.caseId)
      .where("level", "=", "medium")
      .execute();
    expect(received.map((r) => r.to_case_id)).toEqual([partnerCaseId]);
  });

  it("an exception is recorded with its reason instead of contacting her", async () => {
    const noTeam = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "former",
      exception: { kind: "controlling_pattern", reason: "Mycket kontrollerande mönster." },
    });
    expect(noTeam.json().error.fields["exception.teamDecidedOn"]).toContain("teamet");
    const both = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      ...withConsent,
      exception: { kind: "abroad", reason: "Bor utomlands." },
    });
    expect(both.json().error.fields.exception).toBe(
      "Välj antingen samtycke eller undantag, inte båda.",
    );
    const ok = await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "former",
      exception: {
        kind: "sheltered_housing",
        reason: "Hon bor i skyddat boende enligt honom.",
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().treatment.partnerContact.partners[1]).toMatchObject({
      relationship: "former",
      exception: { kind: "sheltered_housing" },
      consent: null,
      contactOpened: false,
    });
  });

  it("a withdrawn consent is told once; then no more news about him crosses", async () => {
    const partners = (await call(team.therapist, "GET", his("/treatment"))).json().treatment
      .partnerContact.partners;
    const url = his(`/partner-contact/partners/${partners[0].id}/withdraw`);
    const withdrawn = await call(team.therapist, "POST", url, { withdrawnOn: today });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().treatment.partnerContact.partners[0].consent.withdrawnOn).toBe(today);
    expect((await call(team.therapist, "POST", url, { withdrawnOn: today })).statusCode).toBe(409);
    await call(team.therapist, "POST", his("/treatment/sessions"), {
      heldOn: today,
      attendance: "no_show",
    });
    const kinds = (await call(team.partnerWorker, "GET", hers("/barrier-events")))
      .json()
      .events.map((e: { kind: string }) => e.kind);
    expect(kinds[0]).toBe("consent_withdrawn");
    expect(kinds.filter((k: string) => k === "absence")).toHaveLength(1);
  });
});

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
    const refused = await call(team.therapist, "POST", his("/partner-contact/refusal"), {
      refusedOn: "2026-10-05",
      teamDecidedOn: "2026-10-06",
      continueTreatment: false,
      reasoning: "Utan partnerkontakt kan vi inte bedöma risken för henne och barnen.",
    });
    expect(refused.statusCode).toBe(201);
    expect(refused.json().treatment).toMatchObject({
      phase: "ended",
      ended: { kind: "ended_by_unit", on: "2026-10-06" },
      partnerContact: { refusal: { continueTreatment: false } },
    });
    const c = (await call(team.therapist, "GET", his())).json();
    expect(c).toMatchObject({ status: "closed", closedReason: "treatment_ended_by_unit" });
  });
});
