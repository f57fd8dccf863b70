import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProtectionLevel } from "../../../shared/protection.ts";
import { buildTestApp, type TestApp } from "../../testing/app.ts";
import { testDatabaseKinds, useTestDatabase } from "../../testing/databases.ts";
import { as, buildTreatmentTeam, fictionalIdentityNumber } from "../../testing/factories.ts";
import { consentedPartner, openPartnerCase } from "../../testing/partner-contact.ts";
import { pdfWords } from "../../testing/pdf.ts";

/*
 * Review 19, findings 3 and 9: the letter and the text message to her carry her address and
 * number out of Frid. For a protected partner they are made only while her worker has
 * revealed her details with a reason (issue 19, item 2): otherwise 409 reveal_required, with
 * no number in the answer. Under fingerade personuppgifter the text names nobody.
 */

const phone = "070-000 00 00";
const street = "Skyddad väg 1";

describe.each(testDatabaseKinds)("her letter and text under protection (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let t: TestApp;
  let team: Awaited<ReturnType<typeof buildTreatmentTeam>>;
  let hers: { caseId: string; personId: string };

  beforeAll(async () => {
    t = await buildTestApp(database());
    team = await buildTreatmentTeam(t.app, database().owner);
    hers = await openPartnerCase(
      t.app,
      database().owner,
      team,
      consentedPartner(fictionalIdentityNumber()),
    );
  }, 120_000);
  afterAll(() => t?.close());

  const get = (path: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/cases/${hers.caseId}/partner-contact${path}`,
      headers: as(team.partnerWorker),
    });
  const setLevel = (level: ProtectionLevel) =>
    database()
      .owner.updateTable("person")
      .set({ protection_level: level })
      .where("id", "=", hers.personId)
      .execute();
  const reveal = async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/persons/${hers.personId}/contact-reveal`,
      headers: as(team.partnerWorker),
      payload: { reasonCode: "safety_contact" },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  // Her reveals end, as after their minutes: the next level starts unrevealed.
  const endReveals = () =>
    database()
      .owner.updateTable("person_reveal")
      .set({
        revealed_at: sql`revealed_at - interval '1 hour'`,
        expires_at: sql`expires_at - interval '1 hour'`,
      })
      .where("person_id", "=", hers.personId)
      .where("expires_at", ">", sql<Date>`now()`)
      .execute();

  it("gives her number and the letter without a reveal only when she is not protected", async () => {
    const sms = await get("/sms");
    expect(sms.statusCode, sms.body).toBe(200);
    expect(sms.json()).toMatchObject({ to: phone, text: expect.stringMatching(/^Hej Sara!/) });
    const letter = await get("/letter");
    expect(letter.statusCode, letter.body).toBe(200);
    expect(await pdfWords(letter.rawPayload)).toContain(street);
    expect((await get("")).json().firstContact).toMatchObject({ revealNeeded: false });
  });

  it.each(["confidentiality_marking", "protected_registration", "fictitious_identity"] as const)(
    "refuses her number and address until she is revealed with a reason (%s)",
    async (level) => {
      await setLevel(level);
      try {
        const view = (await get("")).json();
        expect(view).toMatchObject({ givenMasked: true, firstContact: { revealNeeded: true } });
        const sms = await get("/sms");
        expect(sms.statusCode, sms.body).toBe(409);
        expect(sms.json().error.code).toBe("reveal_required");
        expect(sms.json().error.message).toContain("Visa med skäl");
        expect(sms.body).not.toContain(phone);
        const letter = await get("/letter");
        expect(letter.statusCode, letter.body).toBe(409);
        expect(letter.body).not.toContain(street);

        await reveal();
        expect((await get("")).json().firstContact).toMatchObject({ revealNeeded: false });
        const shown = await get("/sms");
        expect(shown.statusCode, shown.body).toBe(200);
        expect(shown.json().to).toBe(phone);
        // A text that leaves Frid never ties her to the identity Frid holds.
        if (level === "fictitious_identity") {
          expect(shown.json().text).toMatch(/^Hej! /);
          expect(shown.json().text).not.toContain("Sara");
        } else expect(shown.json().text).toMatch(/^Hej Sara!/);
        const printed = await get("/letter");
        if (level === "confidentiality_marking") {
          expect(printed.statusCode, printed.body).toBe(200);
          expect(await pdfWords(printed.rawPayload)).toContain(street);
        } else {
          // No letter to an address under skyddad folkbokföring or fingerade personuppgifter.
          expect(printed.statusCode).toBe(409);
          expect(printed.json().error.code).toBe("conflict");
        }
      } finally {
        await endReveals();
        await setLevel("none");
      }
    },
  );
});
