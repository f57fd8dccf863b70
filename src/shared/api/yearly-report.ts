import { z } from "zod";

/**
 * The committee's yearly report (issue 20, item 4): for a year and a set of units, sections of
 * tables whose cells are counts, shares, amounts or rates. Every output (the page with charts,
 * the PDF, the XLSX with a sheet per table, a CSV per table) is drawn from this one shape, so
 * a figure reads the same everywhere.
 *
 * Suppression: outside the unit a count of 1–4 is hidden (value null, suppressed true), and
 * in a table with totals at least one more cell of the same row/column is hidden so the
 * hidden one cannot be worked out from the total (complementary suppression).
 *
 * Stability: the outputs are built on this schema; add fields, never rename them.
 */

const yearMessage = "Ange året, t.ex. 2026.";

/** `unitId` repeated (`?unitId=a&unitId=b`) or as a comma list (`?unitId=a,b`); none = all. */
const unitIdList = z.preprocess(
  (v) => {
    if (v === undefined) return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((p) => String(p).split(","));
    return parts.map((p) => p.trim()).filter((p) => p !== "");
  },
  z
    .array(z.uuid({ message: "Enheten ska anges med sitt id." }))
    .max(100, { message: "Välj högst 100 enheter." })
    .optional(),
);

export const YearlyReportQuery = z
  .object({
    year: z.coerce
      .number({ message: yearMessage })
      .int({ message: yearMessage })
      .min(2000, { message: "Ange ett år från 2000." })
      .max(2999, { message: "Ange ett år före 3000." }),
    unitId: unitIdList,
  })
  .strict();
export type YearlyReportQuery = z.infer<typeof YearlyReportQuery>;

/** How a column's numbers read: count (persons, cases…), percent 0–100, kronor, per 10 000, days, yes/no text. */
export const YearlyReportValueKind = z.enum([
  "count",
  "percent",
  "kronor",
  "per10000",
  "days",
  "text",
]);
export type YearlyReportValueKind = z.infer<typeof YearlyReportValueKind>;

export const YearlyReportCell = z
  .object({
    value: z.number().nullable().meta({ description: "null: suppressed or not available" }),
    suppressed: z
      .boolean()
      .meta({ description: "Hidden to protect a person (1–4 or complementary)" }),
    text: z
      .string()
      .optional()
      .meta({ description: "For text columns (e.g. 'Ja'/'Nej' answers); numbers leave it out" }),
    link: z.string().optional().meta({
      description: "Web path of the list behind the figure; only for a caller allowed to see it",
    }),
  })
  .meta({ id: "YearlyReportCell" });
export type YearlyReportCell = z.infer<typeof YearlyReportCell>;

export const YearlyReportColumn = z.object({
  id: z.string(),
  label: z.string().meta({ description: "Swedish heading" }),
  kind: YearlyReportValueKind,
  isTotal: z
    .boolean()
    .meta({ description: "This column is the sum of the count columns of its row" }),
});
export type YearlyReportColumn = z.infer<typeof YearlyReportColumn>;

export const YearlyReportRow = z.object({
  id: z.string(),
  label: z.string().meta({ description: "Swedish heading" }),
  isTotal: z
    .boolean()
    .meta({ description: "This row is the sum of the other rows, column by column" }),
  cells: z.array(YearlyReportCell).meta({ description: "One per column, in column order" }),
});
export type YearlyReportRow = z.infer<typeof YearlyReportRow>;

export const YearlyReportTable = z
  .object({
    id: z.string().meta({
      description: "Stable, e.g. 'decisions-by-intervention'; sheet/CSV names come from it",
    }),
    title: z.string().meta({ description: "Swedish title" }),
    note: z.string().optional().meta({ description: "Swedish footnote: what is counted and how" }),
    chart: z.enum(["bar", "stacked-bar", "none"]).meta({
      description: "How the page and the PDF draw it; the table is always the alternative",
    }),
    columns: z.array(YearlyReportColumn),
    rows: z.array(YearlyReportRow),
  })
  .meta({ id: "YearlyReportTable" });
export type YearlyReportTable = z.infer<typeof YearlyReportTable>;

export const YearlyReportSectionId = z.enum([
  "action-plan",
  "investigations",
  "decisions",
  "child-track",
  "risk-assessments",
  "partner-contact",
  "stays",
  "crisis-centre",
  "competence",
  "collaboration",
  "kolada",
  "open-comparisons",
]);
export type YearlyReportSectionId = z.infer<typeof YearlyReportSectionId>;

export const YearlyReportSection = z
  .object({
    id: YearlyReportSectionId,
    title: z.string().meta({ description: "Swedish title" }),
    summary: z.array(z.string()).meta({ description: "Swedish sentences built from the figures" }),
    tables: z.array(YearlyReportTable),
  })
  .meta({ id: "YearlyReportSection" });
export type YearlyReportSection = z.infer<typeof YearlyReportSection>;

export const YearlyReport = z
  .object({
    year: z.number().int(),
    from: z.string().meta({ description: "First day of the year, YYYY-MM-DD" }),
    to: z.string().meta({ description: "Last day of the year, YYYY-MM-DD" }),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    scope: z
      .enum(["unit", "organisation"])
      .meta({ description: "unit: the caller works in every unit covered" }),
    suppressed: z
      .boolean()
      .meta({ description: "Whether counts of 1–4 (and complements) are hidden" }),
    generatedAt: z.string().meta({ description: "ISO timestamp" }),
    dataAsOf: z.string().nullable().meta({
      description:
        "Read from the reporting replica: the time (ISO) of the last transaction it had replayed; null when read from the primary",
    }),
    summary: z.array(z.string()).meta({ description: "The report's Swedish opening sentences" }),
    sections: z.array(YearlyReportSection),
    omitted: z
      .array(z.object({ id: YearlyReportSectionId, reason: z.string() }))
      .meta({ description: "Sections this installation cannot produce yet, and why (Swedish)" }),
  })
  .meta({ id: "YearlyReport" });
export type YearlyReport = z.infer<typeof YearlyReport>;

/** The adult population (18+) of an organisation for a year, entered by an administrator (Kolada denominators). */
export const AdultPopulationInput = z
  .object({
    adults: z
      .number({ message: "Ange antalet vuxna invånare." })
      .int({ message: "Ange antalet vuxna invånare som ett heltal." })
      .min(1, { message: "Antalet vuxna invånare måste vara minst 1." })
      .max(100_000_000, { message: "Antalet vuxna invånare är orimligt stort." }),
  })
  .strict();
export type AdultPopulationInput = z.infer<typeof AdultPopulationInput>;

export const AdultPopulation = z
  .object({
    year: z.number().int(),
    adults: z.number().int().nullable().meta({ description: "null: not entered yet" }),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "AdultPopulation" });
export type AdultPopulation = z.infer<typeof AdultPopulation>;
