import { z } from "zod";

export const worklistKinds = [
  "protection_assessment",
  "preliminary_assessment",
  "child_investigation",
  "unsigned_draft",
  "follow_up",
  "children_to_assess",
  "court_submission",
  "court_ruling",
  "placement_review",
  "consent_revoked",
  "reassessment",
  "safety_plan",
  // Partner contact (see modules/worklist/partner-contact.ts).
  "barrier_notice",
  "risk_alert_escalated",
  "partner_unassigned",
  "partner_closing_conversation",
  "partner_follow_up",
  "child_concern",
] as const;

export const WorklistItem = z
  .object({
    kind: z.enum(worklistKinds),
    caseId: z.uuid(),
    reference: z.string(),
    personName: z.string(),
    due: z.string().meta({ description: "The last instant of the deadline" }),
    dueDate: z.string().meta({ description: "The deadline's date in Swedish time, YYYY-MM-DD" }),
    status: z.enum(["overdue", "due_soon"]),
  })
  .meta({ id: "WorklistItem" });
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({ items: z.array(WorklistItem) }).meta({ id: "Worklist" });
export const WorklistQuery = z.object({ scope: z.enum(["mine", "unit"]).default("mine") });
