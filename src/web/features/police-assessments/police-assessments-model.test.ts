import { describe, expect, it } from "vitest";
import { RecordPoliceAssessmentBody } from "../../../shared/api/police-assessments";
import type { PoliceAssessment } from "../../api/endpoints";
import {
  addedRecord,
  checkPoliceAssessment,
  emptyPoliceAssessmentDraft,
  type PoliceAssessmentDraft,
  policeAssessmentElementId,
  policeAssessmentFields,
} from "./police-assessments-model";

const filled: PoliceAssessmentDraft = {
  assessedOn: "2026-11-18",
  level: "  Förhöjd risk ",
  summary: " Hot med kniv i oktober. \n",
  consentGivenOn: "2026-11-17",
  consentForm: "written",
  consentReference: " Blankett 12/2026 ",
};

function record(id: string, assessedOn: string): PoliceAssessment {
  return {
    id,
    assessedOn,
    level: "Hög risk",
    summary: "",
    consentGivenOn: assessedOn,
    consentForm: "oral",
    consentReference: `Journalanteckning ${assessedOn}`,
    recordedBy: "Lina Ek",
    recordedAt: `${assessedOn}T10:00:00.000Z`,
  };
}

describe("checkPoliceAssessment", () => {
  it("asks for everything required when nothing is filled in, each with its own message", () => {
    const checked = checkPoliceAssessment(emptyPoliceAssessmentDraft);
    expect(checked).toEqual({
      ok: false,
      fields: {
        assessedOn: "police.errorAssessedOn",
        level: "police.errorLevel",
        consentGivenOn: "police.errorConsentGivenOn",
        consentForm: "police.errorConsentForm",
        consentReference: "police.errorReference",
      },
    });
  });

  it("does not ask for a summary, and counts blanks as nothing written", () => {
    const checked = checkPoliceAssessment({
      ...filled,
      summary: "",
      level: "   ",
      consentReference: "\n",
    });
    expect(checked).toEqual({
      ok: false,
      fields: { level: "police.errorLevel", consentReference: "police.errorReference" },
    });
  });

  it("refuses what is not a date", () => {
    const checked = checkPoliceAssessment({ ...filled, assessedOn: "18/11", consentGivenOn: "x" });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(Object.keys(checked.fields).sort()).toEqual(["assessedOn", "consentGivenOn"]);
    }
  });

  it("sends the texts trimmed, in the shape the server takes", () => {
    const checked = checkPoliceAssessment(filled);
    expect(checked).toEqual({
      ok: true,
      body: {
        assessedOn: "2026-11-18",
        level: "Förhöjd risk",
        summary: "Hot med kniv i oktober.",
        consentGivenOn: "2026-11-17",
        consentForm: "written",
        consentReference: "Blankett 12/2026",
      },
    });
    if (checked.ok) expect(RecordPoliceAssessmentBody.safeParse(checked.body).success).toBe(true);
  });
});

describe("policeAssessmentFields", () => {
  it("names every field of the server's body, so its messages show by the controls", () => {
    expect([...policeAssessmentFields].sort()).toEqual(
      Object.keys(RecordPoliceAssessmentBody.shape).sort(),
    );
  });
});

describe("addedRecord", () => {
  const older = record("11111111-1111-4111-8111-111111111111", "2026-10-01");
  const newer = record("22222222-2222-4222-8222-222222222222", "2026-11-01");
  const added = record("33333333-3333-4333-8333-333333333333", "2026-09-01");

  it("finds the record the save added, wherever the server put it in the list", () => {
    expect(addedRecord([newer, older], [newer, older, added])).toBe(added);
    expect(addedRecord([], [added])).toBe(added);
  });

  it("is null when nothing new came back", () => {
    expect(addedRecord([newer, older], [newer, older])).toBeNull();
  });

  it("gives each record an element id of its own", () => {
    expect(policeAssessmentElementId(older.id)).not.toBe(policeAssessmentElementId(newer.id));
  });
});
