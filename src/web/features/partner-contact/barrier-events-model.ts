import { RaiseRiskAlertBody } from "../../../shared/api/barrier-events";
import type { BarrierEvent, RaiseRiskAlertInput } from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";
import { formIssues } from "../../ui/form-issues";

/*
 * Pure rules for the messages that cross the information barrier between a perpetrator's
 * treatment and his (former) partner's case: each event in words, which ones wait for this
 * side to acknowledge, when an unacknowledged risk alert goes to the unit manager, and what
 * the risk-alert form can tell before sending. Only the level of an alert crosses; its reason
 * stays in the sender's case.
 */

export type AlertLevel = RaiseRiskAlertInput["level"];

export const alertLevels: readonly AlertLevel[] = ["medium", "high", "very_high"];

export const alertLevelLabels: Readonly<Record<AlertLevel, PlainMessageKey>> = {
  medium: "barrierEvents.level.medium",
  high: "barrierEvents.level.high",
  very_high: "barrierEvents.level.very_high",
};

/** An event in words: most kinds are a plain sentence; absence has a date, an alert a level. */
export type EventWording =
  | { form: "plain"; key: PlainMessageKey }
  | { form: "absence"; day: string }
  | { form: "alert"; level: PlainMessageKey };

const plainKinds: Readonly<Record<string, PlainMessageKey>> = {
  treatment_started: "barrierEvents.kind.treatment_started",
  treatment_interrupted: "barrierEvents.kind.treatment_interrupted",
  treatment_completed: "barrierEvents.kind.treatment_completed",
  consent_withdrawn: "barrierEvents.kind.consent_withdrawn",
};

export function eventWording(event: BarrierEvent): EventWording {
  if (event.kind === "absence") return { form: "absence", day: event.eventOn };
  if (event.kind === "risk_alert")
    return {
      form: "alert",
      level: event.level ? alertLevelLabels[event.level] : "barrierEvents.level.unknown",
    };
  return { form: "plain", key: plainKinds[event.kind] ?? "barrierEvents.kind.unknown" };
}

/** A received event nobody on this side has acknowledged yet. */
export const awaitsAcknowledgement = (event: BarrierEvent) =>
  event.direction === "received" && event.acknowledgedAt === null;

/** Those waiting for this side first (oldest first: the longest waiting), then the rest as sent. */
export function orderEvents(events: readonly BarrierEvent[]): BarrierEvent[] {
  const waiting = events
    .filter(awaitsAcknowledgement)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return [...waiting, ...events.filter((e) => !awaitsAcknowledgement(e))];
}

/**
 * What the panel lists: every event still waiting here (the server sends them apart from the
 * pages, so an old alert never hides on a later page), then the pages loaded so far — each
 * event once.
 */
export function shownEvents(
  waiting: readonly BarrierEvent[],
  paged: readonly BarrierEvent[],
): BarrierEvent[] {
  const seen = new Set(waiting.map((e) => e.id));
  return orderEvents([...waiting, ...paged.filter((e) => !seen.has(e.id))]);
}

/**
 * For an unacknowledged received risk alert: when it goes (or went) to the unit manager.
 * Null for anything else.
 */
export function escalation(event: BarrierEvent, now: Date): { at: string; passed: boolean } | null {
  if (!awaitsAcknowledgement(event) || event.kind !== "risk_alert" || !event.escalatesAt)
    return null;
  return { at: event.escalatesAt, passed: new Date(event.escalatesAt).getTime() <= now.getTime() };
}

export interface RiskAlertDraft {
  level: AlertLevel | "";
  reason: string;
  /** On his side with several partners: the one it concerns ("" = all of them). */
  partnerId: string;
}

export const emptyRiskAlertDraft: RiskAlertDraft = { level: "", reason: "", partnerId: "" };

export const riskAlertFields = ["level", "reason", "partnerId"] as const;
export type RiskAlertField = (typeof riskAlertFields)[number];

export type RiskAlertCheck =
  | { ok: true; body: RaiseRiskAlertInput }
  | { ok: false; fields: Partial<Record<RiskAlertField, PlainMessageKey>> };

/** A level and a reason in words (which stays here); the reason is sent trimmed. */
export const checkRiskAlert = (draft: RiskAlertDraft): RiskAlertCheck =>
  formIssues(
    RaiseRiskAlertBody,
    { ...draft, partnerId: draft.partnerId || null },
    { level: "barrierEvents.errorLevel", reason: "barrierEvents.errorReason" },
  );

/** Id of the element that shows an event, for moving focus to it. */
export const barrierEventElementId = (id: string) => `barrier-event-${id}`;
