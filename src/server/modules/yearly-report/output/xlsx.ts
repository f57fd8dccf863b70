import ExcelJS from "exceljs";
import type {
  YearlyReport,
  YearlyReportTable,
  YearlyReportValueKind,
} from "../../../../shared/api/yearly-report.ts";
import { cellValue, tableNotes } from "../../../../shared/yearly-report-format.ts";
import { tablesOf } from "./csv.ts";
import { reportTitle, unitsLine } from "./pdf.ts";

/**
 * The yearly report as a workbook (ExcelJS, ADR 0014): one sheet per table, named by the
 * table's title as Excel allows (at most 31 characters, none of : \ / ? * [ ], unique
 * without regard to case). Figures are number cells with their kind's format; a hidden one
 * is the text "–" and its sheet says why — the figure itself was never in the report.
 */

const numberFormats: Record<YearlyReportValueKind, string> = {
  count: "#,##0",
  percent: '0.0" %"',
  kronor: '#,##0" kr"',
  per10000: "0.0",
  days: "0.0",
  text: "@",
};

/** Excel's sheet names for the tables, in order: cleaned, cut to 31, made unique. */
export function sheetNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title) => {
    const clean =
      title
        .replace(/[:\\/?*[\]]/g, " ")
        .replace(/\s+/g, " ")
        .trim()
        .replace(/^'+|'+$/g, "") || "Tabell";
    let name = clean.slice(0, 31).trim();
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = `${clean.slice(0, 31 - suffix.length).trim()}${suffix}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

function addTableSheet(
  book: ExcelJS.Workbook,
  name: string,
  report: YearlyReport,
  table: YearlyReportTable,
) {
  const sheet = book.addWorksheet(name);
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  sheet.addRow([
    `${reportTitle(report.year)}, ${report.from} – ${report.to}. ${unitsLine(report)}`,
  ]);
  sheet.addRow(["", ...table.columns.map((c) => c.label)]).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow([
      row.label,
      ...table.columns.map((column, i) => cellValue(row.cells[i], column.kind)),
    ]);
    table.columns.forEach((column, i) => {
      const cell = added.getCell(i + 2);
      if (typeof cell.value === "number") cell.numFmt = numberFormats[column.kind];
      else cell.alignment = { horizontal: "right" };
    });
    if (row.isTotal) added.font = { bold: true };
  }
  const notes = tableNotes(table);
  if (notes.length > 0) sheet.addRow([]);
  for (const note of notes) sheet.addRow([note]).font = { italic: true, size: 9 };
  sheet.getColumn(1).width = 44;
  table.columns.forEach((_, i) => {
    sheet.getColumn(i + 2).width = 16;
  });
}

export async function yearlyReportXlsx(report: YearlyReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Frid";
  // The report's own time: the same report gives the same file, and no other clock is in it.
  book.created = new Date(report.generatedAt);
  book.modified = book.created;
  const tables = tablesOf(report);
  const names = sheetNames(tables.map((t) => t.title));
  tables.forEach((table, i) => {
    addTableSheet(book, names[i]!, report, table);
  });
  // A workbook needs a sheet: a report without tables says so on one.
  if (tables.length === 0)
    book.addWorksheet(reportTitle(report.year)).addRow(["Rapporten har inga tabeller."]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
