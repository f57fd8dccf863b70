import type { PlainMessageKey } from "../../i18n/messages";

/*
 * The case workspace's sections: each is an address of its own (/cases/:id/journal), so a
 * worker can link to one, go back to it, and reach it from the section navigation in a few
 * Tab presses. The overview is the case's own address (/cases/:id).
 */
export const caseSectionIds = [
  "overview",
  "intakes",
  "investigation",
  "assessments",
  "decisions",
  "housing",
  "treatment",
  "partner-contact",
  "collaboration",
  "journal",
  "documents",
  "status",
] as const;
export type CaseSectionId = (typeof caseSectionIds)[number];

export const caseSectionTitles: Readonly<Record<CaseSectionId, PlainMessageKey>> = {
  overview: "caseSection.overview",
  intakes: "caseSection.intakes",
  investigation: "caseSection.investigation",
  assessments: "caseSection.assessments",
  decisions: "caseSection.decisions",
  housing: "caseSection.housing",
  treatment: "caseSection.treatment",
  "partner-contact": "caseSection.partnerContact",
  collaboration: "caseSection.collaboration",
  journal: "caseSection.journal",
  documents: "caseSection.documents",
  status: "caseSection.status",
};

/** The address of a section of the case. */
export function caseSectionPath(caseId: string, section: CaseSectionId): string {
  return section === "overview" ? `/cases/${caseId}` : `/cases/${caseId}/${section}`;
}

/** The section an address names; undefined for one that is no section. */
export function sectionOf(segment: string | undefined): CaseSectionId | undefined {
  if (segment === undefined) return "overview";
  return (caseSectionIds as readonly string[]).includes(segment)
    ? (segment as CaseSectionId)
    : undefined;
}
