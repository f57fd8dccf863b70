import { describe, expect, it } from "vitest";
import { pdfText, unicodeNames } from "../testing/pdf.ts";
import { renderDecisionLetter } from "./decision-letter.ts";
import { planLetterDelivery } from "./delivery.ts";
import { renderConsentForm, renderPartnerLetter } from "./partner-contact-documents.ts";
import { rtlRuns } from "./pdf.ts";
import { renderSafetyPlan } from "./safety-plan-pdf.ts";

/**
 * Every PDF Frid writes prints a name in the script it is written in (issue 15): the
 * standard PDF fonts turned anything beyond Latin-1 into "?". Read back with pdf.js, as a
 * PDF reader sees the text.
 */
const names = unicodeNames;

const sender = {
  organisation: "Frid kommun",
  unit: "Kriscentrum",
  phone: "010-123 45 67",
  address: "Storgatan 1, 111 11 Stad",
  email: null,
};

async function textOf(pdf: Promise<Buffer>) {
  const bytes = await pdf;
  // No standard font is named, let alone used: every glyph comes from the embedded font.
  expect(bytes.toString("latin1")).not.toMatch(/Helvetica/);
  return pdfText(bytes);
}

const each = Object.entries(names);

describe("every document prints names in any script", () => {
  it.each(each)("the decision letter (%s)", async (_, name) => {
    const text = await textOf(
      renderDecisionLetter({
        organisation: "Frid kommun",
        unit: "Socialtjänsten",
        reference: "2026-0001",
        decidedOn: "2026-12-01",
        recipient: { name, identityNumber: null },
        delivery: planLetterDelivery({
          protectionLevel: "none",
          safeContact: { maySendLetters: true },
          postalAddress: "Ulica Łąkowa 5, Gdańsk",
        }),
        interventionName: "Skyddat boende",
        legalReference: "SoL",
        outcome: "granted",
        periodFrom: null,
        periodTo: null,
        reasoning: `Skälen gäller ${name}.`,
        appealInfo: null,
        decidedBy: "Åsa Öberg",
        placementBasis: null,
      }),
    );
    expect(text).toContain(name);
    expect(text).toContain("Ulica Łąkowa 5, Gdańsk");
    expect(text).not.toContain("?");
  });

  it.each(each)("the safety plan (%s)", async (_, name) => {
    const text = await textOf(
      renderSafetyPlan({
        organisation: "Frid kommun",
        unit: "Socialtjänsten",
        reference: "2026-0001",
        person: { name, protectionLevel: "none" },
        plan: {
          version: 1,
          masked: false,
          savedAt: "2026-12-01T10:00:00Z",
          savedBy: "Åsa Öberg",
          measures: [
            {
              kind: "trusted_people",
              description: `Ring ${name}`,
              forWhom: name,
              responsible: "Åsa Öberg",
              status: "planned",
              reviewOn: "2026-12-15",
            },
          ],
        },
      }),
    );
    expect(text).toContain(name);
    expect(text).not.toContain("?");
  });

  it.each(each)("the partner-contact consent form and letter (%s)", async (_, name) => {
    const form = await textOf(
      renderConsentForm({ sender, name, identityNumber: null, printedOn: "2026-12-01" }),
    );
    expect(form).toContain(name);
    const letter = await textOf(
      renderPartnerLetter({ sender, recipientName: name, address: null, printedOn: "2026-12-01" }),
    );
    expect(letter).toContain(name);
    expect(letter).toContain("Det du säger stannar hos oss");
  });
});

describe("right-to-left runs", () => {
  it("cuts a line where the script's direction changes, spaces inside a run kept", () => {
    expect(rtlRuns(`Namn: ${names.arabic} (mamma)`)).toEqual([
      { text: "Namn: ", rtl: false },
      { text: names.arabic, rtl: true },
      { text: " (mamma)", rtl: false },
    ]);
    expect(rtlRuns("Łucja")).toEqual([{ text: "Łucja", rtl: false }]);
    expect(rtlRuns("")).toEqual([{ text: "", rtl: false }]);
  });
});
