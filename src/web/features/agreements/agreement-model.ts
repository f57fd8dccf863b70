import { agreementAreas } from "../../../shared/api/agreements";
import { addMonths } from "../../../shared/calendar";
import { latestNextFollowUp } from "../../../shared/directory-deadlines";
import type { PlainMessageKey } from "../../i18n/messages";

export type AgreementAreaCode = (typeof agreementAreas)[number];
export { agreementAreas };

/** The catalogue key naming an agreement's area. */
export const areaKey = (area: AgreementAreaCode): PlainMessageKey => `agreements.area.${area}`;

/**
 * What "Registrera uppföljning" starts from: made today, the next one a year on (the rule
 * allows up to 24 months; a year is the usual rhythm, and the person may move it).
 */
export function followUpDefaults(today: string) {
  return { followedUpOn: today, findings: "", nextFollowUpOn: addMonths(today, 12) };
}

/**
 * The latest day the date field offers for the next follow-up: 24 months after `from`, the
 * same rule the server applies (it alone decides, and its 400 is shown at the field). An
 * unfinished `from` offers no limit.
 */
export function latestFollowUpOffered(from: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(from) ? latestNextFollowUp(from) : undefined;
}

/** A checkbox list's value with `item` switched on or off, in the list's own order. */
export function toggled<T>(order: readonly T[], chosen: readonly T[], item: T, on: boolean): T[] {
  return order.filter((x) => (x === item ? on : chosen.includes(x)));
}
