import { z } from "zod";
import { caseClosedReasons, caseStatuses, closedReasons } from "../case-status.ts";
import { invalidCursorMessage } from "../validation-messages.ts";
import { isoDateTime, multiline } from "./fields.ts";
import { CaseOutcomeBody } from "./outcomes.ts";
import {
  idCursor,
  isPlaceTime,
  listPageFields,
  listQuery,
  pageOf,
  pageQuery,
  type SortOrder,
  sortOrders,
  sortPlaceCursor,
} from "./paging.ts";
import { ProtectionLevel } from "./persons.ts";

export const CaseStatus = z.enum(caseStatuses);
export const ClosedReason = z.enum(closedReasons);
/** Any reason a case was closed with, including those a treatment's end sets. */
export const CaseClosedReason = z.enum(caseClosedReasons);
export const statusTriggers = [
  "intake_application",
  "intake_report_of_concern",
  "treatment_registered",
  "treatment_started",
  "treatment_ended",
] as const;

export const caseTypes = ["adult_victim", "child", "perpetrator", "partner_contact"] as const;
export const CaseType = z.enum(caseTypes);
export type CaseType = z.infer<typeof CaseType>;

/**
 * Case types a worker opens directly. A partner-contact case is opened only through his
 * consent in the treatment (`modules/partner-contact`), behind a barrier with nobody assigned.
 */
const OpenableCaseType = CaseType.exclude(["partner_contact"], {
  error: (issue) =>
    issue.input === "partner_contact"
      ? "Ett ärende för partnerkontakt öppnas från mannens behandling, när han samtycker till partnerkontakt."
      : undefined,
});
export const openableCaseTypes = OpenableCaseType.options;

export const OpenCaseBody = z
  .object({ personId: z.uuid(), unitId: z.uuid(), caseType: OpenableCaseType })
  .strict()
  .meta({ id: "OpenCaseBody" });

export const CaseSummary = z
  .object({
    id: z.uuid(),
    reference: z.string().meta({ description: "Diarienummer-like reference, e.g. 2026-0042" }),
    caseType: CaseType,
    status: CaseStatus,
    openedAt: z.string(),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    person: z.object({
      id: z.uuid(),
      name: z.string(),
      identityNumber: z.string().nullable(),
      protectionLevel: ProtectionLevel.meta({
        description:
          "As the organisation knows it: whoever sees the case must, to reach her safely",
      }),
    }),
    assignedToMe: z.boolean(),
  })
  .meta({ id: "CaseSummary" });
export type CaseSummary = z.infer<typeof CaseSummary>;

/** A case in a list: its summary and who is responsible for it now (none: nobody). */
export const CaseListItem = CaseSummary.extend({
  responsible: z
    .array(z.object({ userId: z.uuid(), displayName: z.string() }))
    .meta({ description: "The workers assigned now, first assigned first; empty: nobody" }),
}).meta({ id: "CaseListItem" });
export type CaseListItem = z.infer<typeof CaseListItem>;

/** A page of cases in the order asked for (shared/api/paging.ts: listQuery, sortPlaceCursor). */
export const CaseList = z
  .object({ cases: z.array(CaseListItem), ...listPageFields })
  .meta({ id: "CaseList" });
export type CaseList = z.infer<typeof CaseList>;

/** The columns a case list sorts by; opened (newest first) unless asked. */
export const caseSorts = ["opened", "reference", "status", "type"] as const;
export type CaseSort = (typeof caseSorts)[number];
/** Each sort's order when none is given: the newest first, the rest from the start. */
export const caseSortDefaultOrder = {
  opened: "desc",
  reference: "asc",
  status: "asc",
  type: "asc",
} as const satisfies Record<CaseSort, SortOrder>;

/** The worker filter: a user's id, or "none" for the cases nobody is assigned to. */
export const WorkerFilter = z
  .string()
  .refine((v) => v === "none" || z.uuid().safeParse(v).success, {
    error: "Välj en handläggare i listan, eller Ingen ansvarig.",
  });

/** Whether a cursor's key is a value of the column its sort names. */
function keyFits(sort: CaseSort, key: string): boolean {
  if (sort === "opened") return isPlaceTime(key);
  if (sort === "reference") return /^[^\s~]{1,60}$/.test(key);
  if (sort === "status") return (caseStatuses as readonly string[]).includes(key);
  return (caseTypes as readonly string[]).includes(key);
}

