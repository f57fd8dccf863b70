import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../../shared/personal-identity-number";
import { checkConsultation, emptyConsultation } from "./consultation-form-model";

const filled = {
  ...emptyConsultation("7d8bbcaa-7317-4b02-b1c6-05ceeedf7d87", {
    date: "2026-03-10",
    time: "09:30",
  }),
  askerOrganisationKind: "school" as const,
  municipality: "Trollhättan",
  askerRole: "kurator",
  topics: ["honour_related_violence" as const],
  stage: "before_report" as const,
  minutes: "30",
  question: "En elev berättar vagt om kontroll hemma.",
};

describe("Ny konsultation's form", () => {
  it("sends the body the server checks, confirming names only when asked to", () => {
    const checked = checkConsultation(filled, true);
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(checked.body).toMatchObject({ minutes: 30, confirmNames: true, followUpOn: null });
  });

  it("refuses an identity number before sending, and says what is missing", () => {
    const nine = "100315238";
    const pin = `20${nine}${luhnCheckDigit(nine)}`;
    const checked = checkConsultation({ ...filled, question: `Gäller ${pin}`, stage: "" }, false);
    expect(checked).toEqual({
      ok: false,
      fields: {
        question: "consultations.form.questionRequired",
        stage: "consultations.form.stageRequired",
      },
    });
  });

  it("asks for the day of a planned follow-up", () => {
    const checked = checkConsultation({ ...filled, followUp: "planned" }, false);
    expect(checked).toEqual({
      ok: false,
      fields: { followUpOn: "consultations.form.followUpOnRequired" },
    });
  });
});
