import { z } from "zod";
import { StatutoryLastDay } from "./deadlines.ts";
import { isoDate, multiline } from "./fields.ts";

export const ProtectionAssessmentBody = z
  .object({
    intakeId: z.uuid().meta({ description: "The report of concern assessed" }),
    needsImmediateProtection: z.boolean(),
    reasoning: multiline(z.string().trim().min(1).max(5000)),
  })
  .strict()
  .meta({ id: "ProtectionAssessmentBody" });

export const PreliminaryDecisionBody = z
  .object({
    openInvestigation: z.boolean(),
    reasoning: multiline(z.string().trim().min(1).max(5000)),
  })
  .strict()
  .meta({ id: "PreliminaryDecisionBody" });

export const ExtensionBody = z
  .object({
    extendedUntil: isoDate(),
    reason: multiline(
      z.string().trim().min(10, "Skriv skälet till förlängningen (minst 10 tecken).").max(2000),
    ),
  })
  .strict()
  .meta({ id: "ExtensionBody" });

export const ChildTrackView = z
  .object({
    reports: z.array(
      z.object({
        intakeId: z.uuid(),
        receivedAt: z.string(),
        protectionAssessmentDue: z.string(),
        protectionAssessment: z
          .object({
            needsImmediateProtection: z.boolean(),
            reasoning: z.string(),
            assessedAt: z.string(),
            assessedBy: z.string(),
          })
          .nullable(),
      }),
    ),
    preliminaryAssessmentDue: z
      .string()
      .nullable()
      .meta({ description: "End of day 14 (the counted day): warnings key to it" }),
    preliminaryAssessmentLastDay: StatutoryLastDay.nullable(),
    preliminaryDecision: z
      .object({
        openInvestigation: z.boolean(),
        reasoning: z.string(),
        decidedAt: z.string(),
        decidedBy: z.string(),
      })
      .nullable(),
    investigationDue: z.string().nullable().meta({
      description:
        "End of the counted day (four months, or the latest extension): warnings key to it",
    }),
    investigationLastDay: StatutoryLastDay.nullable(),
    extensions: z.array(
      z.object({
        extendedUntil: z.string(),
        reason: z.string(),
        decidedAt: z.string(),
        decidedBy: z.string(),
      }),
    ),
  })
  .meta({ id: "ChildTrack" });
export type ChildTrackView = z.infer<typeof ChildTrackView>;
