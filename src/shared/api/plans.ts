import { z } from "zod";
import { dayNotBefore, int4, isoDate, multiline } from "./fields.ts";

export const SavePlanBody = z
  .object({
    goals: multiline(z.string().trim().min(1).max(10_000)),
    activities: multiline(z.string().trim().min(1).max(10_000)).meta({
      description: "What is done, by whom, when",
    }),
    startDate: isoDate(),
    followUpDate: isoDate(),
    basedOnVersion: int4().min(1).nullable().meta({
      description:
        "The plan's version the change was made from (null: a new plan); a stale one answers 409",
    }),
  })
  .strict()
  .check(dayNotBefore("followUpDate", "startDate", "followUpBeforeStart"))
  .meta({ id: "SavePlanBody" });

export const FollowUpOutcome = z.enum(["goal_reached", "partly_reached", "not_reached"]);

export const RecordFollowUpBody = z
  .object({
    outcome: FollowUpOutcome,
    notes: multiline(z.string().trim().min(1).max(10_000)),
    nextFollowUpDate: isoDate()
      .nullable()
      .default(null)
      .meta({ description: "null: no further follow-up planned" }),
  })
  .strict()
  .meta({ id: "RecordFollowUpBody" });

export const PlanView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    decisionId: z.uuid(),
    interventionName: z.string(),
    goals: z.string(),
    activities: z.string(),
    startDate: z.string(),
    /** Counts the plan's changes; a change sends back the version it was made from. */
    version: z.number().int(),
    /** The next follow-up due: the latest follow-up's next date, or the plan's. null: none planned. */
    nextFollowUpDate: z.string().nullable(),
    followUps: z.array(
      z.object({
        outcome: FollowUpOutcome,
        notes: z.string(),
        nextFollowUpDate: z.string().nullable(),
        recordedAt: z.string(),
        recordedBy: z.string(),
      }),
    ),
  })
  .meta({ id: "ImplementationPlan" });
export type PlanView = z.infer<typeof PlanView>;
export const PlanList = z
  .object({ plans: z.array(PlanView) })
  .meta({ id: "ImplementationPlanList" });
