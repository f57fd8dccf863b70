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

const cache = new Map<number, Set<string>>();

/** Public holidays and customary days off in a year, as ISO dates. */
export function swedishHolidays(year: number): Set<string> {
  const known = cache.get(year);
  if (known) return known;
  const easter = easterSunday(year);
  const days = new Set([
    iso(year, 1, 1),
    iso(year, 1, 6),
    addDays(easter, -2),
    easter,
    addDays(easter, 1),
    iso(year, 5, 1),
    addDays(easter, 39),
    addDays(easter, 49),
    iso(year, 6, 6),
    addDays(weekdayFrom(iso(year, 6, 20), 6), -1), // midsommarafton: Friday 19–25 June
    weekdayFrom(iso(year, 6, 20), 6), // midsommardagen: Saturday 20–26 June
    weekdayFrom(iso(year, 10, 31), 6), // alla helgons dag: Saturday 31 Oct–6 Nov
    iso(year, 12, 24),
    iso(year, 12, 25),
    iso(year, 12, 26),
    iso(year, 12, 31),
  ]);
  cache.set(year, days);
  return days;
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !swedishHolidays(Number(date.slice(0, 4))).has(date);
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
