import type { PlainMessageKey } from "../../i18n/messages";

/** What the report is asked for: a year, and units (none: all the caller reports on). */
export interface ReportChoice {
  year: number;
  unitIds: readonly string[];
}

/** The report's query: `year`, each unit as its own `unitId`, and for a CSV the table. */
export function reportQuery(choice: ReportChoice, table?: string): URLSearchParams {
  const query = new URLSearchParams({ year: String(choice.year) });
  for (const unitId of choice.unitIds) query.append("unitId", unitId);
  if (table) query.set("table", table);
  return query;
}

/**
 * The year offered first: the one just ended until the end of March (when the committee's
 * report on it is written), the current one after that.
 */
export function defaultYear(today: Date): number {
  const year = today.getFullYear();
  return today.getMonth() < 3 ? year - 1 : year;
}

/** The year field's text as a year the report takes, or the message for the field. */
export function yearOf(text: string): { year: number } | { error: PlainMessageKey } {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return { error: "yearlyReport.errorYear" };
  const year = Number(trimmed);
  if (year < 2000) return { error: "yearlyReport.errorYearEarly" };
  return { year };
}

/** A unit ticked or unticked, keeping the order the units are offered in. */
export function toggleUnit(
  offered: readonly { id: string }[],
  chosen: readonly string[],
  unitId: string,
): string[] {
  const next = chosen.includes(unitId) ? chosen.filter((id) => id !== unitId) : [...chosen, unitId];
  return offered.map((u) => u.id).filter((id) => next.includes(id));
}
