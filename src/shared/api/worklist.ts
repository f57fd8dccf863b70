import { z } from "zod";
import { StatutoryLastDay } from "./deadlines.ts";

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
    due: z.string().meta({
      description:
        "The end of the counted day: status and order key to it, never to a moved last day",
    }),
    dueDate: z.string().meta({ description: "The counted day in Swedish time, YYYY-MM-DD" }),
    status: z.enum(["overdue", "due_soon"]),
    lastDay: StatutoryLastDay.nullable().meta({
      description:
        "Statutory time limits: the last day under lag (1930:173); null for same-day duties and working rules",
    }),
  })
  .meta({ id: "WorklistItem" });
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({ items: z.array(WorklistItem) }).meta({ id: "Worklist" });
export const WorklistQuery = z.object({ scope: z.enum(["mine", "unit"]).default("mine") });

/** One case's deadlines for its workspace: every one, the later ones too, soonest first. */
export const CaseDeadline = WorklistItem.extend({
  status: z.enum(["overdue", "due_soon", "later"]),
}).meta({ id: "CaseDeadline" });
export type CaseDeadline = z.infer<typeof CaseDeadline>;
export const CaseDeadlines = z
  .object({ items: z.array(CaseDeadline) })
  .meta({ id: "CaseDeadlines" });
