import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { buildAgency, buildSharingConsent } from "../../testing/collaboration.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { buildRelatedChild, disclosureBody } from "../../testing/disclosures.ts";
import { as, buildWorkedCase, type Session } from "../../testing/factories.ts";
import { pdfWords } from "../../testing/pdf.ts";
import { buildConsultation } from "../../testing/protection.ts";

/**
 * Disclosure with secrecy review (issue 18, item 4), on both databases: no valid ground, no
 * disclosure — a consent revoked, expired, for another recipient or lacking a custodian is
 * refused; no review, no disclosure; the document sent says it was reviewed and never locates
 * a protected person.
 */
describe.each(testDatabaseKinds)("disclosures (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let worker: Session;
  let w: Awaited<ReturnType<typeof buildWorkedCase>>;
  let agencyId: string;

  beforeAll(async () => {
    t = await buildTestApp(database());
    w = await buildWorkedCase(t.app, database().owner);
    worker = w.session;
    agencyId = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
    await database()
      .owner.updateTable("person")
      .set({ postal_address: "Hemliga vägen 7, 123 45 Demostad", phone: "070-111 22 33" })
      .where("id", "=", w.personId)
      .execute();
  });
  afterAll(() => t?.close());

  const disclose = (overrides: Record<string, unknown> = {}, session = worker) =>
    t.app.inject({
      method: "POST",
      url: `/api/cases/${w.caseId}/disclosures`,
      headers: as(session),
      payload: disclosureBody({ personId: w.personId, agencyId, overrides }),
    });
  const consent = (
    extra: Parameters<typeof buildSharingConsent>[1] extends infer I ? Partial<I> : never = {},
  ) =>
    buildSharingConsent(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      agencyId,
      recordedBy: w.userId,
      ...extra,
    });
  const documentText = async (documentId: string) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/cases/${w.caseId}/documents/${documentId}/content`,
      headers: as(worker),
    });
    expect(res.statusCode).toBe(200);
    return pdfWords(res.rawPayload);
  };
  const setProtection = (level: string) =>
    database()
      .owner.updateTable("person")
      .set({ protection_level: level as "none" })
      .where("id", "=", w.personId)
      .execute();

  it("discloses on a valid consent; the document says it was secrecy-reviewed and on what", async () => {
    const consentId = await consent();
    const res = await disclose({ ground: "consent", consentId, secrecyRule: null });
    expect(res.statusCode, res.body).toBe(201);
    const { disclosure, warnings } = res.json();
    expect(warnings).toEqual([]);
    expect(disclosure).toMatchObject({
      ground: "consent",
      consentId,
      groundText: "samtycke lämnat 2026-11-01",
    });
    const text = await documentText(disclosure.documentId);
    expect(text).toContain("SEKRETESSPRÖVAD UPPGIFT — utlämnad enligt samtycke lämnat 2026-11-01");
    expect(text).toContain("Senaste riskbedömningen visar hög risk");
    expect(text).not.toContain("Hemliga vägen");
  });

  it("refuses a disclosure without a ground, with an unknown rule, or without a review", async () => {
    const noRule = await disclose({ secrecyRule: null });
    expect(noRule.statusCode).toBe(400);
    expect(noRule.json().error.fields.secrecyRule).toBeDefined();
    expect((await disclose({ ground: undefined })).statusCode).toBe(400);
    const unknown = await disclose({ secrecyRule: "because_we_can" });
    expect(unknown.json().error.fields.secrecyRule).toContain("listan");
    expect((await disclose({ review: undefined })).statusCode).toBe(400);
    const empty = await disclose({
      review: { reviewedAt: "2026-11-10T08:00:00Z", conclusion: " " },
    });
    expect(empty.statusCode).toBe(400);
    const court = await disclose({ ground: "court_request", secrecyRule: null });
    expect(court.json().error.fields.courtReference).toBeDefined();
  });

  it("refuses a consent that is revoked, expired, for another recipient, or lacks a custodian", async () => {
    const refused = async (consentId: string, extra: Record<string, unknown> = {}) => {
      const res = await disclose({ ground: "consent", consentId, secrecyRule: null, ...extra });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe("consent_not_valid");
      return res.json().error.fields.consentId as string;
    };
    expect(await refused(await consent({ revokedOn: "2026-11-05" }))).toContain("återkallat");
    expect(await refused(await consent({ expiresOn: "2026-11-09" }))).toContain("gått ut");
    const otherAgency = await buildAgency(database().owner, { orgId: w.orgId, ownerId: w.userId });
    expect(await refused(await consent({ agencyId: otherAgency }))).toContain("annan mottagare");
    const childId = await buildRelatedChild(database().owner, {
      orgId: w.orgId,
      caseId: w.caseId,
      personId: w.personId,
      recordedBy: w.userId,
    });
    const oneOfTwo = await consent({ personId: childId, custodians: 1 });
    await database()
      .owner.updateTable("consent")
      .set({ custodians_required: 2 })
      .where("id", "=", oneOfTwo)
      .execute();
    expect(await refused(oneOfTwo, { personId: childId })).toContain("vårdnadshavare");
  });

  it("refuses the next disclosure on a consent once it is revoked", async () => {
    const consentId = await consent();
    expect((await disclose({ ground: "consent", consentId, secrecyRule: null })).statusCode).toBe(
      201,
    );
    const revoke = await t.app.inject({
      method: "POST",
      url: `/api/cases/${w.caseId}/sharing-consents/${consentId}/revoke`,
      headers: as(worker),
      payload: { revokedOn: "2026-11-10", reason: "Vill inte längre." },
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const again = await disclose({ ground: "consent", consentId, secrecyRule: null });
    expect(again.statusCode).toBe(409);
  });

  it("refuses a disclosure backdated to before a revocation: what leaves now needs consent now", async () => {
    // Revoked after the day the worker gives: on that day it held, today it does not.
    const consentId = await consent({ revokedOn: "2026-11-20" });
    const backdated = await disclose({ ground: "consent", consentId, secrecyRule: null });
    expect(backdated.statusCode).toBe(409);
    expect(backdated.json().error.fields.consentId).toContain("återkallat");
  });

  it("for a protected person: the review must weigh it, and the document never locates her", async () => {
    await setProtection("protected_registration");
    try {
      const unweighed = await disclose({ includeContactDetails: false });
      expect(unweighed.statusCode).toBe(400);
      expect(unweighed.json().error.fields.protectionConsidered).toContain("skyddad folkbokföring");
      const located = await disclose({ protectionConsidered: true, includeContactDetails: true });
      expect(located.json().error.fields.includeContactDetails).toBeDefined();
      // Her protection officer is consulted first (issue 19, item 3): 409 until then.
      const unconsulted = await disclose({
        protectionConsidered: true,
        includeIdentityNumber: true,
      });
      expect(unconsulted.statusCode).toBe(409);
      expect(unconsulted.json().error.code).toBe("consultation_required");
      expect(unconsulted.json().error.message).toContain("Samråd med skyddshandläggaren");
      await buildConsultation(database().owner, { ...w, kind: "disclosure" });
      const ok = await disclose({ protectionConsidered: true, includeIdentityNumber: true });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().warnings[0]).toContain("skyddad folkbokföring");
      expect(ok.json().disclosure.personProtection).toBe("protected_registration");
      const text = await documentText(ok.json().disclosure.documentId);
      expect(text).toContain("SEKRETESSPRÖVAD UPPGIFT");
      expect(text).toContain("Adress och kontaktuppgifter lämnas inte ut");
      expect(text).not.toContain("Hemliga vägen");
      expect(text).not.toContain("070-111 22 33");
    } finally {
      await setProtection("none");
    }
  });

  it("prints an unprotected person's address only when the reviewer included it", async () => {
    const without = (await disclose()).json().disclosure;
    expect(await documentText(without.documentId)).not.toContain("Hemliga vägen");
    const withAddress = (await disclose({ includeContactDetails: true })).json().disclosure;
    expect(await documentText(withAddress.documentId)).toContain("Hemliga vägen 7");
  });

  it("refuses a context that is no record of this case", async () => {
    // Every context kind has its module now (referral, SIP, risk conference): an id that is
    // not such a record of this case — here the case's own id — is refused, naming the field.
    for (const kind of ["referral", "coordinated_plan", "risk_conference"] as const) {
      const res = await disclose({ context: { kind, id: w.caseId } });
      expect(res.statusCode, kind).toBe(400);
      expect(res.json().error.fields["context.id"]).toBe("Sammanhanget hör inte till ärendet.");
    }
  });

  it("lists her disclosures on her page, newest first, a page at a time", async () => {
    const first = await t.app.inject({
      method: "GET",
      url: `/api/persons/${w.personId}/disclosures?limit=2`,
      headers: as(worker),
    });
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const next = await t.app.inject({
      method: "GET",
      url: `/api/persons/${w.personId}/disclosures?limit=2&before=${page.nextCursor}`,
      headers: as(worker),
    });
    const ids = [...page.items, ...next.json().items].map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = [...page.items, ...next.json().items].map(
      (d: { recordedAt: string }) => d.recordedAt,
    );
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("answers another's case with 404, audited, and shows her disclosures to nobody else", async () => {
    const other = await buildWorkedCase(t.app, database().owner);
    expect((await disclose({}, other.session)).statusCode).toBe(404);
    const page = await t.app.inject({
      method: "GET",
      url: `/api/persons/${w.personId}/disclosures`,
      headers: as(other.session),
    });
    expect(page.statusCode).toBe(404);
    const denied = await database()
      .owner.selectFrom("audit_event")
      .select("action")
      .where("actor_user_id", "=", other.userId)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(["disclosure.record"]));
  });
});
