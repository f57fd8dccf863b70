import { z } from "zod";
import { multiline } from "./fields.ts";
import { idCursor, pageOf, pageQuery } from "./paging.ts";

/**
 * What may cross the information barrier between a perpetrator's treatment and his
 * (former) partner's case: structured events, never free text (seed 004: the partner may
 * learn that treatment started, that he stays away or drops out, and that it ended; either
 * worker raises a risk alert, level only, that the other side must acknowledge).
 */
export const barrierEventKinds = [
  "treatment_started",
  "absence",
  "treatment_interrupted",
  "treatment_completed",
  "consent_withdrawn",
  "risk_alert",
] as const;
export type BarrierEventKind = (typeof barrierEventKinds)[number];
export const alertLevels = ["medium", "high", "very_high"] as const;

export const RaiseRiskAlertBody = z
  .object({
    level: z.enum(alertLevels, { message: "Välj hur hög risken är." }),
    reason: multiline(
      z
        .string()
        .trim()
        .min(1, "Skriv varför – skälet stannar i ditt ärende och visas inte på andra sidan.")
        .max(2000),
    ),
    partnerId: z.uuid().nullable().default(null).meta({
      description: "From his side: the one partner the alert concerns (default: all of them)",
    }),
  })
  .strict()
  .meta({ id: "RaiseRiskAlertBody" });

export const BarrierEventView = z
  .object({
    id: z.uuid(),
    kind: z.enum(barrierEventKinds),
    direction: z.enum(["sent", "received"]),
    eventOn: z.string().meta({ description: "The day it concerns, e.g. the missed session" }),
    level: z.enum(alertLevels).nullable(),
    createdAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z
      .string()
      .nullable()
      .meta({ description: "Only for received events: the other side's names stay there" }),
    reason: z
      .string()
      .nullable()
      .meta({ description: "A sent risk alert's reason; never shown to the receiving side" }),
    /** For an unacknowledged received risk alert: when it goes to the unit manager. */
    escalatesAt: z.string().nullable(),
  })
  .meta({ id: "BarrierEvent" });
export type BarrierEventView = z.infer<typeof BarrierEventView>;

/** An older page of the events, newest first (the first answer carries the newest). */
export const BarrierEventPage = pageOf(BarrierEventView).meta({ id: "BarrierEventPage" });
export const BarrierEventHistoryQuery = pageQuery(idCursor);

export const BarrierEventList = z
  .object({
    events: z
      .array(BarrierEventView)
      .meta({ description: "The newest page; older pages from GET …/barrier-events/history" }),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Send as `before` to …/history for older events; null if none" }),
    unacknowledged: z.array(BarrierEventView).meta({
      description:
        "Every received event not yet acknowledged, however old: an alert never hides on a later page",
    }),
    canAlert: z
      .boolean()
      .meta({ description: "The case is open and has another side a risk alert can go to" }),
    /** On his side: the partners an alert can be aimed at (her case is not named). */
    alertTargets: z.array(
      z.object({ partnerId: z.uuid(), relationship: z.enum(["current", "former"]) }),
    ),
  })
  .meta({ id: "BarrierEventList" });

export const BarrierEventParams = z.object({ id: z.uuid(), eventId: z.uuid() });
