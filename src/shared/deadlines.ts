import { addDays, addMonths, daysBetween, endOfDay, stockholmDate } from "./calendar.ts";

/**
 * Statutory and working deadlines, computed from stored facts. The rules and their
 * sources (SoL 2025:400; see ../shared/design/domain.md). Where domain.md marks a rule
 * "(verify)", the number is a named constant here so it can be changed in one place.
 */

/** SoL 2025:400 20 kap. 1 § (verify): assess at once whether a reported child needs protection — by the end of the day the report arrived. */
export const protectionAssessmentDays = 0;
/** SoL 2025:400 20 kap. 2 §: decide within 14 days of receipt whether to open an investigation. */
export const preliminaryAssessmentDays = 14;
/** SoL 2025:400 20 kap. 3–5 §§ (verify): a child's investigation is finished within 4 months. */
export const childInvestigationMonths = 4;
/** Working rule: a journal draft should be signed within 2 days. */
export const unsignedDraftDays = 2;
/**
 * lag (2024:79): an immediate decision on a child's placement goes to the administrative
 * court within one week. An application (no immediate decision) goes "without delay": Frid
 * holds it to the same week as a working rule.
 */
export const courtSubmissionDays = 7;
/** lag (2024:79): the court rules within one week of receiving it. */
export const courtRulingDays = 7;
/** lag (2024:79): the committee reviews the placement at least every six months. */
export const placementReviewMonths = 6;
/** Children found to have witnessed violence are reported without delay (SoL 2025:400, anmälningsplikt): the same day. */
export const childrenReportDays = 0;
/** What the work list calls "due soon". */
export const dueSoonDays = 7;

export function protectionAssessmentDue(receivedAt: Date): Date {
  return endOfDay(addDays(stockholmDate(receivedAt), protectionAssessmentDays));
}

export function preliminaryAssessmentDue(receivedAt: Date): Date {
  return endOfDay(addDays(stockholmDate(receivedAt), preliminaryAssessmentDays));
}

/** The latest decided extension wins; an extension is only ever recorded with a decision and reason. */
export function childInvestigationDue(openedAt: Date, extendedUntil: string[] = []): Date {
  const statutory = addMonths(stockholmDate(openedAt), childInvestigationMonths);
  const latest = [statutory, ...extendedUntil].sort().at(-1) as string;
  return endOfDay(latest);
}

export function followUpDue(plannedDate: string): Date {
  return endOfDay(plannedDate);
}

export function unsignedDraftDue(createdAt: Date): Date {
  return endOfDay(addDays(stockholmDate(createdAt), unsignedDraftDays));
}

export function courtSubmissionDue(decidedAt: Date): Date {
  return endOfDay(addDays(stockholmDate(decidedAt), courtSubmissionDays));
}

export function courtRulingDue(submittedOn: string): Date {
  return endOfDay(addDays(submittedOn, courtRulingDays));
}

/** From the placement's start, or its latest review. */
export function placementReviewDue(since: string): Date {
  return endOfDay(addMonths(since, placementReviewMonths));
}

/** Working rule (issue 5): at high risk the safety plan is reviewed at least every 30 days. */
export const safetyPlanReviewDays = 30;

export function safetyPlanReviewDue(lastSaved: Date): Date {
  return endOfDay(addDays(stockholmDate(lastSaved), safetyPlanReviewDays));
}

/** A withdrawn consent leaves the placement without basis: act the same day. */
export function consentRevokedDue(revokedOn: string): Date {
  return endOfDay(revokedOn);
}

export function childrenReportDue(foundAt: Date): Date {
  return endOfDay(addDays(stockholmDate(foundAt), childrenReportDays));
}

export type DueStatus = "overdue" | "due_soon" | "later";

/** Overdue once the deadline has passed; due soon when it falls within the next 7 calendar days. */
export function dueStatus(due: Date, now: Date = new Date()): DueStatus {
  if (now.getTime() > due.getTime()) return "overdue";
  return daysBetween(stockholmDate(now), stockholmDate(due)) <= dueSoonDays ? "due_soon" : "later";
}
