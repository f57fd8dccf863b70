import { addMonths, endOfDay } from "./calendar.ts";

/**
 * The directory's and the agreements' time rules (issue 18, items 1–2), in the style of
 * deadlines.ts (docs/deadlines.md): working rules of the organisation, not statutory limits.
 */

/** A contact person not confirmed for this many months is flagged to the agency's owner. */
export const contactConfirmationMonths = 12;

/** The day a contact's confirmation runs out: 12 months after it was last confirmed. */
export function contactConfirmationLastDay(confirmedOn: string): string {
  return addMonths(confirmedOn, contactConfirmationMonths);
}

/** Att göra's due time for confirming a contact again (the end of its last day). */
export function contactConfirmationDue(confirmedOn: string): Date {
  return endOfDay(contactConfirmationLastDay(confirmedOn));
}

/** Flagged in the directory: the 12 months have passed (today is after the last day). */
export function contactUnconfirmed(confirmedOn: string, today: string): boolean {
  return today > contactConfirmationLastDay(confirmedOn);
}

/**
 * An agreement is followed up no later than 24 months after its signing, and again no later
 * than 24 months after each follow-up (Öppna jämförelser asks whether it was, within 24 months).
 */
export const agreementFollowUpMonths = 24;

/** The latest next follow-up day allowed after `from` (the signing or the last follow-up). */
export function latestNextFollowUp(from: string): string {
  return addMonths(from, agreementFollowUpMonths);
}

/** Att göra's due time for an agreement's follow-up: the end of its planned day. */
export function agreementFollowUpDue(nextFollowUpOn: string): Date {
  return endOfDay(nextFollowUpOn);
}
