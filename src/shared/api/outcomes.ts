import { z } from "zod";
import type { CaseStatus } from "../case-status.ts";
import { multiline } from "./fields.ts";

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
} as const;

export const CaseOutcomeBody = z
  .object({
    goalReached: GoalReached,
    ownView: multiline(z.string().trim().max(4000))
      .nullable()
      .default(null)
      .meta({ description: "The person's own view of the help; asked for, may be left out" }),
    notAssessedReason: multiline(z.string().trim().max(2000))
      .nullable()
      .default(null)
      .meta({ description: "Required when goalReached is not_assessed, and only then" }),
  })
  .strict()
  .superRefine((b, ctx) => {
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
  })
  .meta({ id: "CaseOutcomeBody" });
export type CaseOutcomeBody = z.output<typeof CaseOutcomeBody>;

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
    current: RecordedOutcome.nullable(),
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
