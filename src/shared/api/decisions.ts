import { z } from "zod";
import { ChildPlacementBody, ChildPlacementView } from "./child-placement.ts";
import { dayNotBefore, isoDate, multiline } from "./fields.ts";

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
  // Annat boende (0050's catalogue row; the yearly report counts it, issue 20)
  "other_housing",
] as const;
export const InterventionKind = z.enum(interventionKinds);
export const DecisionOutcome = z.enum(["granted", "partly_granted", "denied"]);

export const DecisionParams = z.object({ id: z.uuid(), decisionId: z.uuid() });

export const RecordDecisionBody = z
  .object({
    interventionKind: InterventionKind,
    outcome: DecisionOutcome,
    periodFrom: isoDate().nullable().default(null),
    periodTo: isoDate().nullable().default(null),
    reasoning: multiline(z.string().trim().min(1).max(20_000)),
    childPlacement: ChildPlacementBody.nullable().default(null).meta({
      description:
        "Required for a child's sheltered housing unless denied: both custodians' consent or lag (2024:79)",
    }),
  })
  .strict()
  .check(dayNotBefore("periodTo", "periodFrom", "periodEndBeforeStart"))
  .meta({ id: "RecordDecisionBody" });

/**
 * How the decision letter may reach the person, from their protection level and safe-contact
 * instructions. Never post to an address the person has not said is safe.
 * post: to `address` in the letter. forwarding: protected registration — sent via
 * Skatteverket, no address in the letter. hand_over: no postal letter; give it in person.
 */
export const LetterDelivery = z
  .object({
    method: z.enum(["post", "forwarding", "hand_over"]),
    reason: z
      .enum([
        "letters_not_allowed",
        "not_asked",
        "no_address",
        "protected_registration",
        "fictitious_identity",
        "location_withheld",
      ])
      .nullable(),
    warning: z.enum(["confidentiality_marking"]).nullable(),
  })
  .meta({ id: "LetterDelivery" });
export type LetterDelivery = z.infer<typeof LetterDelivery>;

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
    childPlacement: ChildPlacementView.nullable(),
    letterDelivery: LetterDelivery.meta({
      description:
        "How this decision's letter may be delivered: the person's rules, and never an address for a child whose housing is kept secret",
    }),
  })
  .meta({ id: "Decision" });
export type DecisionView = z.infer<typeof DecisionView>;

export const DecisionList = z
  .object({ decisions: z.array(DecisionView), letterDelivery: LetterDelivery })
  .meta({ id: "DecisionList" });
