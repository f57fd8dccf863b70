import type { StatutoryLastDay } from "../../shared/api/deadlines";
import { formatDate, formatDay } from "../i18n/dates";
import { dayOffLabels } from "../i18n/labels";
import type { Language, Translate } from "../i18n/messages";

/*
 * How a statutory last day is shown. The server counts; lag (1930:173) may move the last day
 * past a day off, and then the page shows the moved day with its reason. Warnings (Att göra,
 * the "Försenat" badge) stay on the counted day: see docs/deadlines.md.
 */

/** The last day to show: the law's when the server gave one, else the counted day. */
export function shownLastDay(counted: string, lastDay: StatutoryLastDay | null): string {
  return lastDay?.last ?? counted;
}

/** The last day as a date: the law's when given, else the date of the deadline's instant. */
export function formatLastDay(
  dueIso: string,
  lastDay: StatutoryLastDay | null,
  lang: Language,
): string {
  return lastDay ? formatDay(lastDay.last, lang) : formatDate(dueIso, lang);
}

/**
 * "Dag 14 (2026-11-14) är en lördag – sista dag enligt lag (1930:173)", or null when the
 * last day did not move. `day14`: the preliminary assessment names its counted day so.
 */
export function movedLastDayText(
  lastDay: StatutoryLastDay | null,
  t: Translate,
  lang: Language,
  day14 = false,
): string | null {
  if (!lastDay?.movedBecause) return null;
  const date = formatDay(lastDay.counted, lang);
  const counted = day14 ? t("deadline.day14", { date }) : date;
  const text = t("deadline.moved", { counted, dayOff: t(dayOffLabels[lastDay.movedBecause]) });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
