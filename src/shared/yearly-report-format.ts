import type {
  YearlyReportCell,
  YearlyReportColumn,
  YearlyReportSectionId,
  YearlyReportTable,
  YearlyReportValueKind,
} from "./api/yearly-report.ts";

/**
 * How the yearly report's figures read, the same on the page, in the PDF, the XLSX and the
 * CSV (issue 20, item 4): one rule for a hidden figure, one for a missing one, one number
 * format per kind of value. A hidden cell comes from the server as value null: its figure
 * was never sent, so no output can show it.
 */

/** A figure hidden to protect a person (1–4, or hidden beside one so it cannot be worked out). */
export const SUPPRESSED = "–";
/** A figure Frid has no data for (statistical convention: "uppgift saknas"). */
export const NOT_AVAILABLE = "..";

export const suppressedNote =
  "– = färre än 5, eller dold för att en dold siffra inte ska kunna räknas ut från summorna.";
export const notAvailableNote = ".. = uppgift saknas.";

export type Lang = "sv" | "en";

const decimals: Record<YearlyReportValueKind, number> = {
  count: 0,
  percent: 1,
  kronor: 0,
  per10000: 1,
  days: 1,
  text: 0,
};

const units: Record<YearlyReportValueKind, { sv: string; en: string }> = {
  count: { sv: "", en: "" },
  percent: { sv: " %", en: "%" },
  kronor: { sv: " kr", en: " SEK" },
  per10000: { sv: "", en: "" },
  days: { sv: "", en: "" },
  text: { sv: "", en: "" },
};

/** A number as the reader's language writes it: "1 234,5" in Swedish, "1,234.5" in English. */
export function formatNumber(value: number, kind: YearlyReportValueKind, lang: Lang = "sv") {
  const text = value.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB", {
    maximumFractionDigits: decimals[kind],
  });
  // sv-SE writes a minus sign (U+2212) that some readers and fonts lack.
  return `${text.replace("\u2212", "-")}${units[kind][lang]}`;
}

/** A cell as text: the hidden mark, the missing mark, its text or its number. */
export function cellText(
  cell: YearlyReportCell,
  kind: YearlyReportValueKind,
  lang: Lang = "sv",
): string {
  if (cell.suppressed) return SUPPRESSED;
  if (kind === "text") return cell.text ?? NOT_AVAILABLE;
  if (cell.value === null) return cell.text ?? NOT_AVAILABLE;
  return formatNumber(cell.value, kind, lang);
}

/**
 * A cell for a spreadsheet: its number where it has one (so it can be summed), else the text
 * the page shows (the hidden or missing mark, or the cell's text).
 */
export function cellValue(
  cell: YearlyReportCell | undefined,
  kind: YearlyReportValueKind,
): number | string {
  if (!cell) return "";
  if (!cell.suppressed && kind !== "text" && cell.value !== null) return cell.value;
  return cellText(cell, kind);
}

/** Which marks a table uses, so its notes explain only those. */
export function marksIn(table: YearlyReportTable): { suppressed: boolean; notAvailable: boolean } {
  const cells = table.rows.flatMap((row) =>
    row.cells.map((cell, i) => ({ cell, column: table.columns[i] })),
  );
  return {
    suppressed: cells.some(({ cell }) => cell.suppressed),
    notAvailable: cells.some(
      ({ cell, column }) =>
        !cell.suppressed && cellText(cell, column?.kind ?? "count") === NOT_AVAILABLE,
    ),
  };
}

/** The notes under a table: its own, then what each mark it uses means. */
export function tableNotes(table: YearlyReportTable): string[] {
  const marks = marksIn(table);
  return [
    ...(table.note ? [table.note] : []),
    ...(marks.suppressed ? [suppressedNote] : []),
    ...(marks.notAvailable ? [notAvailableNote] : []),
  ];
}

/** The charts' colours, on the page and in the PDF: distinguishable in greyscale print and by most colour-blind readers. */
export const chartPalette = ["#1d5b79", "#e07a1f", "#5b8e3e", "#8c4a9e", "#b03a48", "#4f4f4f"];

export interface ChartSeries {
  column: YearlyReportColumn;
  index: number;
}

export interface ChartData {
  kind: YearlyReportValueKind;
  stacked: boolean;
  series: ChartSeries[];
  /** One per row drawn (totals left out: a total's bar would dwarf the parts). */
  categories: { label: string; values: (number | null)[]; suppressed: boolean[] }[];
}

/**
 * What a table's chart draws: its rows (not the total row) as categories and its columns of
 * one kind (not text, not a total column) as series — a count and a share on one axis would
 * mislead. A hidden or missing value is null: no bar, the mark in its place. Null when the
 * table asks for no chart or has nothing to draw.
 */
export function chartData(table: YearlyReportTable): ChartData | null {
  if (table.chart === "none") return null;
  const drawable = table.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => column.kind !== "text" && !column.isTotal);
  const kind = drawable[0]?.column.kind;
  if (kind === undefined) return null;
  const series = drawable.filter(({ column }) => column.kind === kind);
  const rows = table.rows.filter((row) => !row.isTotal);
  if (rows.length === 0) return null;
  return {
    kind,
    stacked: table.chart === "stacked-bar" && series.length > 1,
    series,
    categories: rows.map((row) => ({
      label: row.label,
      values: series.map(({ index }) => {
        const cell = row.cells[index];
        return cell && !cell.suppressed ? cell.value : null;
      }),
      suppressed: series.map(({ index }) => row.cells[index]?.suppressed ?? false),
    })),
  };
}

/** The largest bar a chart draws (a stacked bar's sum), at least 1 so an empty axis has a scale. */
export function chartMax(data: ChartData): number {
  const lengths = data.categories.map((c) =>
    data.stacked
      ? c.values.reduce<number>((sum, v) => sum + Math.max(0, v ?? 0), 0)
      : Math.max(0, ...c.values.map((v) => v ?? 0)),
  );
  return Math.max(1, ...lengths);
}

/** A section's name where the report only gives its id (a section left out, and why). */
export const sectionNames: Record<YearlyReportSectionId, string> = {
  "action-plan": "Handlingsplanens uppföljning",
  investigations: "Utredningar",
  decisions: "Beslut om insatser",
  "child-track": "Barn och unga",
  "risk-assessments": "Riskbedömningar",
  "partner-contact": "Partnerkontakt",
  stays: "Boende, platser och kostnader",
  "crisis-centre": "Kriscentrum och konsultationer",
  competence: "Kompetensutveckling",
  collaboration: "Samverkan",
  kolada: "Kolada nyckeltal",
  "open-comparisons": "Öppna jämförelser",
};
