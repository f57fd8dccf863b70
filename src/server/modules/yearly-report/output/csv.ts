import type { YearlyReport, YearlyReportTable } from "../../../../shared/api/yearly-report.ts";
import { cellValue } from "../../../../shared/yearly-report-format.ts";
import { csvFile, csvLine } from "../../costs/export.ts";

/**
 * One table of the yearly report as CSV for Swedish Excel (costs/export.ts: a byte-order
 * mark, semicolons, decimal comma, CRLF, formula-looking text quoted): a header of the
 * table's title and its columns, then a line per row. A figure is the number the report
 * holds; a hidden one is "–" and a missing one "..", as on the page and in the PDF.
 */

/** The tables of a report by their ids, in the report's order. */
export function tablesOf(report: YearlyReport): YearlyReportTable[] {
  return report.sections.flatMap((s) => s.tables);
}

export function tableCsv(table: YearlyReportTable): Buffer {
  const lines = [csvLine([table.title, ...table.columns.map((c) => c.label)])];
  for (const row of table.rows)
    lines.push(
      csvLine([
        row.label,
        ...table.columns.map((column, i) => cellValue(row.cells[i], column.kind)),
      ]),
    );
  return csvFile(lines);
}