export const CaseListQuery = listQuery(sortPlaceCursor)
  .extend({
    scope: z
      .enum(["mine", "all"], { error: "Välj Mina ärenden eller alla ärenden." })
      .default("mine"),
    sort: z
      .enum(caseSorts, {
        error: "Listan kan sorteras efter öppnad, ärende, status eller ärendetyp.",
      })
      .default("opened"),
    order: z
      .enum(sortOrders, { error: "Välj stigande eller fallande ordning." })
      .optional()
      .meta({ description: "Leave out for the sort's own (opened: desc, the others: asc)" }),
    status: z
      .enum(caseStatuses, { error: "Välj en av statusarna i listan." })
      .optional()
      .meta({ description: "Only cases in this status" }),
    type: z
      .enum(caseTypes, { error: "Välj en av ärendetyperna i listan." })
      .optional()
      .meta({ description: "Only cases of this type" }),
    worker: WorkerFilter.optional().meta({
      description: "Only cases this user is assigned to now; none: the cases nobody is",
    }),
  })
  .superRefine((q, ctx) => {
    const order = q.order ?? caseSortDefaultOrder[q.sort];
    const at = q.before;
    if (at && (at.sort !== q.sort || at.order !== order || !keyFits(q.sort, at.key))) {
      ctx.addIssue({ code: "custom", path: ["before"], message: invalidCursorMessage });
    }
  });
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** A move of the case from one status to another, by whom and why. */
export const StatusChange = z.object({
  id: z.uuid(),
  from: CaseStatus,
  to: CaseStatus,
  reason: CaseClosedReason.nullable(),
  trigger: z
    .enum(statusTriggers)
    .nullable()
    .meta({ description: "What set off an automatic change; the UI words it" }),
  comment: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string(),
});
export type StatusChange = z.infer<typeof StatusChange>;
/** A page of the status history, newest first; the cursor is the last change's id. */
export const StatusHistoryPage = pageOf(StatusChange).meta({ id: "StatusHistoryPage" });
export const StatusHistoryQuery = pageQuery(idCursor);

export const CaseView = CaseSummary.extend({
  assignees: z.array(
    z.object({ userId: z.uuid(), displayName: z.string(), assignedAt: z.string() }),
  ),
  grants: z.array(
    z.object({
      userId: z.uuid(),
      displayName: z.string(),
      reason: z.string(),
      expiresAt: z.string(),
      kind: z.enum(["grant", "break_glass"]).meta({
        description: "break_glass: the worker's own emergency access, read only (issue 19)",
      }),
    }),
  ),
  /** What the caller may do here; the UI hides what is not allowed, the server checks anyway. */
  closedReason: CaseClosedReason.nullable(),
  /** The newest page of the status history; older pages from GET …/status-history. */
  statusHistory: pageOf(StatusChange),
  currentRisk: z
    .object({
      level: z.string(),
      levelLabel: z.string(),
      instrumentName: z.string(),
      assessedOn: z.string(),
      reassessDue: z.string().nullable(),
    })
    .nullable()
    .meta({
      description:
        "The professional's judgement in the latest completed risk assessment of the case (null: none yet)",
    }),
  /** What the caller may do here; the UI hides what is not allowed, the server checks anyway. */
  abilities: z.object({
    assign: z.boolean(),
    grant: z.boolean(),
    barrier: z.boolean(),
    /** The statuses the caller may move the case to now. */
    nextStatuses: z.array(CaseStatus),
    /** May write journal entries, intakes and relations in this case (not once it is closed). */
    writeJournal: z.boolean(),
    /**
     * May change what is in the case (plans, decisions, documents, tasks, assessments…):
     * false once it is closed. The server refuses such a change with 409 anyway.
     */
    change: z.boolean(),
    /**
     * May record a decision on an intervention: only once the case is under investigation,
     * implementation or follow-up (never in intake, preliminary assessment or closed).
     */
    decide: z.boolean(),
  }),
}).meta({ id: "Case" });

export const ChangeStatusBody = z
  .object({
    to: CaseStatus,
    reason: ClosedReason.nullable().default(null).meta({ description: "Required when closing" }),
    comment: multiline(z.string().trim().max(2000)).nullable().default(null).meta({
      description: "Required when reopening, and when closing for another reason",
    }),
    outcome: CaseOutcomeBody.nullable().default(null).meta({
      description: "The outcome at closing (issue 20); required when outcomeRequired says so",
    }),
  })
  .strict()
  .meta({ id: "ChangeStatusBody" });
export type CaseView = z.infer<typeof CaseView>;

export const AssignBody = z.object({ userId: z.uuid() }).strict().meta({ id: "AssignBody" });
export const CaseAssigneeParams = z.object({ id: z.uuid(), userId: z.uuid() });

export const GrantBody = z
  .object({
    userId: z.uuid(),
    reason: multiline(
      z.string().trim().min(10, "Skriv varför åtkomsten behövs (minst 10 tecken).").max(500),
    ),
    expiresAt: isoDateTime({ offset: true }),
  })
  .strict()
  .meta({ id: "GrantBody" });

export const BarrierBody = z
  .object({
    caseId: z.uuid(),
    otherCaseId: z.uuid(),
    reason: multiline(z.string().trim().min(10).max(500)),
  })
  .strict()
  .meta({ id: "BarrierBody" });

export const StaffList = z
  .object({
    users: z.array(z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(z.string()) })),
  })
  .meta({ id: "StaffList" });

export const relationKinds = [
  "partner",
  "former_partner",
  "parent",
  "child",
  "sibling",
  "other_relative",
] as const;
export const RelationKind = z.enum(relationKinds);

export const AddRelationBody = z
  .object({
    otherPersonId: z.uuid(),
    kind: RelationKind.meta({ description: "What the other person is to the case's person" }),
  })
  .strict()
  .meta({ id: "AddRelationBody" });

export const RelationView = z
  .object({
    id: z.uuid(),
    kind: RelationKind,
    otherPerson: z.object({
      id: z.uuid(),
      name: z.string(),
      identityNumber: z.string().nullable(),
      protectionLevel: ProtectionLevel,
    }),
    recordedAt: z.string(),
  })
  .meta({ id: "Relation" });
export const RelationList = z
  .object({ relations: z.array(RelationView) })
  .meta({ id: "RelationList" });
