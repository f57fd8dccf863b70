import { z } from "zod";
import { multiline } from "./fields.ts";

/**
 * Break-glass (issue 19, item 6): a worker with a casework role who must see a case outside
 * their access in an emergency names it by its reference, states why, and reads it for a short
 * while; the managers of the case's unit review every such access with a conclusion.
 */

/**
 * How long a break-glass grant lasts. An hour covers the emergency it is for (a call from the
 * police, a person at the door out of hours) and is short enough that the case does not stay
 * open to someone who has no lasting reason to see it; more time is the manager's ordinary
 * grant. The database function refuses anything longer.
 */
export const breakGlassMinutes = 60;

/** A reason is at least a sentence: the manager reviews it afterwards. */
export const breakGlassReasonMin = 20;

export const BreakGlassBody = z
  .object({
    reference: z
      .string({ error: "Ange ärendets diarienummer." })
      .trim()
      .min(1, { error: "Ange ärendets diarienummer." })
      .max(60, { error: "Diarienumret är för långt." })
      .meta({ description: "The case's reference, e.g. 2026-0042" }),
    reason: multiline(
      z
        .string({ error: "Skriv varför du behöver se ärendet nu." })
        .trim()
        .min(breakGlassReasonMin, {
          error: `Skriv varför du behöver se ärendet nu, i minst en mening (${breakGlassReasonMin} tecken).`,
        })
        .max(2000, { error: "Högst 2000 tecken." }),
    ),
  })
  .strict()
  .meta({ id: "BreakGlassBody" });
export type BreakGlassBody = z.input<typeof BreakGlassBody>;

export const BreakGlassOpened = z
  .object({
    caseId: z.uuid(),
    expiresAt: z.string().meta({ description: "When the read-only access ends (ISO time)" }),
  })
  .meta({ id: "BreakGlassOpened" });
export type BreakGlassOpened = z.infer<typeof BreakGlassOpened>;

export const breakGlassConclusions = ["justified", "not_justified"] as const;
export type BreakGlassConclusion = (typeof breakGlassConclusions)[number];

export const BreakGlassConclusionBody = z
  .object({
    conclusion: z.enum(breakGlassConclusions, { error: "Välj om åtkomsten var befogad." }),
    note: multiline(z.string().trim().max(4000, { error: "Högst 4000 tecken." }))
      .nullable()
      .default(null)
      .transform((v) => (v === "" ? null : v)),
  })
  .strict()
  .refine((b) => b.conclusion === "justified" || b.note !== null, {
    path: ["note"],
    error: "Skriv varför åtkomsten inte var befogad och vad som görs.",
  })
  .meta({ id: "BreakGlassConclusionBody" });
export type BreakGlassConclusionBody = z.input<typeof BreakGlassConclusionBody>;

export const BreakGlassReviewParams = z.object({
  grantId: z.uuid({ error: "Nödåtkomsten finns inte – ladda om listan." }),
});

export const BreakGlassReviewQuery = z.object({
  state: z
    .enum(["open", "concluded", "all"], { error: "Välj öppna, granskade eller alla." })
    .default("open"),
});

export const BreakGlassReviewItem = z
  .object({
    grantId: z.uuid(),
    caseId: z.uuid(),
    reference: z.string(),
    user: z.object({ id: z.uuid(), displayName: z.string() }),
    reason: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string(),
    review: z
      .object({
        conclusion: z.enum(breakGlassConclusions),
        note: z.string().nullable(),
        reviewedBy: z.string(),
        reviewedAt: z.string(),
      })
      .nullable(),
  })
  .meta({ id: "BreakGlassReviewItem" });
export type BreakGlassReviewItem = z.infer<typeof BreakGlassReviewItem>;

export const BreakGlassReviewList = z
  .object({ items: z.array(BreakGlassReviewItem) })
  .meta({ id: "BreakGlassReviewList" });
export type BreakGlassReviewList = z.infer<typeof BreakGlassReviewList>;

/** What the worker did in the case during the access: their audit events on it. */
export const BreakGlassReviewDetail = BreakGlassReviewItem.extend({
  events: z.array(z.object({ action: z.string(), outcome: z.string(), occurredAt: z.string() })),
}).meta({ id: "BreakGlassReviewDetail" });
export type BreakGlassReviewDetail = z.infer<typeof BreakGlassReviewDetail>;
