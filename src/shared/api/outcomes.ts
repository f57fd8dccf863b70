import { z } from "zod";
import type { CaseStatus } from "../case-status.ts";
import { int4, multiline } from "./fields.ts";

/**
 * The outcome of a case at closing (issue 20, item 3): whether the goal was reached, and the
 * person's own view. Kolada counts "closed with the goal wholly or partly reached".
 */
export const goalReachedValues = ["wholly", "partly", "not", "not_assessed"] as const;
export const GoalReached = z.enum(goalReachedValues, {
  error: "Välj om målet har nåtts helt, delvis, inte alls eller inte har bedömts.",
});
export type GoalReached = z.infer<typeof GoalReached>;

export const outcomeMessages = {
  required: "Ange om målet med insatsen har nåtts innan ärendet avslutas.",
  reasonRequired: "Skriv varför måluppfyllelsen inte har bedömts.",
  reasonOnlyWhenNotAssessed: "Ett skäl anges bara när måluppfyllelsen inte har bedömts.",
  notClosed: "Måluppfyllelsen registreras när ärendet avslutas. Ärendet är inte avslutat.",
  recordedMeanwhile:
    "Någon annan har registrerat måluppfyllelsen under tiden. Din bedömning är inte sparad – läs den som gäller nu och ändra den om det behövs.",
  changedMeanwhile:
    "Någon annan har ändrat måluppfyllelsen under tiden. Din ändring är inte sparad – läs den som gäller nu och gör om ändringen om det behövs.",
} as const;

const outcomeFields = {
  goalReached: GoalReached,
  ownView: multiline(z.string().trim().max(4000))
    .nullable()
    .default(null)
    .meta({ description: "The person's own view of the help; asked for, may be left out" }),
  notAssessedReason: multiline(z.string().trim().max(2000))
    .nullable()
    .default(null)
    .meta({ description: "Required when goalReached is not_assessed, and only then" }),
};

/** A reason goes with "not assessed", and only with it. */
function checkReason(
  b: { goalReached: GoalReached; notAssessedReason: string | null },
  ctx: z.RefinementCtx,
) {
  const reason = b.notAssessedReason?.trim() ?? "";
  if (b.goalReached === "not_assessed" && !reason)
    ctx.addIssue({
      code: "custom",
      path: ["notAssessedReason"],
      message: outcomeMessages.reasonRequired,
    });
  if (b.goalReached !== "not_assessed" && reason)
    ctx.addIssue({
      code: "custom",
      path: ["notAssessedReason"],
      message: outcomeMessages.reasonOnlyWhenNotAssessed,
    });
}

/** The outcome given with a closing (POST /api/cases/:id/status, the treatment's end). */
export const CaseOutcomeBody = z
  .object(outcomeFields)
  .strict()
  .superRefine(checkReason)
  .meta({ id: "CaseOutcomeBody" });
export type CaseOutcomeBody = z.output<typeof CaseOutcomeBody>;

/**
 * PUT /api/cases/:id/outcome: the outcome of a closed case, made from the version read (null:
 * none was recorded). A stale version answers 409, so no one replaces a colleague's outcome
 * unseen.
 */
export const RecordCaseOutcomeBody = z
  .object({
    ...outcomeFields,
    basedOnVersion: int4().min(1).nullable().meta({
      description:
        "The outcome's version the change was made from (null: none recorded yet); a stale one answers 409",
    }),
  })
  .strict()
  .superRefine(checkReason)
  .meta({ id: "RecordCaseOutcomeBody" });
export type RecordCaseOutcomeBody = z.output<typeof RecordCaseOutcomeBody>;

/** Case types whose closing asks for an outcome: help with a goal (not partner contact). */
export const outcomeCaseTypes = ["adult_victim", "child", "perpetrator"] as const;

/**
 * Closing asks for the outcome when the case had a goal to reach: it was investigated (or,
 * for treatment, treated). A case closed at intake or from its preliminary assessment was
 * never given a goal, so there is nothing to assess.
 */
export function outcomeRequired(caseType: string, from: CaseStatus): boolean {
  return (
    (outcomeCaseTypes as readonly string[]).includes(caseType) &&
    (from === "investigation" || from === "implementation" || from === "follow_up")
  );
}

const RecordedOutcome = z.object({
  goalReached: GoalReached,
  ownView: z.string().nullable(),
  notAssessedReason: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().meta({ description: "The recorder's display name" }),
});
export type RecordedOutcome = z.infer<typeof RecordedOutcome>;

export const CaseOutcomeView = z
  .object({
    current: RecordedOutcome.extend({
      /** Counts the outcome's changes; a change sends back the version it was made from. */
      version: z.number().int(),
    }).nullable(),
    /** Outcomes replaced when the case was closed again, newest first: nothing is lost. */
    earlier: z.array(RecordedOutcome.extend({ replacedAt: z.string() })),
    /** May record (or, once closed again, replace) the outcome now. */
    canRecord: z.boolean(),
  })
  .meta({ id: "CaseOutcome" });
export type CaseOutcomeView = z.infer<typeof CaseOutcomeView>;

/** A person's repeated outcome measures: per instrument, the totals by date. */
export const OutcomeMeasureSeries = z
  .object({
    series: z.array(
      z.object({
        instrumentId: z.string(),
        name: z.string(),
        /** The highest total the instrument can give (its scale's top times its items). */
        maxTotal: z.number(),
        points: z.array(
          z.object({
            assessmentId: z.uuid(),
            caseId: z.uuid(),
            caseReference: z.string(),
            assessedOn: z.string(),
            total: z.number(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "OutcomeMeasureSeries" });
export type OutcomeMeasureSeries = z.infer<typeof OutcomeMeasureSeries>;
