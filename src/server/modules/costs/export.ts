import ExcelJS from "exceljs";
import type { CostFigures, CostReport } from "../../../shared/api/costs.ts";

/**
 * The month's cost report as a file (ADR 0014): XLSX with ExcelJS, one sheet per table, and
 * CSV as Swedish Excel opens it (UTF-8 with a byte-order mark, semicolons, decimal comma).
 * Only what the report holds: unit, place and operator names and figures — never a person,
 * never a place's address.
 */

/** The three tables, each row its name columns and the figures. */
export const sheets = [
  { key: "units", title: "Enheter", names: ["Placerande enhet"] },
  { key: "places", title: "Boenden", names: ["Boende", "Utförare"] },
  { key: "operators", title: "Utförare", names: ["Utförare"] },
] as const;

export const figureHeaders = [
  "Nätter vuxna",
  "Nätter barn",
  "Beräknad kostnad (kr)",
  "Fakturerat (kr)",
  "Skillnad (kr)",
] as const;

type Row = (string | number)[];

function figureCells(f: CostFigures): number[] {
  const difference = Math.round((f.invoiced - f.computed) * 100) / 100;
  return [f.adultNights, f.childNights, f.computed, f.invoiced, difference];
}

/** Each table's rows, its total last. */
function tables(report: CostReport): { title: string; header: string[]; rows: Row[] }[] {
  const rowsOf = {
    units: report.units.map((u) => [u.unitName, ...figureCells(u)]),
    places: report.places.map((p) => [p.placeName, p.operatorName, ...figureCells(p)]),
    operators: report.operators.map((o) => [o.operatorName, ...figureCells(o)]),
  };
  return sheets.map((s) => ({
    title: s.title,
    header: [...s.names, ...figureHeaders],
    rows: [
      ...rowsOf[s.key],
      ["Summa", ...s.names.slice(1).map(() => ""), ...figureCells(report.totals)],
    ],
  }));
}

export async function costReportXlsx(report: CostReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Frid";
  // A fixed date: the same report gives the same file, and no clock is in it.
  book.created = new Date(`${report.month}-01T00:00:00Z`);
  book.modified = book.created;
  for (const table of tables(report)) {
    const sheet = book.addWorksheet(table.title);
    sheet.addRow([`Kostnader ${report.month}`]);
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    const names = table.header.length - figureHeaders.length;
    sheet.columns.forEach((column, i) => {
      column.width = i < names ? 32 : 18;
      if (i >= names + 2) column.numFmt = "#,##0.00";
    });
    sheet.lastRow!.font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A CSV field: quoted when it holds a separator, quote or line break; numbers with comma. */
function csvField(value: string | number): string {
  if (typeof value === "number") return String(value).replace(".", ",");
  // A leading =, +, - or @ would be read as a formula by a spreadsheet: quote it as text.
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line of fields. */
export function csvLine(fields: (string | number)[]): string {
  return fields.map(csvField).join(";");
}

/** Lines as a CSV file for Swedish Excel: a byte-order mark, CRLF after each line. */
export function csvFile(lines: string[]): Buffer {
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(lines.map((l) => `${l}\r\n`).join(""), "utf8"),
  ]);
}

export function costReportCsv(report: CostReport): Buffer {
  const lines: string[] = [];
  for (const table of tables(report)) {
    const names = table.header.length - figureHeaders.length;
    // One table after another, each with its own header; the name columns are padded so the
    // figures line up in the same columns in all three.
    const pad = (row: Row) => [
      ...row.slice(0, names),
      ...Array(2 - names).fill(""),
      ...row.slice(names),
    ];
    lines.push(csvLine(["Tabell", ...pad(table.header)]));
    for (const row of table.rows) lines.push(csvLine([table.title, ...pad(row)]));
  }
  return csvFile(lines);
}
