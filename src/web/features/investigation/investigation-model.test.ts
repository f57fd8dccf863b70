import { describe, expect, it } from "vitest";
import { SaveInvestigationBody } from "../../../shared/api/investigation";
import type { InvestigationView } from "../../api/endpoints";
import {
  asksAboutWitnessing,
  checkCompletion,
  draftOf,
  investigationFieldNames,
  saveBody,
  witnessedOf,
  witnessedValue,
} from "./investigation-model";

const adultKeys: InvestigationView["sectionKeys"] = [
  "acute_needs",
  "short_and_long_term_needs",
  "nature_and_extent_of_violence",
  "risk_of_further_violence",
  "network",
  "children_in_household",
  "support_as_parent",
];
const childKeys: InvestigationView["sectionKeys"] = [
  "childs_account",
  "safety",
  "needs",
  "parents_capacity",
];

const view = (changes: Partial<InvestigationView> = {}): InvestigationView => ({
  caseId: "7a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d",
  sectionKeys: adultKeys,
  sections: {},
  childrenWitnessedViolence: null,
  summary: "",
  assessment: "",
  completedAt: null,
  completedBy: null,
  updatedAt: null,
  ...changes,
});

describe("whether the children witnessed violence", () => {
  it("maps yes, no and not answered both ways", () => {
    expect([true, false, null].map(witnessedOf)).toEqual(["yes", "no", "not_answered"]);
    expect((["yes", "no", "not_answered"] as const).map(witnessedValue)).toEqual([
      true,
      false,
      null,
    ]);
  });

  it("is asked in an adult's investigation only", () => {
    expect(asksAboutWitnessing(adultKeys)).toBe(true);
    expect(asksAboutWitnessing(childKeys)).toBe(false);
  });
});

describe("the investigation form", () => {
  it("starts from what is saved, with every section of the case's kind", () => {
    const draft = draftOf(
      view({
        sections: { acute_needs: "Behöver skyddat boende." },
        childrenWitnessedViolence: true,
        summary: "Sammanfattat.",
      }),
    );
    expect(Object.keys(draft.sections)).toEqual(adultKeys);
    expect(draft.sections.acute_needs).toBe("Behöver skyddat boende.");
    expect(draft.sections.network).toBe("");
    expect(draft).toMatchObject({ witnessed: "yes", summary: "Sammanfattat.", assessment: "" });
  });

  it("sends the case's own sections, leaving empty ones out", () => {
    const draft = {
      ...draftOf(view()),
      sections: { acute_needs: "Akut.", network: "  ", childs_account: "fel sort" },
      witnessed: "no" as const,
      summary: "S",
      assessment: "B",
    };
    const body = saveBody(adultKeys, draft);
    expect(body).toEqual({
      sections: { acute_needs: "Akut." },
      childrenWitnessedViolence: false,
      summary: "S",
      assessment: "B",
    });
    expect(SaveInvestigationBody.safeParse(body).success).toBe(true);
  });

  it("never sends the witnessing answer for a child's investigation", () => {
    const draft = { ...draftOf(view({ sectionKeys: childKeys })), witnessed: "yes" as const };
    expect(saveBody(childKeys, draft).childrenWitnessedViolence).toBeNull();
  });

  it("asks for a summary and an assessment before completing", () => {
    const draft = draftOf(view());
    expect(checkCompletion({ ...draft, summary: " " })).toEqual({
      summary: "investigation.errorSummary",
      assessment: "investigation.errorAssessment",
    });
    expect(checkCompletion({ ...draft, summary: "S", assessment: "B" })).toBeNull();
  });

  it("knows the field names the server keys its messages by", () => {
    expect(investigationFieldNames(childKeys)).toEqual([
      "sections.childs_account",
      "sections.safety",
      "sections.needs",
      "sections.parents_capacity",
      "childrenWitnessedViolence",
      "summary",
      "assessment",
    ]);
  });
});
