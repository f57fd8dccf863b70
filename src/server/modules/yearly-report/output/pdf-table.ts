import type { YearlyReportTable } from "../../../../shared/api/yearly-report.ts";
import { cellText } from "../../../../shared/yearly-report-format.ts";
import type { PdfWriter } from "../../../output/pdf.ts";

/**
 * A report table in the PDF as a grid of text: the row labels on the left, a column per
 * figure, right-aligned, a thin rule under each row. A table longer than the page goes on
 * over the next with its header repeated, so no figure is read without its column's name.
 */

const pad = 3;
const rule = "#9a9a9a";

/** Where the page's writing area is. */
export function area(doc: PDFKit.PDFDocument) {
  const left = doc.page.margins.left;
  return {
    left,
    width: doc.page.width - left - doc.page.margins.right,
    bottom: doc.page.height - doc.page.margins.bottom,
  };
}

/** Column widths: the labels get what the figures leave, at least two fifths of the line. */
function widths(doc: PDFKit.PDFDocument, columns: number): number[] {
  const { width } = area(doc);
  if (columns === 0) return [width];
  const label = Math.max(width * 0.4, width - columns * 72);
  const figure = (width - label) / columns;
  return [label, ...Array<number>(columns).fill(figure)];
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], cellWidths: number[]) {
  const heights = cells.map((c, i) =>
    doc.heightOfString(c || " ", { width: cellWidths[i]! - 2 * pad }),
  );
  return Math.max(...heights) + 2 * pad;
}

/** One row of cells at the current line; the caller has made sure it fits. */
function drawRow(w: PdfWriter, cells: string[], cellWidths: number[]) {
  const { doc } = w;
  const { left } = area(doc);
  const top = doc.y;
  const height = rowHeight(doc, cells, cellWidths);
  let x = left;
  cells.forEach((cell, i) => {
    doc.x = x + pad;
    doc.y = top + pad;
    w.text(cell, { width: cellWidths[i]! - 2 * pad, align: i === 0 ? "left" : "right" });
    x += cellWidths[i]!;
  });
  doc
    .moveTo(left, top + height)
    .lineTo(x, top + height)
    .lineWidth(0.5)
    .strokeColor(rule)
    .stroke();
  doc.x = left;
  doc.y = top + height;
}

export function drawTable(w: PdfWriter, table: YearlyReportTable): void {
  const { doc } = w;
  const size = table.columns.length > 4 ? 8 : 9;
  const cellWidths = widths(doc, table.columns.length);
  const header = ["", ...table.columns.map((c) => c.label)];
  const drawHeader = () => {
    w.font("bold", size);
    drawRow(w, header, cellWidths);
  };
  w.font("bold", size);
  // The header and the first row together, so a header is never left alone at a page's foot.
  const firstRow = table.rows[0];
  const start =
    rowHeight(doc, header, cellWidths) +
    (firstRow ? rowHeight(doc, [firstRow.label], cellWidths) : 0);
  if (doc.y + start > area(doc).bottom) doc.addPage();
  drawHeader();
  for (const row of table.rows) {
    const cells = [
      row.label,
      ...table.columns.map((column, i) => {
        const cell = row.cells[i];
        return cell ? cellText(cell, column.kind) : "";
      }),
    ];
    w.font(row.isTotal ? "bold" : "regular", size);
    if (doc.y + rowHeight(doc, cells, cellWidths) > area(doc).bottom) {
      doc.addPage();
      drawHeader();
      w.font(row.isTotal ? "bold" : "regular", size);
    }
    drawRow(w, cells, cellWidths);
  }
  w.font("regular", 11);
}
