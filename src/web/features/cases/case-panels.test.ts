import { describe, expect, it } from "vitest";
import type { CaseView } from "../../api/endpoints";
import { casePanels, visibleCasePanels } from "./case-panels";

// Only what the list's `when`s read; the panels themselves are not drawn here.
function record(caseType: CaseView["caseType"], grant = false, grants = 0): CaseView {
  return {
    caseType,
    abilities: { grant },
    grants: Array.from({ length: grants }, () => ({})),
  } as unknown as CaseView;
}

const ids = (r: CaseView) => visibleCasePanels(casePanels, r).map((p) => p.id);

describe("the case page's panels", () => {
  // The order the page had when each panel was written out by hand (journeys read headings).
  it("shows an adult victim's case in the page's order", () => {
    expect(ids(record("adult_victim"))).toEqual([
      "details",
      "status",
      "tasks",
      "intakes",
      "assessments",
      "police-assessments",
      "partner-case",
      "barrier-events",
      "investigation",
      "decisions",
      "plans",
      "relations",
      "journal",
      "assignees",
    ]);
  });

  it("adds the children's track only to a child's case", () => {
    expect(ids(record("child"))).toContain("child-track");
    expect(ids(record("child")).indexOf("child-track")).toBe(3);
    expect(ids(record("adult_victim"))).not.toContain("child-track");
  });

  it("puts a perpetrator's treatment, partner contact and documents together", () => {
    expect(ids(record("perpetrator"))).not.toContain("investigation");
    expect(ids(record("perpetrator")).slice(6, 9)).toEqual([
      "treatment",
      "partner-contact-his",
      "documents",
    ]);
  });

  it("shows grants to one who may grant, or when there are grants to list", () => {
    expect(ids(record("adult_victim"))).not.toContain("grants");
    expect(ids(record("adult_victim", true)).at(-1)).toBe("grants");
    expect(ids(record("adult_victim", false, 1)).at(-1)).toBe("grants");
  });

  it("names every panel once", () => {
    const all = casePanels.map((p) => p.id);
    expect(new Set(all).size).toBe(all.length);
  });
});
