import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildCase, buildPerson, buildWorkedCase } from "../../testing/factories.ts";
import { race } from "../../testing/race.ts";
import { buildAgencyWithUnit, buildReferralWorld } from "../../testing/referrals.ts";

/**
 * Referrals in (issue 18, item 5): recorded as the intake they become — through the intake
 * module, opening the person's case or joining it — with the referral linked to the intake
 * and its case; the sender's reference names one referral, so the same one recorded twice,
 * even at the same moment, makes one intake and one case (one 201, the rest 409).
 */
describe.each(testDatabaseKinds)("referrals in (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildReferralWorld>>;
  let policeId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildReferralWorld(t.app, database().owner);
    policeId = (
      await buildAgencyWithUnit(database().owner, {
        orgId: w.orgId,
        ownerId: w.managerId,
        kind: "police",
      })
    ).agencyId;
  });
  afterAll(() => t?.close());

  const receive = (payload: object, session = w.session) =>
    t.app.inject({
      method: "POST",
      url: "/api/referrals/incoming",
      headers: as(session),
      payload,
    });
  const body = (personId: string, extra: object = {}) => ({
    personId,
    unitId: w.unitId,
    kind: "application",
    agencyId: policeId,
    senderContact: "Brottsofferhandläggare Demo",
    senderReference: `5000-K${Math.floor(Math.random() * 1e6)}-26`,
    sentOn: stockholmDate(new Date()),
    receivedAt: new Date().toISOString(),
    channel: "email",
    reason: "Polisen remitterar efter anmälan om misshandel; hon vill ha stöd.",
    askedAboutViolence: true,
    ...extra,
  });
  const intakesOf = (personId: string) =>
    database()
      .owner.selectFrom("intake")
      .select(["id", "case_id", "source", "reporter_organisation", "report_text"])
      .where("person_id", "=", personId)
      .execute();

  it("joins her open case at the unit that the worker does not work: recorded, the case not shown", async () => {
    // The intake module lets a worker of the unit record an intake that joins a case they may
    // not see (the answer has no case). The referral in goes with its intake — never a 500.
    const person = await buildPerson(database().owner, w.orgId, w.userId);
    await buildCase(database().owner, {
      orgId: w.orgId,
      unitId: w.unitId,
      personId: person.id,
      openedBy: w.managerId,
      assignees: [w.managerId],
    });
    const res = await receive(body(person.id));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.joinedExistingCase).toBe(true);
    expect(r.case).toBeNull();
    expect(r.referral).toBeNull();
    const referrals = await database()
      .owner.selectFrom("referral")
      .select(["intake_id", "direction"])
      .where("intake_id", "=", r.intake.id)
      .execute();
    expect(referrals).toEqual([{ intake_id: r.intake.id, direction: "in" }]);
  });

  it("becomes the intake that opens her case, linked to it", async () => {
    const person = await buildPerson(database().owner, w.orgId, w.userId);
    const res = await receive(body(person.id));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.joinedExistingCase).toBe(false);
    expect(r.referral).toMatchObject({
      direction: "in",
      agencyId: policeId,
      intakeId: r.intake.id,
      caseId: r.case.id,
      receivedOn: stockholmDate(new Date()),
      answerDueOn: expect.any(String),
    });
    const [intake] = await intakesOf(person.id);
    expect(intake).toMatchObject({
      case_id: r.case.id,
      source: "police",
      report_text: body(person.id).reason,
    });
    // Our answer to the sender, with its date.
    const answered = await t.app.inject({
      method: "POST",
      url: `/api/cases/${r.case.id}/referrals/${r.referral.id}/answer`,
      headers: as(w.session),
      payload: {
        answer: "accepted",
        text: "Utredning inledd.",
        answeredOn: stockholmDate(new Date()),
      },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ answer: "accepted", answerDueOn: null });
  });

  it("joins the person's open case at the unit", async () => {
    const res = await receive(body(w.personId));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ joinedExistingCase: true, referral: { caseId: w.caseId } });
  });

  it("refuses a sender that is neither in the directory nor named, and a named one without a kind", async () => {
    const person = await buildPerson(database().owner, w.orgId, w.userId);
    const none = await receive(body(person.id, { agencyId: null }));
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.agencyId).toContain("Välj avsändaren");
    const kindless = await receive(body(person.id, { agencyId: null, senderName: "Skolan Demo" }));
    expect(kindless.json().error.fields.senderSource).toBe("Ange vilken sorts avsändare det är.");
    const named = await receive(
      body(person.id, { agencyId: null, senderName: "Skolan Demo", senderSource: "school" }),
    );
    expect(named.statusCode, named.body).toBe(201);
    expect((await intakesOf(person.id))[0]?.source).toBe("school");
  });

  it("answers a person the worker may not see with 404, audited, and makes nothing", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const res = await receive(body(other.personId));
    expect(res.statusCode).toBe(404);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("id")
      .where("actor_user_id", "=", w.userId)
      .where("person_id", "=", other.personId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied).toHaveLength(1);
    // Another organisation's worker at this unit: not hers to record at (400).
    const person = await buildPerson(database().owner, w.orgId, w.userId);
    const elsewhere = await receive(body(person.id), other.session);
    expect(elsewhere.statusCode).toBe(400);
    expect(await intakesOf(other.personId)).toHaveLength(0);
    expect(await intakesOf(person.id)).toHaveLength(0);
  });

  it("records the same sender's reference once, even twice at once: one intake, one case", async () => {
    const person = await buildPerson(database().owner, w.orgId, w.userId);
    const payload = body(person.id, { senderReference: "5000-K424242-26" });
    const outcome = await race(2, () => receive(payload));
    expect(outcome.counts).toEqual({ 201: 1, 409: 1 });
    const lost = outcome.responses.find((r) => r.statusCode === 409);
    expect(lost?.json().error.fields.senderReference).toContain("finns redan");
    const intakes = await intakesOf(person.id);
    expect(intakes).toHaveLength(1);
    const cases = await database()
      .owner.selectFrom("case")
      .select("id")
      .where("person_id", "=", person.id)
      .execute();
    expect(cases).toHaveLength(1);
    // Another sender may use the same reference.
    const fromNamed = await receive(
      body(person.id, {
        agencyId: null,
        senderName: "Vårdcentralen Annan",
        senderSource: "health_care",
        senderReference: "5000-K424242-26",
      }),
    );
    expect(fromNamed.statusCode, fromNamed.body).toBe(201);
  });
});
