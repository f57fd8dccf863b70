import { addDays, atHour, stockholmDate } from "./calendar.ts";

/**
 * Working hours in Swedish time: weekdays 08–17, not on public holidays nor the days
 * Swedish workplaces treat as such (midsommarafton, julafton, nyårsafton). Used where a rule
 * counts working hours, e.g. a risk alert across the information barrier must be
 * acknowledged within four working hours before it goes to the unit manager.
 */
export const workdayStartHour = 8;
export const workdayEndHour = 17;

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Easter Sunday (the anonymous Gregorian computus). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The first date from `from` (inclusive) that falls on the weekday (0 = Sunday). */
function weekdayFrom(from: string, weekday: number): string {
  const day = new Date(`${from}T12:00:00Z`).getUTCDay();
  return addDays(from, (weekday - day + 7) % 7);
}

/**
 * The public holidays of lag (1989:253) om allmänna helgdagar, and the eves lag (1930:173)
 * treats like them. Named, so a moved last day can say why.
 */
export const holidays = [
  "new_years_day",
  "epiphany",
  "good_friday",
  "easter_sunday",
  "easter_monday",
  "may_day",
  "ascension_day",
  "whit_sunday",
  "national_day",
  "midsummer_eve",
  "midsummer_day",
  "all_saints_day",
  "christmas_eve",
  "christmas_day",
  "boxing_day",
  "new_years_eve",
] as const;
export type Holiday = (typeof holidays)[number];
/** Why a day is not a weekday: its holiday's name, else the weekend day it is. */
export type DayOff = Holiday | "saturday" | "sunday";

const cache = new Map<number, Map<string, Holiday>>();

/** Public holidays and customary days off in a year: ISO date → which day it is. */
export function swedishHolidayNames(year: number): ReadonlyMap<string, Holiday> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const midsummerDay = weekdayFrom(iso(year, 6, 20), 6); // Saturday 20–26 June
  const days = new Map<string, Holiday>([
    [iso(year, 1, 1), "new_years_day"],
    [iso(year, 1, 6), "epiphany"],
    [addDays(easter, -2), "good_friday"],
    [easter, "easter_sunday"],
    [addDays(easter, 1), "easter_monday"],
    [iso(year, 5, 1), "may_day"],
    [addDays(easter, 39), "ascension_day"],
    [addDays(easter, 49), "whit_sunday"],
    [iso(year, 6, 6), "national_day"],
    [addDays(midsummerDay, -1), "midsummer_eve"], // Friday 19–25 June
    [midsummerDay, "midsummer_day"],
    [weekdayFrom(iso(year, 10, 31), 6), "all_saints_day"], // Saturday 31 Oct–6 Nov
    [iso(year, 12, 24), "christmas_eve"],
    [iso(year, 12, 25), "christmas_day"],
    [iso(year, 12, 26), "boxing_day"],
    [iso(year, 12, 31), "new_years_eve"],
  ]);
  cache.set(year, days);
  return days;
}

/** Public holidays and customary days off in a year, as ISO dates. */
export function swedishHolidays(year: number): Set<string> {
  return new Set(swedishHolidayNames(year).keys());
}

/** Why a date is not a weekday (a holiday's name before the weekend), or null on a weekday. */
export function dayOff(date: string): DayOff | null {
  const holiday = swedishHolidayNames(Number(date.slice(0, 4))).get(date);
  if (holiday) return holiday;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 6 ? "saturday" : weekday === 0 ? "sunday" : null;
}

export function isWorkingDay(date: string): boolean {
  return dayOff(date) === null;
}

/** The instant `hours` working hours after `from`; time outside working hours does not count. */
export function addWorkingHours(from: Date, hours: number): Date {
  let remaining = hours * 3_600_000;
  let date = stockholmDate(from);
  let cursor = from;
  for (;;) {
    if (isWorkingDay(date)) {
      const open = atHour(date, workdayStartHour);
      const close = atHour(date, workdayEndHour);
      const start = cursor < open ? open : cursor;
      if (start < close) {
        const available = close.getTime() - start.getTime();
        if (remaining <= available) return new Date(start.getTime() + remaining);
        remaining -= available;
      }
    }
    date = addDays(date, 1);
    cursor = atHour(date, 0);
  }
}
