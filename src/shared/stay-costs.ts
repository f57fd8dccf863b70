import { addDays, addMonths, daysBetween } from "./calendar.ts";

/**
 * What a stay costs, computed from its segments (where it was, period by period, with the
 * place's prices copied at each segment's start) and who stayed (the adult and the children:
 * every member stays for the whole stay). Money is öre as bigint throughout, so a sum is exact
 * however large; kronor appear only at the API's edge (oreToKronor, kronorToOre).
 *
 * Nights: a segment from D1 to D2 (D2 exclusive: the day of leaving is not a night) has
 * D2 − D1 nights, and each night belongs to the month of its date. An ongoing segment counts
 * to `until` (today, or the day after a report's last day), and a stay that has ended counts
 * no night on or after its day of leaving.
 */

export interface CostSegment {
  placeId: string;
  fromOn: string;
  /** Exclusive; null while the stay is at this place. */
  toOn: string | null;
  priceAdultOre: number;
  priceChildOre: number;
}

export interface CostStay {
  segments: readonly CostSegment[];
  adults: number;
  children: number;
  /** The day of leaving (check-out), if the stay has ended. */
  leftOn?: string | null;
}

/** One month at one place: nights of the household's adults and children, and their cost. */
export interface MonthCost {
  /** YYYY-MM */
  month: string;
  placeId: string;
  /** Nights the stay was there in the month (per household, not per person). */
  nights: number;
  adultNights: number;
  childNights: number;
  costOre: bigint;
}

/** A window of days, `to` exclusive. */
export interface DayWindow {
  from: string;
  to: string;
}

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);
const monthOf = (date: string) => date.slice(0, 7);

/** The first day of the month of `date` and of the next month. */
export function monthWindow(month: string): DayWindow {
  const from = `${month}-01`;
  return { from, to: addMonths(from, 1) };
}

/** The nights of one period, split by the month of each night: [month, nights][]. */
export function nightsByMonth(from: string, to: string): [string, number][] {
  const out: [string, number][] = [];
  let start = from;
  while (start < to) {
    const next = addMonths(`${monthOf(start)}-01`, 1);
    const end = earlier(next, to);
    out.push([monthOf(start), daysBetween(start, end)]);
    start = end;
  }
  return out;
}

/**
 * The stay's cost per month and place, within `window` (nights from window.from to the day
 * before window.to), ongoing segments counted to `until` (exclusive: today for "so far").
 * Months in date order; a place visited twice in a month gives one line.
 */
export function stayCostByMonth(stay: CostStay, until: string, window?: DayWindow): MonthCost[] {
  const lines = new Map<string, MonthCost>();
  for (const segment of stay.segments) {
    // A stay checked out has ended: its last segment ends on the day of leaving.
    let end = segment.toOn ?? stay.leftOn ?? until;
    if (stay.leftOn) end = earlier(end, stay.leftOn);
    let start = segment.fromOn;
    if (window) {
      start = later(start, window.from);
      end = earlier(end, window.to);
    }
    for (const [month, nights] of nightsByMonth(start, end)) {
      const key = `${month}\u0000${segment.placeId}`;
      const line = lines.get(key) ?? {
        month,
        placeId: segment.placeId,
        nights: 0,
        adultNights: 0,
        childNights: 0,
        costOre: 0n,
      };
      line.nights += nights;
      line.adultNights += nights * stay.adults;
      line.childNights += nights * stay.children;
      line.costOre +=
        BigInt(nights) *
        (BigInt(stay.adults) * BigInt(segment.priceAdultOre) +
          BigInt(stay.children) * BigInt(segment.priceChildOre));
      lines.set(key, line);
    }
  }
  return [...lines.values()].sort((a, b) =>
    a.month === b.month ? a.placeId.localeCompare(b.placeId) : a.month.localeCompare(b.month),
  );
}

/** The sum of a stay's cost lines. */
export function totalOre(lines: readonly { costOre: bigint }[]): bigint {
  return lines.reduce((sum, line) => sum + line.costOre, 0n);
}

/** Öre to kronor for the API: exact for every amount the database can hold (≤ 2^53 öre). */
export function oreToKronor(ore: bigint | number): number {
  return Number(ore) / 100;
}

/**
 * Kronor with at most two decimals to öre, without binary fractions: 1450.1 is 145010 öre,
 * not 145009.99…; parsed from the decimal text the client sent.
 */
export function kronorToOre(kronor: number): bigint {
  const [whole, fraction = ""] = kronor.toFixed(2).split(".");
  const sign = whole?.startsWith("-") ? -1n : 1n;
  const units = BigInt((whole ?? "0").replace("-", ""));
  return sign * (units * 100n + BigInt(fraction.padEnd(2, "0")));
}

/** Whether a number of kronor has at most two decimals (1450, 1450.5, 1450.55). */
export function hasAtMostTwoDecimals(kronor: number): boolean {
  return Number.isFinite(kronor) && Math.abs(Math.round(kronor * 100) - kronor * 100) < 1e-6;
}

/**
 * An invoice's amount spread over the months of its period (both days inclusive) by the days
 * in each, so a month's "invoiced" can be set beside its computed cost. Whole öre: each month
 * gets its share rounded down and the last month what is left, so the parts add up to the
 * amount exactly.
 */
export function invoiceByMonth(
  periodFrom: string,
  periodTo: string,
  amountOre: bigint,
): [string, bigint][] {
  const parts = nightsByMonth(periodFrom, addDays(periodTo, 1));
  const days = BigInt(parts.reduce((n, [, d]) => n + d, 0));
  if (days === 0n) return [];
  let left = amountOre;
  return parts.map(([month, d], i) => {
    const share = i === parts.length - 1 ? left : (amountOre * BigInt(d)) / days;
    left -= share;
    return [month, share];
  });
}
