import { z } from "zod";

export const interventionKinds = [
  "sheltered_housing",
  "emergency_flat",
  "financial_aid",
  "support_talks",
  "trauma_talks",
  "contact_person",
  "protected_data_help",
  "authority_support",
  "parenting_support",
  "other",
] as const;
export const InterventionKind = z.enum(interventionKinds);
export const DecisionOutcome = z.enum(["granted", "partly_granted", "denied"]);

export const RecordDecisionBody = z
  .object({
    interventionKind: InterventionKind,
    outcome: DecisionOutcome,
    periodFrom: z.iso.date().nullable().default(null),
    periodTo: z.iso.date().nullable().default(null),
    reasoning: z.string().trim().min(1).max(20_000),
  })
  .strict()
  .meta({ id: "RecordDecisionBody" });

export const DecisionView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    interventionKind: InterventionKind,
    interventionName: z.string(),
    legalReference: z.string().meta({ description: "SoL (2025:400)" }),
    oldLegalReference: z.string().meta({ description: "SoL (2001:453), for older records" }),
    outcome: DecisionOutcome,
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    reasoning: z.string(),
    appealInfo: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .meta({ id: "Decision" });
export type DecisionView = z.infer<typeof DecisionView>;
export const DecisionList = z
  .object({ decisions: z.array(DecisionView) })
  .meta({ id: "DecisionList" });
