import { z } from "zod";
import { WorkerFilter } from "./cases.ts";
import { StatutoryLastDay } from "./deadlines.ts";
import { sortOrders } from "./paging.ts";
import { ProtectionLevel } from "./persons.ts";

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
  // Stays in housing (see modules/worklist/stays.ts).
  "stay_decision_ends",
  "stay_child_school",
  "stay_follow_up",
  // Collaboration (issue 18). The first two belong to no case: the directory's owner and the
  // agreement's managers get them (subject, not caseId, says what they are about).
  "agreement_follow_up",
  "agency_contact_unconfirmed",
  "referral_unanswered",
  "coordinated_plan_due",
  "conference_action",
  "restraining_order_ends",
  "safety_alarm_follow_up",
  // Break-glass (issue 19, item 6): a subject line for the case's unit managers until reviewed.
  "break_glass_review",
  // A protected person's case whose mail-and-payment routine is not yet done (issue 19).
  "protection_checklist",
  // Systematic log review (issue 19, item 7): a review plan's review is due, for its reviewer.
  "log_review_due",
  // A routine whose review date is near (issue 20, item 2): its owner's and the managers'.
  "routine_review",
  // The action plan (issue 20, item 1): an activity past its day for its owner; a goal not
  // followed up for last year after 31 January for the plan's keepers (subject lines).
  "action_plan_activity",
  "action_plan_follow_up",
] as const;

/**
 * What a line without a case is about (an agreement, an agency of the directory, a risk
 * conference's action for its owner outside the case): its page is
 * subjectPath's. Another kind of subject is added here, with its page.
 */
export const worklistSubjectTypes = [
  "agreement",
  "agency",
  "conference_action",
  "break_glass",
  "log_review_plan",
  "routine",
  "action_plan",
] as const;
export type WorklistSubjectType = (typeof worklistSubjectTypes)[number];
export const WorklistSubject = z
  .object({ type: z.enum(worklistSubjectTypes), id: z.uuid(), title: z.string() })
  .meta({ id: "WorklistSubject" });
export type WorklistSubject = z.infer<typeof WorklistSubject>;
const subjectPages: Record<WorklistSubjectType, string> = {
  agreement: "/agreements",
  agency: "/agencies",
  // An action of a risk conference, for its owner who may not see the case (issue 18, item 8).
  conference_action: "/risk-conference-actions",
  // A break-glass access to review (issue 19, item 6): the manager may not see the case.
  break_glass: "/break-glass/reviews",
  // A unit's review plan for its reviewer (issue 19, item 7): the log review's plan section.
  log_review_plan: "/audit/plans",
  // A routine to revise (issue 20, item 2): the register opened at it.
  routine: "/routines",
  // The action plan's page (issue 20, item 1): an activity's or a goal's plan.
  action_plan: "/action-plans",
};
export const subjectPath = (s: Pick<WorklistSubject, "type" | "id">) =>
  `${subjectPages[s.type]}/${s.id}`;

export const WorklistItem = z
  .object({
    kind: z.enum(worklistKinds),
    caseId: z.uuid().nullable().meta({ description: "null: a line about no case (see subject)" }),
    reference: z.string().nullable(),
    personName: z.string().nullable().meta({
      description:
        'As lists show her (issue 19): "Skyddad identitet" under fingerade personuppgifter',
    }),
    protectionLevel: ProtectionLevel.optional().meta({
      description: "Her protection level, for the badge; absent on a line about no case",
    }),
    subject: WorklistSubject.nullable().meta({
      description: "What a line without a case is about; null for a case's line",
    }),
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
    responsible: z.array(z.object({ userId: z.uuid(), displayName: z.string() })).meta({
      description:
        "Who works the case now (a line without a case: who it is for); empty: nobody is assigned",
    }),
  })
  .meta({ id: "WorklistItem" });
export type WorklistItem = z.infer<typeof WorklistItem>;

export const Worklist = z.object({ items: z.array(WorklistItem) }).meta({ id: "Worklist" });

/** The columns Att göra sorts by; the day due, soonest first, unless asked. */
export const worklistSorts = ["due", "kind", "reference", "person"] as const;
export type WorklistSort = (typeof worklistSorts)[number];
/** How near a line's day is: passed, within 3 days (or passed), within 7 (the whole list). */
export const deadlineFilters = ["overdue", "within3", "within7"] as const;
export type DeadlineFilter = (typeof deadlineFilters)[number];

export const WorklistQuery = z.object({
  scope: z
    .enum(["mine", "unit"], { error: "Välj Att göra för dig eller för enheten." })
    .default("mine"),
  kind: z
    .enum(worklistKinds, { error: "Välj en av uppgifterna i listan." })
    .optional()
    .meta({ description: "Only lines of this kind" }),
  worker: WorkerFilter.optional().meta({
    description: "Only lines of cases this user works now; none: of cases nobody is assigned",
  }),
  deadline: z
    .enum(deadlineFilters, {
      error: "Välj försenade, inom 3 dagar eller inom 7 dagar.",
    })
    .optional()
    .meta({ description: "overdue; within3: overdue or due within 3 days; within7: all" }),
  sort: z
    .enum(worklistSorts, {
      error: "Listan kan sorteras efter sista dag, uppgift, ärende eller person.",
    })
    .default("due"),
  order: z.enum(sortOrders, { error: "Välj stigande eller fallande ordning." }).default("asc"),
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

/**
 * One case's deadlines for its workspace: every one, the later ones too, soonest first (who
 * is responsible is in the case's own header).
 */
export const CaseDeadline = WorklistItem.omit({ responsible: true, subject: true })
  .extend({
    caseId: z.uuid(),
    reference: z.string(),
    personName: z.string(),
    status: z.enum(["overdue", "due_soon", "later"]),
  })
  .meta({ id: "CaseDeadline" });
export type CaseDeadline = z.infer<typeof CaseDeadline>;
export const CaseDeadlines = z
  .object({ items: z.array(CaseDeadline) })
  .meta({ id: "CaseDeadlines" });
