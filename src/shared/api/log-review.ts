import { z } from "zod";
import { addDays } from "../calendar.ts";
import { invalidCursorMessage } from "../validation-messages.ts";
import { dayNotBefore, isoDate, multiline } from "./fields.ts";
import { listPageFields, pageSize } from "./paging.ts";

/**
 * Systematic log review (issue 19, item 7): anomalies computed from the audit trail for a
 * unit manager, each concluded by a reviewer, and a review plan per unit.
 */
export const anomalyKinds = [
  "many_persons",
  "protected_person",
  "outside_own_cases",
  "outside_unit",
  "after_hours",
  "same_surname",
  "refused",
] as const;
export type AnomalyKind = (typeof anomalyKinds)[number];

export const conclusions = ["justified", "needs_follow_up", "unjustified"] as const;
export type Conclusion = (typeof conclusions)[number];

/** The longest period one anomaly list covers: the trail is read whole for it. */
export const anomalyPeriodMaxDays = 31;

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** An anomaly's stable key: kind:user:day, and :person for the kinds about one person. */
export const anomalyKeyPattern = new RegExp(
  `^(${anomalyKinds.join("|")}):(${uuidPattern}):(\\d{4}-\\d{2}-\\d{2})(?::(${uuidPattern}))?$`,
);
/** The key's day is a day of the calendar (the pattern lets 2026-13-45 through). */
function realDay(key: string): boolean {
  const day = anomalyKeyPattern.exec(key)?.[3];
  if (!day) return false;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const AnomalyKey = z
  .string()
  .regex(anomalyKeyPattern, { error: "Avvikelsen finns inte. Ladda om listan." })
  .refine(realDay, { error: "Avvikelsen finns inte. Ladda om listan." });

export const AnomalyView = z
  .object({
    key: z.string(),
    kind: z.enum(anomalyKinds),
    day: z.string().meta({ description: "The day in Swedish time, YYYY-MM-DD" }),
    user: z.object({ id: z.uuid(), displayName: z.string() }),
    person: z
      .object({
        id: z.uuid(),
        name: z.string().meta({
          description: "As a list shows her (shared/protection.ts); '–' if not yours to see",
        }),
        protected: z.boolean(),
      })
      .nullable(),
    events: z.number().int(),
    persons: z.number().int().meta({ description: "Distinct persons among the events" }),
    conclusion: z
      .object({
        id: z.uuid().meta({ description: "What a later conclusion names as the one it replaces" }),
        conclusion: z.enum(conclusions),
        note: z.string().nullable(),
        concludedAt: z.string(),
        concludedBy: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "Anomaly" });
export type AnomalyView = z.infer<typeof AnomalyView>;

export const AnomalyList = z
  .object({
    anomalies: z.array(AnomalyView),
    from: z.string(),
    to: z.string(),
    manyPersonsPerDay: z.number().int(),
    ...listPageFields,
  })
  .meta({ id: "AnomalyList" });
export type AnomalyList = z.infer<typeof AnomalyList>;

export const AnomalyQuery = z
  .object({
    from: isoDate().optional().meta({ description: "First day (default: 7 days ago)" }),
    to: isoDate().optional().meta({ description: "Last day (default: yesterday)" }),
    kind: z.enum(anomalyKinds, { error: "Välj en av avvikelsetyperna i listan." }).optional(),
    concluded: z
      .enum(["all", "open", "concluded"], { error: "Välj alla, ej granskade eller granskade." })
      .default("all"),
    limit: z.coerce.number().int().min(1).max(pageSize.max).default(pageSize.default),
    before: z
      .string()
      .regex(anomalyKeyPattern, { error: invalidCursorMessage })
      .refine(realDay, { error: invalidCursorMessage })
      .optional()
      .meta({ description: "The nextCursor of the page before" }),
    count: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true"),
  })
  .check(dayNotBefore("to", "from", "periodEndBeforeStart"));
export type AnomalyQuery = z.infer<typeof AnomalyQuery>;

export const ConcludeAnomaly = z
  .object({
    key: AnomalyKey,
    conclusion: z.enum(conclusions, {
      error: "Välj befogad, behöver följas upp eller obefogad.",
    }),
    note: multiline(
      z.string().trim().max(2000, { error: "Anteckningen får vara högst 2000 tecken." }),
    ).optional(),
    replaces: z
      .uuid({ error: "Avvikelsen har bedömts igen. Ladda om listan." })
      .nullable()
      .optional()
      .meta({
        description:
          "The conclusion shown when the form was opened (none: the anomaly was open); another since: 409",
      }),
  })
  .meta({ id: "ConcludeAnomaly" });
export type ConcludeAnomaly = z.infer<typeof ConcludeAnomaly>;

export const reviewScopes = ["full", ...anomalyKinds] as const;
export type ReviewScope = (typeof reviewScopes)[number];

export const ReviewPlanView = z
  .object({
    id: z.uuid(),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    reviewer: z.object({ id: z.uuid(), displayName: z.string() }),
    scope: z.array(z.enum(reviewScopes)),
    everyDays: z.number().int(),
    startsOn: z.string(),
    lastDoneOn: z.string().nullable(),
    nextDueOn: z.string(),
    overdue: z.boolean(),
  })
  .meta({ id: "ReviewPlan" });
export type ReviewPlanView = z.infer<typeof ReviewPlanView>;

export const ReviewPlanList = z
  .object({
    plans: z.array(ReviewPlanView),
    reviewers: z
      .array(
        z.object({
          unitId: z.uuid(),
          users: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
        }),
      )
      .meta({ description: "Who may review each unit I manage: its managers" }),
  })
  .meta({ id: "ReviewPlanList" });
export type ReviewPlanList = z.infer<typeof ReviewPlanList>;

export const NewReviewPlan = z
  .object({
    unitId: z.uuid({ error: "Välj en enhet." }),
    reviewerId: z.uuid({ error: "Välj vem som granskar." }),
    scope: z
      .array(z.enum(reviewScopes, { error: "Välj vad som granskas." }))
      .min(1, { error: "Välj vad som granskas." })
      .max(reviewScopes.length),
    everyDays: z
      .number({ error: "Ange hur ofta, i dagar (1–366)." })
      .int({ error: "Ange hur ofta, i dagar (1–366)." })
      .min(1, { error: "Ange hur ofta, i dagar (1–366)." })
      .max(366, { error: "Ange hur ofta, i dagar (1–366)." }),
    startsOn: isoDate(),
  })
  .meta({ id: "NewReviewPlan" });
export type NewReviewPlan = z.infer<typeof NewReviewPlan>;

/**
 * The day a plan's next review is due: every `everyDays` after the last one recorded; the
 * first on the plan's first day.
 */
export function reviewPlanDueOn(p: {
  startsOn: string;
  lastDoneOn: string | null;
  everyDays: number;
}): string {
  return p.lastDoneOn ? addDays(p.lastDoneOn, p.everyDays) : p.startsOn;
}

/**
 * The organisation's log review settings: how many distinct persons one user may open in a
 * day before the day is an anomaly. Set by a unit manager or an administrator.
 */
export const manyPersonsPerDayBounds = { min: 5, max: 1000, default: 30 } as const;

export const LogReviewSettings = z
  .object({
    manyPersonsPerDay: z.number().int(),
    isDefault: z.boolean().meta({ description: "Nobody has set it: the default applies" }),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "LogReviewSettings" });
export type LogReviewSettings = z.infer<typeof LogReviewSettings>;

const { min, max } = manyPersonsPerDayBounds;
const boundsMessage = `Ange ett heltal från ${min} till ${max}.`;
export const UpdateLogReviewSettings = z
  .object({
    manyPersonsPerDay: z
      .number({ error: boundsMessage })
      .int({ error: boundsMessage })
      .min(min, { error: boundsMessage })
      .max(max, { error: boundsMessage }),
  })
  .strict()
  .meta({ id: "UpdateLogReviewSettings" });
export type UpdateLogReviewSettings = z.infer<typeof UpdateLogReviewSettings>;
