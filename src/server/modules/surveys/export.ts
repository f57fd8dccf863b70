import ExcelJS from "exceljs";
import type { SurveyResults } from "../../../shared/api/surveys.ts";
import { csvFile, csvLine } from "../costs/export.ts";

/**
 * A survey's result as a file (ExcelJS and the CSV of costs/export.ts, ADR 0014): one table
 * per respondent group — topic, count, share in per cent — as seed 002 prints them. Counts
 * only; the free-text answers are left out of the files (they stay on the page, read with
 * their warning, and are not passed on in a spreadsheet).
 */
const header = ["Ämne", "Antal", "%"];

const groupName = (group: string | null) => group ?? "Alla grupper";

export async function resultsXlsx(results: SurveyResults): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Frid";
  // A fixed date: the same result gives the same file.
  book.created = new Date(`${results.closesOn}T00:00:00Z`);
  book.modified = book.created;
  for (const table of results.tables) {
    // A sheet's name is at most 31 characters, without : \ / ? * [ ]
    const name = groupName(table.group)
      .replace(/[:\\/?*[\]]/g, " ")
      .slice(0, 31);
    const sheet = book.addWorksheet(name);
    sheet.addRow([results.title]);
    sheet.addRow([`${groupName(table.group)}: ${table.answered} av ${table.invited} har svarat`]);
    sheet.addRow(header).font = { bold: true };
    for (const row of table.rows) sheet.addRow([row.label, row.count, row.share ?? ""]);
    sheet.getColumn(1).width = 44;
    sheet.getColumn(2).width = 10;
    sheet.getColumn(3).width = 10;
    sheet.getColumn(3).numFmt = "0.0";
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One line per topic and group, for Swedish Excel (semicolons, decimal comma). */
export function resultsCsv(results: SurveyResults): Buffer {
  const lines = [csvLine(["Grupp", "Svarat", "Tillfrågade", ...header])];
  for (const table of results.tables)
    for (const row of table.rows)
      lines.push(
        csvLine([
          groupName(table.group),
          table.answered,
          table.invited,
          row.label,
          row.count,
          row.share ?? "",
        ]),
      );
  return csvFile(lines);
}
