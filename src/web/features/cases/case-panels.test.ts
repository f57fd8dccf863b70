import { describe, expect, it } from "vitest";
import type { CaseView } from "../../api/endpoints";
import { casePanels, visibleCasePanels, visibleCaseSections } from "./case-panels";
import { caseSectionPath, sectionOf } from "./case-sections";

// Only what the list's `when`s read; the panels themselves are not drawn here.
function record(
  caseType: CaseView["caseType"],
  grant = false,
  grants = 0,
  protectionLevel = "none",
): CaseView {
  return {
    caseType,
    person: { protectionLevel },
    abilities: { grant },
    grants: Array.from({ length: grants }, () => ({})),
  } as unknown as CaseView;
}

const ids = (r: CaseView) => visibleCasePanels(casePanels, r).map((p) => p.id);
const inSection = (r: CaseView, section: string) =>
  visibleCasePanels(casePanels, r)
    .filter((p) => p.section === section)
    .map((p) => p.id);

describe("the case workspace's sections", () => {
  it("gives an adult victim's case social services' sections, without partner contact", () => {
    expect(visibleCaseSections(record("adult_victim"))).toEqual([
      "overview",
      "intakes",
      "investigation",
      "assessments",
      "decisions",
      "housing",
      "treatment",
      "collaboration",
      "journal",
      "documents",
      "status",
    ]);
    expect(inSection(record("adult_victim"), "collaboration")).toContain("risk-conference");
  });

  it("puts the police and the anonymised consultations under Samverkan in a victim's or a child's case", () => {
    const panels = ["police-collaboration", "case-consultations"];
    expect(inSection(record("adult_victim"), "collaboration")).toEqual(
      expect.arrayContaining(panels),
    );
    expect(inSection(record("child"), "collaboration")).toEqual(expect.arrayContaining(panels));
    expect(inSection(record("perpetrator"), "collaboration")).not.toContain("police-collaboration");
  });

  it("puts referrals under Samverkan in social services' cases", () => {
    expect(inSection(record("adult_victim"), "collaboration")).toContain("referrals");
    expect(inSection(record("child"), "collaboration")).toContain("referrals");
    expect(inSection(record("perpetrator"), "collaboration")).not.toContain("referrals");
  });

  it("orders Samverkan as a caseworker works: consent, disclosure, referral, SIP, conference, police, consultation", () => {
    expect(inSection(record("adult_victim"), "collaboration")).toEqual([
      "consents",
      "disclosures",
      "referrals",
      "coordinated-plans",
      "risk-conference",
      "police-collaboration",
      "case-consultations",
    ]);
    expect(inSection(record("child"), "collaboration")).toEqual([
      "consents",
      "disclosures",
      "referrals",
      "coordinated-plans",
      "police-collaboration",
      "case-consultations",
    ]);
    expect(inSection(record("perpetrator"), "collaboration")).toEqual(["consents", "disclosures"]);
  });

  it("puts the children's crisis centre under Behandling in a victim's or a child's case, not his treatment", () => {
    expect(inSection(record("adult_victim"), "treatment")).toEqual(["child-work"]);
    expect(inSection(record("child"), "treatment")).toEqual(["child-work"]);
    expect(inSection(record("perpetrator"), "treatment")).toEqual(["treatment"]);
  });

  it("gives a perpetrator's case treatment and partner contact instead of investigation and decisions", () => {
    const sections = visibleCaseSections(record("perpetrator"));
    expect(sections).toContain("treatment");
    expect(sections).toContain("partner-contact");
    expect(sections).not.toContain("investigation");
    expect(sections).not.toContain("decisions");
    expect(inSection(record("perpetrator"), "partner-contact")).toEqual([
      "partner-contact-his",
      "barrier-events",
    ]);
    expect(inSection(record("perpetrator"), "documents")).toEqual(["case-documents", "documents"]);
  });

  it("gives a partner-contact case its own partner section, and no treatment", () => {
    expect(inSection(record("partner_contact"), "partner-contact")).toEqual([
      "partner-case",
      "barrier-events",
    ]);
    expect(visibleCaseSections(record("partner_contact"))).not.toContain("treatment");
  });

  it("puts the children's track with the intakes, only in a child's case", () => {
    expect(inSection(record("child"), "intakes")).toEqual(["intakes", "child-track"]);
    expect(ids(record("adult_victim"))).not.toContain("child-track");
  });

  it("starts the overview with what is due, then tasks and the latest events", () => {
    expect(inSection(record("adult_victim"), "overview")).toEqual([
      "deadlines",
      "tasks",
      "latest",
      "relations",
    ]);
  });

  it("puts the mail-and-payment checklist on a protected person's case only", () => {
    expect(ids(record("adult_victim"))).not.toContain("protection-checklist");
    const ov = inSection(record("adult_victim", false, 0, "confidentiality_marking"), "overview");
    expect(ov).toContain("protection-checklist");
  });

  it("shows grants to one who may grant, or when there are grants to list", () => {
    expect(ids(record("adult_victim"))).not.toContain("grants");
    expect(inSection(record("adult_victim", true), "status").at(-1)).toBe("grants");
    expect(inSection(record("adult_victim", false, 1), "status").at(-1)).toBe("grants");
  });

  it("names every panel once", () => {
    const all = casePanels.map((p) => p.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it("gives each section an address, the overview the case's own", () => {
    expect(caseSectionPath("c1", "overview")).toBe("/cases/c1");
    expect(caseSectionPath("c1", "journal")).toBe("/cases/c1/journal");
    expect(sectionOf(undefined)).toBe("overview");
    expect(sectionOf("journal")).toBe("journal");
    expect(sectionOf("safety")).toBeUndefined();
  });
});
