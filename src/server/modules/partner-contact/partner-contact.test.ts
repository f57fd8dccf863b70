import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildTreatmentTeam, fictionalIdentityNumber } from "../../testing/factories.ts";
import { callAs, consentedPartner } from "../../testing/partner-contact.ts";

/*
 * Partner contact behind the information barrier, tested from the outside: what each worker
 * can reach through the API, never what the code intends. Johan's therapist records his
 * consent and his partner's details; her case opens behind a barrier; the unit manager
 * assigns her worker (never his therapist); only structured events cross (those are in
 * partner-contact-events.test.ts, the end of treatment in partner-contact-ending.test.ts).
 */

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

  const call = callAs(() => t.app);
  const his = (path = "") => `/api/cases/${team.caseId}${path}`;
  const hers = (path = "") => `/api/cases/${partnerCaseId}${path}`;
  const withConsent = consentedPartner(herNumber);

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
});
