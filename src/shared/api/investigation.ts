import { z } from "zod";
import { multiline } from "./fields.ts";

/**
 * The sections of an investigation, by the case's kind. For an adult subjected to violence
 * (HSLF-FS 2022:39): acute needs; needs in the short and long term; nature and extent of the
 * violence; risk of further violence; network; children in the household and whether they
 * witnessed violence; need for support as a parent. For a child: the child's own account,
 * safety, needs, the parents' capacity.
 */
export const adultSections = [
  "acute_needs",
  "short_and_long_term_needs",
  "nature_and_extent_of_violence",
  "risk_of_further_violence",
  "network",
  "children_in_household",
  "support_as_parent",
] as const;
export const childSections = ["childs_account", "safety", "needs", "parents_capacity"] as const;
export const investigationSections = [...adultSections, ...childSections] as const;
export type InvestigationSection = (typeof investigationSections)[number];

export function sectionsFor(caseType: string): readonly InvestigationSection[] {
  return caseType === "child" ? childSections : adultSections;
}

export const SaveInvestigationBody = z
  .object({
    sections: z.partialRecord(z.enum(investigationSections), multiline(z.string().max(20_000))),
    childrenWitnessedViolence: z.boolean().nullable().default(null).meta({
      description:
        "Adults: did the children in the household witness violence? (yes means the children must be reported/assessed)",
    }),
    summary: multiline(z.string().max(20_000)).default(""),
    assessment: multiline(z.string().max(20_000)).default(""),
  })
  .strict()
  .meta({ id: "SaveInvestigationBody" });

export const InvestigationView = z
  .object({
    caseId: z.uuid(),
    sectionKeys: z.array(z.enum(investigationSections)),
    sections: z.partialRecord(z.enum(investigationSections), z.string()),
    childrenWitnessedViolence: z.boolean().nullable(),
    summary: z.string(),
    assessment: z.string(),
    completedAt: z.string().nullable(),
    completedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "Investigation" });
export type InvestigationView = z.infer<typeof InvestigationView>;
