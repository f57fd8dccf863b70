/**
 * Calendar arithmetic for statutory deadlines, in Swedish time (Europe/Stockholm).
 * Deadlines are computed from stored facts (when a report was received, when an
 * investigation was opened), never typed in; this module is the one place that does it.
 *
 * A "date" here is an ISO calendar date (YYYY-MM-DD) as a person in Sweden reads it; an
 * "instant" is a Date. A deadline "on" a date runs to the end of that day in Stockholm.
 */
export const timeZone = "Europe/Stockholm";

const dateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The calendar date in Stockholm at an instant. */
export function stockholmDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) return dateFormat.format(instant); // throws, as it did
  const local = new Date(instant.getTime() + offsetMinutes(instant) * 60_000);
  return format(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

function parse(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Calendar months later; a day that does not exist in the target month becomes its last
 * day (31 October + 4 months = 28 or 29 February), as deadlines in months are read.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * Stockholm's offset from UTC, in minutes, at an instant (60 in winter, 120 in summer). The
 * clocks change on the hour in UTC, so the offset is one per UTC hour: asked once per hour
 * (the time zone database is slow to ask, and a year's report asks it for every row).
 */
const offsets = new Map<number, number>();
function offsetMinutes(instant: Date): number {
  const hour = Math.floor(instant.getTime() / 3_600_000);
  const known = offsets.get(hour);
  if (known !== undefined) return known;
  if (offsets.size > 100_000) offsets.clear();
  const offset = askOffsetMinutes(new Date(hour * 3_600_000));
  offsets.set(hour, offset);
  return offset;
}

function askOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(
    partsFormat.formatToParts(instant).map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a Stockholm calendar date begins (midnight, whatever the daylight saving).
 * Remembered per date: a year's report asks it of the same few hundred dates many times.
 */
const midnights = new Map<string, number>();
export function startOfDay(date: string): Date {
  const known = midnights.get(date);
  if (known !== undefined) return new Date(known);
  if (midnights.size > 100_000) midnights.clear();
  const midnight = atHour(date, 0);
  midnights.set(date, midnight.getTime());
  return midnight;
}

/** The instant the clocks in Stockholm show `hour`:00 on a date. */
export function atHour(date: string, hour: number): Date {
  const [y, m, d] = parse(date);
  const guess = new Date(Date.UTC(y, m - 1, d, hour));
  // Midnight local = midnight UTC minus the offset in force then; the offset can differ
  // between the guess and the answer only on a changeover day, so check once more.
  const first = new Date(guess.getTime() - offsetMinutes(guess) * 60_000);
  return new Date(guess.getTime() - offsetMinutes(first) * 60_000);
}

/** The last instant of a Stockholm calendar date: a deadline "on" that date ends here. */
export function endOfDay(date: string): Date {
  return new Date(startOfDay(addDays(date, 1)).getTime() - 1);
}

/** Whole calendar days from one date to another (negative if `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b, c] = parse(from);
  const [x, y, z] = parse(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000);
}
