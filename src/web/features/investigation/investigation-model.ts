import type {
  InvestigationSection,
  InvestigationView,
  SaveInvestigationInput,
} from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";

/*
 * Pure rules for the investigation form (utredning): what the form starts from, what it
 * sends, and what completing it needs. The server checks everything again.
 */

/** "Har barnen bevittnat våld?": yes, no, or not answered yet (null on the server). */
export type Witnessed = "yes" | "no" | "not_answered";

export const witnessedOf = (value: boolean | null): Witnessed =>
  value === null ? "not_answered" : value ? "yes" : "no";

export const witnessedValue = (value: Witnessed): boolean | null =>
  value === "not_answered" ? null : value === "yes";

/** Only an adult's investigation asks whether the children witnessed violence. */
export const asksAboutWitnessing = (sectionKeys: readonly InvestigationSection[]) =>
  sectionKeys.includes("children_in_household");

export interface InvestigationDraft {
  sections: Partial<Record<InvestigationSection, string>>;
  witnessed: Witnessed;
  summary: string;
  assessment: string;
}

export function draftOf(view: InvestigationView): InvestigationDraft {
  const sections: Partial<Record<InvestigationSection, string>> = {};
  for (const key of view.sectionKeys) sections[key] = view.sections[key] ?? "";
  return {
    sections,
    witnessed: witnessedOf(view.childrenWitnessedViolence),
    summary: view.summary,
    assessment: view.assessment,
  };
}

/**
 * The body of a save: the case's own sections only, empty ones left out (a save writes the
 * whole investigation, so a section emptied here is emptied there too).
 */
export function saveBody(
  sectionKeys: readonly InvestigationSection[],
  draft: InvestigationDraft,
): SaveInvestigationInput {
  const sections: Partial<Record<InvestigationSection, string>> = {};
  for (const key of sectionKeys) {
    const text = draft.sections[key] ?? "";
    if (text.trim() !== "") sections[key] = text;
  }
  return {
    sections,
    childrenWitnessedViolence: asksAboutWitnessing(sectionKeys)
      ? witnessedValue(draft.witnessed)
      : null,
    summary: draft.summary,
    assessment: draft.assessment,
  };
}

/** Completing needs a summary and an assessment (as the server says, before asking it). */
export function checkCompletion(
  draft: InvestigationDraft,
): Partial<Record<"summary" | "assessment", PlainMessageKey>> | null {
  const fields: Partial<Record<"summary" | "assessment", PlainMessageKey>> = {};
  if (draft.summary.trim() === "") fields.summary = "investigation.errorSummary";
  if (draft.assessment.trim() === "") fields.assessment = "investigation.errorAssessment";
  return Object.keys(fields).length > 0 ? fields : null;
}

/** The field names the server may key its messages by (sections as "sections.<key>"). */
export const investigationFieldNames = (sectionKeys: readonly InvestigationSection[]) => [
  ...sectionKeys.map((key) => `sections.${key}`),
  "childrenWitnessedViolence",
  "summary",
  "assessment",
];
