import { z } from "zod";
import { documentKinds } from "./documents.ts";
import { isoDate } from "./fields.ts";

/**
 * Gallring (issue 19, item 8): rules as data per organisation, a dry run that says what
 * would be removed and why, removal on a unit manager's decision with a receipt per record.
 * The law behind the defaults, and what of it is unconfirmed, is in docs/retention.md.
 */
export const retentionSubjects = ["person_record", "document_kind", "journal_narrative"] as const;
export const retentionEvents = ["last_entry", "case_closed", "birth"] as const;
export const retentionRecordTypes = ["person", "case", "document", "journal_narrative"] as const;
/** Why a record that is past its time is kept. */
export const retentionKeptReasons = [
  "birth_day",
  "child_placed",
  "child_years",
  "open_case",
  "other_unit",
  "recent_entry",
] as const;

export const RetentionExceptions = z
  .object({
    birthDays: z.array(z.number().int().min(1).max(31)).max(31).optional(),
    childPlaced: z.boolean().optional(),
    childYearsFromBirth: z.number().int().min(1).max(150).optional(),
  })
  .strict();
export type RetentionExceptions = z.infer<typeof RetentionExceptions>;

export const RetentionRuleView = z
  .object({
    code: z.string(),
    subject: z.enum(retentionSubjects),
    documentKind: z.enum(documentKinds).nullable(),
    years: z.number().int(),
    afterEvent: z.enum(retentionEvents),
    exceptions: RetentionExceptions,
    active: z.boolean(),
    legalSource: z.string(),
    verified: z
      .object({ on: z.string(), by: z.string() })
      .nullable()
      .meta({ description: "null: the source is not verified against the law in force" }),
  })
  .meta({ id: "RetentionRule" });
export type RetentionRuleView = z.infer<typeof RetentionRuleView>;
export const RetentionRuleList = z
  .object({ rules: z.array(RetentionRuleView), mayEdit: z.boolean(), mayRun: z.boolean() })
  .meta({ id: "RetentionRuleList" });
export type RetentionRuleList = z.infer<typeof RetentionRuleList>;

export const RuleParams = z.object({ code: z.string().regex(/^[a-z0-9_]{2,60}$/) });

/** An administrator's change: the time, the source, on/off, and who verified it when. */
export const UpdateRetentionRule = z
  .object({
    years: z
      .number({ message: "Ange antal år." })
      .int({ message: "Ange hela år." })
      .min(0, { message: "Antalet år kan inte vara negativt." })
      .max(150, { message: "Ange högst 150 år." })
      .optional(),
    active: z.boolean().optional(),
    legalSource: z
      .string()
      .trim()
      .min(1, { message: "Ange den rättsliga källan." })
      .max(2000, { message: "Skriv högst 2000 tecken." })
      .optional(),
    verifiedOn: isoDate({ message: "Ange datumet då källan kontrollerades (ÅÅÅÅ-MM-DD)." })
      .nullable()
      .optional(),
  })
  .strict();
export type UpdateRetentionRule = z.infer<typeof UpdateRetentionRule>;

export const RetentionItem = z
  .object({
    recordType: z.enum(retentionRecordTypes),
    recordId: z.uuid(),
    personId: z.uuid(),
    person: z
      .string()
      .meta({ description: "As lists show her: a fictitious identity's name never appears" }),
    ruleCode: z.string(),
    eventDate: z.string().nullable(),
    dueOn: z.string().nullable(),
    action: z.enum(["remove", "keep"]),
    keptBecause: z.enum(retentionKeptReasons).nullable(),
  })
  .meta({ id: "RetentionItem" });
export type RetentionItem = z.infer<typeof RetentionItem>;

export const RetentionCount = z.object({
  ruleCode: z.string(),
  remove: z.number().int(),
  kept: z.number().int(),
});

export const RetentionRunView = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    createdBy: z.string(),
    counts: z.array(RetentionCount),
    items: z.array(RetentionItem),
    decision: z
      .object({
        at: z.string(),
        by: z.string(),
        removed: z.number().int(),
        skipped: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: "RetentionRun" });
export type RetentionRunView = z.infer<typeof RetentionRunView>;

export const RetentionRunSummary = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  remove: z.number().int(),
  kept: z.number().int(),
  decidedAt: z.string().nullable(),
  removed: z.number().int().nullable(),
});
export const RetentionRunList = z
  .object({ runs: z.array(RetentionRunSummary) })
  .meta({ id: "RetentionRunList" });
export type RetentionRunList = z.infer<typeof RetentionRunList>;

export const RetentionReceiptView = z
  .object({
    recordType: z.enum(retentionRecordTypes),
    recordId: z.uuid(),
    ruleCode: z.string(),
    ruleYears: z
      .number()
      .int()
      .nullable()
      .meta({ description: "The rule's period when the record was removed (null: not recorded)" }),
    ruleAfterEvent: z.enum(retentionEvents).nullable(),
    removedAt: z.string(),
    removedBy: z.string(),
  })
  .meta({ id: "RetentionReceipt" });
export const RetentionReceiptList = z
  .object({ receipts: z.array(RetentionReceiptView) })
  .meta({ id: "RetentionReceiptList" });
export type RetentionReceiptList = z.infer<typeof RetentionReceiptList>;
