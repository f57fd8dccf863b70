import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "../../../shared/calendar.ts";
import {
  consentFormSentences,
  partnerLetterSentences,
} from "../../output/partner-contact-documents.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam, type Session } from "../../testing/factories.ts";
import { pdfText, pdfWords } from "../../testing/pdf.ts";

/*
 * Partner contact's documents: his consent form printed, signed on paper, scanned and kept in
 * his case until the treatment ends — then destroyed, with a receipt; the information letter
 * and the text message to her, only in ways her safe-contact instructions allow, never
 * naming him.
 */

const today = stockholmDate(new Date());
// The smallest files that start like what they claim to be.
const scannedPdf = Buffer.from("%PDF-1.4\n% inskannad blankett\n%%EOF\n");
const notAPdf = Buffer.from("MZ this is not a document");

describe.each(testDatabaseKinds)("partner contact documents (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let hersId: string;
  let himName: string;

  const call = (
    session: Session | null,
    method: "GET" | "POST" | "PATCH",
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers: session ? as(session) : {},
      ...(payload ? { payload } : {}),
    });
  const upload = (
    session: Session | null,
    caseId: string,
    body: Buffer,
    type = "application/pdf",
  ) =>
    t.app.inject({
      method: "POST",
      url: `/api/cases/${caseId}/documents?kind=partner_contact_consent`,
      headers: { ...(session ? as(session) : {}), "content-type": type },
      payload: body,
    });
  const his = (p = "") => `/api/cases/${team.caseId}${p}`;
  const hers = (p = "") => `/api/cases/${hersId}${p}`;

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    await database()
      .owner.updateTable("unit")
      .set({ contact_phone: "010-000 00 00", contact_email: "kriscentrum@example.org" })
      .where("id", "=", team.unitId)
      .execute();
    const him = await database()
      .owner.selectFrom("person")
      .select(["given_name", "family_name"])
      .where("id", "=", team.personId)
      .executeTakeFirstOrThrow();
    himName = `${him.given_name} ${him.family_name}`;
  });
  afterAll(() => t?.close());

  it("prints his consent form once the treatment is registered, with both secrecy exceptions", async () => {
    const early = await call(team.therapist, "GET", his("/partner-contact/consent-form"));
    expect(early.statusCode).toBe(409);
    await call(team.therapist, "POST", his("/treatment"), {
      referralSource: "self",
      referredOn: "2026-10-01",
    });
    const res = await call(team.therapist, "GET", his("/partner-contact/consent-form"));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = await pdfWords(res.rawPayload);
    expect(text).toContain(consentFormSentences.title);
    expect(text).toContain(himName);
    expect(text).toContain("barn far illa");
    expect(text).toContain("23 kap. 6 § brottsbalken");
    expect(text).toContain("förstörs när min behandling avslutas");
    expect(text).toContain("010-000 00 00");
    expect((await call(team.third, "GET", his("/partner-contact/consent-form"))).statusCode).toBe(
      404,
    );
  });

  it("keeps the signed, scanned form in his case; checks what the file really is", async () => {
    expect((await upload(null, team.caseId, scannedPdf)).statusCode).toBe(401);
    const wrong = await upload(team.therapist, team.caseId, notAPdf);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.file).toContain("PDF eller en bild");
    const disguised = await upload(team.therapist, team.caseId, notAPdf, "image/png");
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error.fields.file).toContain("PDF eller en bild");
    expect((await upload(team.third, team.caseId, scannedPdf)).statusCode).toBe(404);
    const saved = await upload(team.therapist, team.caseId, scannedPdf);
    expect(saved.statusCode).toBe(201);
    const [doc] = saved.json().documents;
    expect(doc).toMatchObject({
      kind: "partner_contact_consent",
      // Named by the server: nothing typed on a computer goes into the receipt.
      filename: `samtycke-partnerkontakt-${today}.pdf`,
      mediaType: "application/pdf",
      sizeBytes: scannedPdf.length,
      destroyed: null,
    });
    const content = await call(team.therapist, "GET", his(`/documents/${doc.id}/content`));
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(scannedPdf)).toBe(true);
  });

  it("the letter to her and the text never name him; a letter only when letters are safe", async () => {
    await call(team.therapist, "POST", his("/partner-contact/information"), {
      informedOn: "2026-10-01",
    });
    await call(team.therapist, "POST", his("/partner-contact/partners"), {
      relationship: "former",
      consent: { form: "written", givenOn: "2026-10-02" },
      partner: {
        givenName: "Lova",
        familyName: "Brevsson",
        phone: "070-333 33 33",
        postalAddress: "Brevgatan 3, 111 11 Demostad",
      },
    });
    const row = await database()
      .owner.selectFrom("partner")
      .select(["partner_case_id"])
      .where("case_id", "=", team.caseId)
      .executeTakeFirstOrThrow();
    hersId = row.partner_case_id as string;
    await call(team.manager, "POST", hers("/assignments"), { userId: team.partnerWorkerId });
    // His therapist cannot print her letter: her case is behind the barrier.
    expect((await call(team.therapist, "GET", hers("/partner-contact/letter"))).statusCode).toBe(
      404,
    );

    // Her page offers what the documents give, and nothing more (one rule: herContact).
    const offered = async () =>
      (await call(team.partnerWorker, "GET", hers("/partner-contact"))).json().firstContact;
    expect(await offered()).toEqual({
      letter: true,
      sms: true,
      consentWithdrawn: false,
      revealNeeded: false,
    });
    const letter = await call(team.partnerWorker, "GET", hers("/partner-contact/letter"));
    expect(letter.statusCode).toBe(200);
    const text = await pdfText(letter.rawPayload);
    for (const sentence of [
      partnerLetterSentences.title,
      partnerLetterSentences.nothingPassed,
      partnerLetterSentences.offerStands,
    ])
      expect(text.replace(/\s+/g, " ")).toContain(sentence);
    expect(text).toContain("Lova Brevsson");
    expect(text).toContain("Brevgatan 3");
    expect(text).not.toContain(himName);

    const sms = await call(team.partnerWorker, "GET", hers("/partner-contact/sms"));
    expect(sms.statusCode).toBe(200);
    expect(sms.json().to).toBe("070-333 33 33");
    expect(sms.json().text).toContain("010-000 00 00");
    expect(sms.json().text).not.toMatch(/våld|behandling/i);
    // The unit's name could give the purpose away: the text names the organisation.
    const unitName = (
      await database()
        .owner.selectFrom("unit")
        .select("name")
        .where("id", "=", team.unitId)
        .executeTakeFirstOrThrow()
    ).name;
    expect(sms.json().text).not.toContain(unitName);
    expect(sms.json().text).not.toContain(himName);

    // She says letters are not safe: no letter any more.
    const person = await database()
      .owner.selectFrom("case")
      .select("person_id")
      .where("id", "=", hersId)
      .executeTakeFirstOrThrow();
    await call(team.partnerWorker, "PATCH", `/api/persons/${person.person_id}`, {
      safeContact: { maySendLetters: false, mayCall: true },
    });
    const refused = await call(team.partnerWorker, "GET", hers("/partner-contact/letter"));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("brev inte är säkra");
    expect(await offered()).toEqual({
      letter: false,
      sms: true,
      consentWithdrawn: false,
      revealNeeded: false,
    });

    // He withdraws his consent: nothing about him goes to her any more, not even a text.
    const [partner] = (await call(team.therapist, "GET", his("/treatment"))).json().treatment
      .partnerContact.partners;
    await call(team.therapist, "POST", his(`/partner-contact/partners/${partner.id}/withdraw`), {
      withdrawnOn: today,
    });
    const afterWithdrawal = await call(team.partnerWorker, "GET", hers("/partner-contact/sms"));
    expect(afterWithdrawal.statusCode).toBe(409);
    expect(afterWithdrawal.json().error.message).toContain("återkallat");
    expect(await offered()).toEqual({
      letter: false,
      sms: false,
      consentWithdrawn: true,
      revealNeeded: false,
    });
  });

  it("ending the treatment destroys the form: the bytes go, the receipt stays", async () => {
    await call(team.therapist, "POST", his("/treatment/end"), {
      endedOn: today,
      kind: "completed",
      reason: "Programmet genomfört.",
      outcome: { goalReached: "wholly" },
    });
    const docs = (await call(team.therapist, "GET", his("/documents"))).json().documents;
    expect(docs).toHaveLength(1);
    expect(docs[0].destroyed).toMatchObject({ reason: expect.stringContaining("förstörs") });
    const gone = await call(team.therapist, "GET", his(`/documents/${docs[0].id}/content`));
    expect(gone.statusCode).toBe(410);
    const row = await database()
      .owner.selectFrom("document")
      .select(["content", "sha256"])
      .where("id", "=", docs[0].id)
      .executeTakeFirstOrThrow();
    expect(row.content).toBeNull();
    const receipt = await database()
      .owner.selectFrom("audit_event")
      .select(["data", "reason"])
      .where("action", "=", "document.destroy")
      .where("resource_id", "=", team.caseId)
      .executeTakeFirstOrThrow();
    // The receipt names the file by its own bytes' hash, worked out here, not copied.
    expect(receipt.data).toMatchObject({
      documentId: docs[0].id,
      sha256: createHash("sha256").update(scannedPdf).digest("hex"),
    });
    expect(row.sha256).toBe(createHash("sha256").update(scannedPdf).digest("hex"));
    const ended = await database()
      .owner.selectFrom("audit_event")
      .select("data")
      .where("action", "=", "treatment.end")
      .where("resource_id", "=", team.caseId)
      .executeTakeFirstOrThrow();
    expect(ended.data).toMatchObject({ consentDocumentsDestroyed: 1 });
    // A closed treatment takes no new consent form.
    expect((await upload(team.therapist, team.caseId, scannedPdf)).statusCode).toBe(409);
  });
});
