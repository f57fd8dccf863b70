import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, stockholmDate } from "../../../shared/calendar.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildDisclosure, buildSharingConsent } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildWorkedCase } from "../../testing/factories.ts";
import { buildAgencyWithUnit, buildReferralWorld } from "../../testing/referrals.ts";

/**
 * Referrals out (issue 18, item 5): made as a draft to a unit of an agency in the directory,
 * sent only once what it shares has been disclosed for it, answered once; the case's list
 * shows for each referral only the disclosures made for it. Someone else's case answers 404,
 * audited.
 */
describe.each(testDatabaseKinds)("referrals out (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildReferralWorld>>;
  const today = stockholmDate(new Date());

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildReferralWorld(t.app, database().owner);
  });
  afterAll(() => t?.close());

  const req = (method: "GET" | "POST", url: string, payload?: object, session = w.session) =>
    t.app.inject({ method, url, headers: as(session), ...(payload ? { payload } : {}) });
  const draft = (extra: object = {}) =>
    req("POST", `/api/cases/${w.caseId}/referrals`, {
      agencyId: w.agencyId,
      agencyUnitId: w.agencyUnitId,
      agencyContactId: w.contactId,
      reason: "Bedömning av psykisk ohälsa efter långvarigt våld.",
      sharesInformation: true,
      ...extra,
    });
  const disclose = (referralId: string | null, information: string) =>
    buildDisclosure(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId: w.agencyId,
      recordedBy: w.userId,
      information,
      ...(referralId ? { context: { kind: "referral" as const, id: referralId } } : {}),
    });

  it("refuses a referral without what it asks, or to a unit not of the agency (400)", async () => {
    const noReason = await draft({ reason: "  " });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.reason).toContain("Skriv vad remissen gäller");
    const other = await buildAgencyWithUnit(database().owner, {
      orgId: w.orgId,
      ownerId: w.userId,
    });
    const wrongUnit = await draft({ agencyUnitId: other.agencyUnitId });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.fields.agencyUnitId).toContain("Välj en enhet");
  });

  it("sends one that shares information only after a disclosure for it, and shows only that one", async () => {
    const made = await draft();
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    expect(made.json()).toMatchObject({ direction: "out", sentOn: null, answerDueOn: null });
    const send = () =>
      req("POST", `/api/cases/${w.caseId}/referrals/${id}/send`, {
        sentOn: today,
        channel: "secure_email",
      });
    // A direct disclosure, or one for another referral, is not what this one shared.
    await disclose(null, "Direkt utlämnande till vårdcentralen");
    const otherId = (await draft({ sharesInformation: false })).json().id as string;
    await disclose(otherId, "Utlämnat för den andra remissen");
    const refused = await send();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("Registrera utlämnandet");

    await disclose(id, "Senaste riskbedömningen och pågående insatser");
    const sent = await send();
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({
      sentOn: today,
      channel: "secure_email",
      answerDueOn: addDays(today, 14),
    });
    expect(sent.json().disclosures.map((d: { information: string }) => d.information)).toEqual([
      "Senaste riskbedömningen och pågående insatser",
    ]);
    expect((await send()).statusCode).toBe(409);

    const list = (await req("GET", `/api/cases/${w.caseId}/referrals`)).json();
    expect(list.answerDays).toBe(14);
    const directory = (await req("GET", "/api/referrals/recipients")).json();
    expect(directory.recipients).toContainEqual(
      expect.objectContaining({
        id: w.agencyId,
        units: [{ id: w.agencyUnitId, name: "Mottagningen" }],
      }),
    );
    const byId = new Map(list.referrals.map((r: { id: string }) => [r.id, r]));
    expect(
      (byId.get(otherId) as { disclosures: { information: string }[] }).disclosures.map(
        (d) => d.information,
      ),
    ).toEqual(["Utlämnat för den andra remissen"]);
  });

  it("refuses to send what was disclosed on a consent she has since revoked (409)", async () => {
    const id = (await draft()).json().id as string;
    const consentId = await buildSharingConsent(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId: w.agencyId,
      recordedBy: w.userId,
    });
    await buildDisclosure(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId: w.agencyId,
      recordedBy: w.userId,
      consentId,
      context: { kind: "referral", id },
    });
    await database()
      .owner.updateTable("consent")
      .set({ revoked_on: today, revoked_reason: "Återkallat i telefon" })
      .where("id", "=", consentId)
      .execute();
    const sent = await req("POST", `/api/cases/${w.caseId}/referrals/${id}/send`, {
      sentOn: today,
      channel: "secure_email",
    });
    expect(sent.statusCode).toBe(409);
    expect(sent.json().error.code).toBe("consent_not_valid");
    expect(sent.json().error.message).toContain("Samtycket är återkallat");
    const stored = await database()
      .owner.selectFrom("referral")
      .select("sent_on")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.sent_on).toBeNull();
  });

  it("sends one that shares nothing without a disclosure, and records the answer once", async () => {
    const id = (await draft({ sharesInformation: false })).json().id as string;
    const early = await req("POST", `/api/cases/${w.caseId}/referrals/${id}/answer`, {
      answer: "accepted",
      answeredOn: today,
    });
    expect(early.statusCode).toBe(409);
    const sentOn = addDays(today, -3);
    const sent = await req("POST", `/api/cases/${w.caseId}/referrals/${id}/send`, {
      sentOn,
      channel: "letter",
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const before = await req("POST", `/api/cases/${w.caseId}/referrals/${id}/answer`, {
      answer: "accepted",
      answeredOn: addDays(sentOn, -1),
    });
    expect(before.json().error.fields.answeredOn).toContain("före remissen");
    const other = await req("POST", `/api/cases/${w.caseId}/referrals/${id}/answer`, {
      answer: "other",
      answeredOn: today,
    });
    expect(other.json().error.fields.text).toBe("Skriv vad svaret var.");
    const answered = await req("POST", `/api/cases/${w.caseId}/referrals/${id}/answer`, {
      answer: "declined",
      text: "Remitteras till primärvården i stället.",
      answeredOn: today,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      answer: "declined",
      answeredOn: today,
      answerDueOn: null,
    });
    const again = await req("POST", `/api/cases/${w.caseId}/referrals/${id}/answer`, {
      answer: "accepted",
      answeredOn: today,
    });
    expect(again.statusCode).toBe(409);
  });

  it("answers someone else's case, or a referral of another case, with 404 and audits it", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    const id = (await draft({ sharesInformation: false })).json().id as string;
    const denied = async (action: string) =>
      database()
        .owner.selectFrom("audit_event")
        .select("id")
        .where("actor_user_id", "=", other.userId)
        .where("action", "=", action)
        .where("outcome", "=", "denied")
        .execute();
    const read = await req("GET", `/api/cases/${w.caseId}/referrals`, undefined, other.session);
    expect(read.statusCode).toBe(404);
    expect(await denied("referral.read")).toHaveLength(1);
    // Her own case in the path, this case's referral: still not found, and audited.
    const crossed = await req(
      "POST",
      `/api/cases/${other.caseId}/referrals/${id}/send`,
      { sentOn: today, channel: "letter" },
      other.session,
    );
    expect(crossed.statusCode).toBe(404);
    expect(await denied("referral.send")).toHaveLength(1);
    const row = await database()
      .owner.selectFrom("referral")
      .select("sent_on")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.sent_on).toBeNull();
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/cases/${w.caseId}/referrals` });
    expect(res.statusCode).toBe(401);
  });

  it("lets the unit's manager set the answer days, and nobody else", async () => {
    const byWorker = await t.app.inject({
      method: "PUT",
      url: `/api/units/${w.unitId}/referral-answer-days`,
      headers: as(w.session),
      payload: { days: 30 },
    });
    expect(byWorker.statusCode).toBe(404);
    const bad = await t.app.inject({
      method: "PUT",
      url: `/api/units/${w.unitId}/referral-answer-days`,
      headers: as(w.managerSession),
      payload: { days: 0 },
    });
    expect(bad.statusCode).toBe(400);
    const set = await t.app.inject({
      method: "PUT",
      url: `/api/units/${w.unitId}/referral-answer-days`,
      headers: as(w.managerSession),
      payload: { days: 21 },
    });
    expect(set.json()).toEqual({ unitId: w.unitId, days: 21 });
    expect((await req("GET", `/api/cases/${w.caseId}/referrals`)).json().answerDays).toBe(21);
    await t.app.inject({
      method: "PUT",
      url: `/api/units/${w.unitId}/referral-answer-days`,
      headers: as(w.managerSession),
      payload: { days: 14 },
    });
  });
});
