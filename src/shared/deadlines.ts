import { addDays, addMonths, daysBetween, endOfDay, stockholmDate } from "./calendar.ts";
import { type DayOff, dayOff } from "./working-hours.ts";

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
/** When the notification centre tells again that a deadline is near (issue 15). */
export const dueVerySoonDays = 3;

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

/**
 * Stays (issue 16; working rules, docs/deadlines.md "Stays"). The decision a stay rests on
 * runs out: due a week before its last day, so the line shows from 14 days before (Att göra
 * shows 7 days ahead) and a new decision or a planned move-out can be made in time.
 */
export const stayDecisionNoticeDays = 14;
export function stayDecisionEndsDue(periodTo: string): Date {
  return endOfDay(addDays(periodTo, dueSoonDays - stayDecisionNoticeDays));
}

/**
 * The routines register (issue 20, item 2): a routine's review date. The line shows from 60
 * days before it (due 53 days before, Att göra showing 7 days ahead), so a new version can be
 * written and approved by the body before the routine goes stale for Öppna jämförelser.
 */
export const routineReviewNoticeDays = 60;
export function routineReviewDue(reviewOn: string): Date {
  return endOfDay(addDays(reviewOn, dueSoonDays - routineReviewNoticeDays));
}

/**
 * Police collaboration (issue 18; working rules, docs/deadlines.md "Police collaboration").
 * A granted restraining order (kontaktförbud) or an alarm runs out: the line shows from 14
 * days before its last day (due a week before, Att göra showing 7 days ahead), so the worker
 * has time to ask whether a new order or alarm is needed — an application takes the police
 * and the prosecutor days, and the protection must not lapse meanwhile.
 */
export const policeProtectionNoticeDays = 14;
export function policeProtectionEndsDue(validUntil: string): Date {
  return endOfDay(addDays(validUntil, dueSoonDays - policeProtectionNoticeDays));
}
/** An alarm's follow-up is due on the day planned for it. */
export function safetyAlarmFollowUpDue(followUpOn: string): Date {
  return endOfDay(followUpOn);
}

/**
 * Working rule (issue 19, item 3): the mail-and-payment routine of a protected person's case
 * is done within 7 days of the case's opening (a case opened long before she became protected
 * is due at once: her mail and payments cannot wait).
 */
export const protectionChecklistDays = 7;
export function protectionChecklistDue(openedAt: Date): Date {
  return endOfDay(addDays(stockholmDate(openedAt), protectionChecklistDays));
}

/** A child in a stay should have school or preschool arranged within 14 days of arriving. */
export const staySchoolDays = 14;
export function staySchoolDue(arrivedOn: string): Date {
  return endOfDay(addDays(arrivedOn, staySchoolDays));
}

/** A stay that has ended is followed up within 14 days of the day she left. */
export const stayFollowUpDays = 14;
export function stayFollowUpDue(leftOn: string): Date {
  return endOfDay(addDays(leftOn, stayFollowUpDays));
}

/**
 * Working rule (issue 18): a referral (sent out, or received) should have its answer within
 * the unit's `referral_answer_days` (default 14); from then on it is on Att göra.
 */
export function referralAnswerDue(from: string, days: number): Date {
  return endOfDay(addDays(from, days));
}

export function childrenReportDue(foundAt: Date): Date {
  return endOfDay(addDays(stockholmDate(foundAt), childrenReportDays));
}

/**
 * Lag (1930:173) om beräkning av lagstadgad tid, 2 §: "Infaller den tid, då enligt lag eller
 * särskild författning en åtgärd senast ska vidtas, på en söndag, annan allmän helgdag,
 * lördag, midsommarafton, julafton eller nyårsafton, får åtgärden vidtas nästa vardag."
 * The counted day is kept beside the moved one: Att göra warns from the counted day, so the
 * law's grace is never planned on (see docs/deadlines.md).
 */
export interface StatutoryLastDay {
  /** YYYY-MM-DD: the day the time limit counts to. */
  counted: string;
  /** YYYY-MM-DD: the last day the act may be done — the counted day, or the next weekday. */
  last: string;
  /** What the counted day is when the last day moved; null when it did not move. */
  movedBecause: DayOff | null;
}

export function lastDayUnderLaw(counted: string): StatutoryLastDay {
  let last = counted;
  while (dayOff(last) !== null) last = addDays(last, 1);
  return { counted, last, movedBecause: dayOff(counted) };
}

const lastDayOf = (due: Date) => lastDayUnderLaw(stockholmDate(due));

/*
 * The statutory time limits Frid computes. Same-day duties ("genast": the protection
 * assessment, reporting children) and Frid's working rules (follow-ups, drafts, safety-plan
 * reviews, reassessments) have none: lag (1930:173) is about time limits in law.
 */
export const preliminaryAssessmentLastDay = (receivedAt: Date) =>
  lastDayOf(preliminaryAssessmentDue(receivedAt));
export const childInvestigationLastDay = (openedAt: Date, extendedUntil: string[] = []) =>
  lastDayOf(childInvestigationDue(openedAt, extendedUntil));
/** Statutory for an immediate decision only; an application's week is Frid's working rule. */
export const courtSubmissionLastDay = (decidedAt: Date) => lastDayOf(courtSubmissionDue(decidedAt));
export const courtRulingLastDay = (submittedOn: string) => lastDayOf(courtRulingDue(submittedOn));
export const placementReviewLastDay = (since: string) => lastDayOf(placementReviewDue(since));

export type DueStatus = "overdue" | "due_soon" | "later";

/** Overdue once the deadline has passed; due soon when it falls within the next 7 calendar days. */
export function dueStatus(due: Date, now: Date = new Date()): DueStatus {
  if (now.getTime() > due.getTime()) return "overdue";
  return daysLeft(due, now) <= dueSoonDays ? "due_soon" : "later";
}

/** Calendar days in Swedish time from today to the counted day of `due` (0: today). */
export function daysLeft(due: Date, now: Date = new Date()): number {
  return daysBetween(stockholmDate(now), stockholmDate(due));
}

/**
 * SIP (issue 18; working rule, docs/deadlines.md "SIP"): a responsibility is due on the day
 * the plan set for it, the follow-up on its date; Att göra shows a plan from 7 days before.
 */
export function coordinatedPlanDue(on: string): Date {
  return endOfDay(on);
}
