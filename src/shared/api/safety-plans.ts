import { z } from "zod";
import { int4, isoDate, multiline } from "./fields.ts";
import { pageOf, pageQuery, versionCursor } from "./paging.ts";

/**
 * A safety plan (säkerhetsplan): concrete measures for the client's and each child's safety,
 * each with who is responsible, its status and when to review it. Every save is a new
 * version; the history is kept. The plan is handed over, never mailed.
 */
export const measureKinds = [
  "safe_place",
  "code_word",
  "trusted_people",
  "emergency_phone",
  "safety_alarm",
  "contact_ban",
  "school_informed",
  "other",
] as const;
export const MeasureKind = z.enum(measureKinds);

/**
 * The measures whose description is as secret as her contact details (review 19, finding 8):
 * for a protected person withheld, like her address, until a reveal with a reason.
 */
export const protectedMeasureKinds: readonly (typeof measureKinds)[number][] = [
  "code_word",
  "safe_place",
  "emergency_phone",
];
export const MeasureStatus = z.enum(["planned", "in_place", "ended"]);

export const SafetyMeasure = z
  .object({
    kind: MeasureKind,
    description: multiline(z.string().trim().min(1, "Beskriv åtgärden.").max(2000)),
    forWhom: z
      .string()
      .trim()
      .min(1, "Skriv vem åtgärden gäller, t.ex. klienten eller ett barns namn.")
      .max(200),
    responsible: z.string().trim().min(1, "Skriv vem som ansvarar.").max(200),
    status: MeasureStatus,
    reviewOn: isoDate(),
  })
  .strict();
export type SafetyMeasure = z.infer<typeof SafetyMeasure>;

export const SaveSafetyPlanBody = z
  .object({
    measures: z.array(SafetyMeasure).min(1, "Lägg till minst en åtgärd.").max(50),
    basedOnVersion: int4().min(1).nullable().meta({
      description:
        "The version the change was made from (null: the first plan); a stale one answers 409",
    }),
  })
  .strict()
  .meta({ id: "SaveSafetyPlanBody" });

export const SafetyPlanVersion = z
  .object({
    version: z.number().int(),
    measures: z.array(
      SafetyMeasure.extend({
        description: z.string().meta({
          description:
            "Empty where `masked` withholds it (a code word, safe place, emergency number)",
        }),
      }),
    ),
    masked: z.boolean().meta({
      description:
        "She is protected and the caller has no live reveal of her: the descriptions of her code word, safe place and emergency number measures are withheld (empty); the plan is saved and printed only after a reveal",
    }),
    savedAt: z.string(),
    savedBy: z.string(),
  })
  .meta({ id: "SafetyPlanVersion" });
export type SafetyPlanVersion = z.infer<typeof SafetyPlanVersion>;

/** A line of the plan's history: which version, when and by whom (the measures stay behind). */
export const SafetyPlanHistoryItem = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
});

/** A page of the history, newest first; the cursor is the last version shown. */
export const SafetyPlanHistory = pageOf(SafetyPlanHistoryItem).meta({ id: "SafetyPlanHistory" });
export type SafetyPlanHistory = z.infer<typeof SafetyPlanHistory>;
export const SafetyPlanHistoryQuery = pageQuery(versionCursor);

export const SafetyPlanView = z
  .object({
    current: SafetyPlanVersion.nullable(),
    /** The newest page of the history; older pages from GET …/safety-plan/history. */
    history: SafetyPlanHistory,
  })
  .meta({ id: "SafetyPlan" });
export type SafetyPlanView = z.infer<typeof SafetyPlanView>;
