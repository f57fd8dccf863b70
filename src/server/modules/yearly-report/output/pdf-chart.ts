import type { YearlyReportTable } from "../../../../shared/api/yearly-report.ts";
import {
  type ChartData,
  chartData,
  chartMax,
  chartPalette,
  formatNumber,
  SUPPRESSED,
} from "../../../../shared/yearly-report-format.ts";
import type { PdfWriter } from "../../../output/pdf.ts";
import { area } from "./pdf-table.ts";

/**
 * A table's chart in the PDF: horizontal bars drawn as vectors with pdfkit (no browser, no
 * picture), a bar per row and figure — side by side, or stacked when the table asks — with
 * its value at the end. A hidden figure draws no bar and prints the hidden mark, so the
 * chart says no more than the table beneath it.
 */

const palette = chartPalette;

const labelWidth = 150;
const valueWidth = 56;
const gap = 6;

function barHeight(data: ChartData) {
  return data.stacked || data.series.length === 1 ? 12 : 8;
}

function categoryHeight(w: PdfWriter, data: ChartData, label: string) {
  const bars = data.stacked ? barHeight(data) : barHeight(data) * data.series.length;
  return Math.max(bars, w.doc.heightOfString(label, { width: labelWidth - gap })) + gap;
}

/** The series' names with their colours, on as many lines as they need. */
function drawLegend(w: PdfWriter, data: ChartData) {
  const { doc } = w;
  if (data.series.length < 2) return;
  const { left, width } = area(doc);
  let x = left;
  let y = doc.y;
  data.series.forEach(({ column }, i) => {
    const textWidth = doc.widthOfString(column.label) + 18;
    if (x + textWidth > left + width) {
      x = left;
      y += 12;
    }
    doc.rect(x, y + 1, 8, 8).fill(palette[i % palette.length]!);
    doc.fillColor("black");
    doc.x = x + 11;
    doc.y = y;
    w.text(column.label, { lineBreak: false });
    x += textWidth;
  });
  doc.x = left;
  doc.y = y + 16;
}

/** One category's bars from its top; the value (or the hidden mark) after each. */
function drawBars(w: PdfWriter, data: ChartData, c: ChartData["categories"][number], top: number) {
  const { doc } = w;
  const { left, width } = area(doc);
  const scale = (width - labelWidth - valueWidth) / chartMax(data);
  const h = barHeight(data);
  const x0 = left + labelWidth;
  let x = x0;
  c.values.forEach((value, i) => {
    const y = data.stacked ? top : top + i * h;
    const length = Math.max(0, value ?? 0) * scale;
    if (length > 0) doc.rect(x, y, length, h - 1).fill(palette[i % palette.length]!);
    doc.fillColor("black");
    if (!data.stacked) {
      doc.x = x0 + length + 3;
      doc.y = y + (h - 1 - doc.currentLineHeight()) / 2;
      w.text(value === null ? SUPPRESSED : formatNumber(value, data.kind), { lineBreak: false });
    } else x += length;
  });
  if (data.stacked) {
    const total = c.values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    doc.x = x + 3;
    doc.y = top + (h - 1 - doc.currentLineHeight()) / 2;
    const hidden = c.suppressed.some(Boolean);
    w.text(hidden ? SUPPRESSED : formatNumber(total, data.kind), { lineBreak: false });
  }
}

export function drawChart(w: PdfWriter, table: YearlyReportTable): void {
  const data = chartData(table);
  if (!data) return;
  const { doc } = w;
  w.font("regular", 8);
  const heights = data.categories.map((c) => categoryHeight(w, data, c.label));
  const legend = data.series.length > 1 ? 16 + 12 * Math.floor(data.series.length / 4) : 0;
  const total = legend + heights.reduce((a, b) => a + b, 0);
  if (doc.y + Math.min(total, 200) > area(doc).bottom) doc.addPage();
  drawLegend(w, data);
  const { left } = area(doc);
  data.categories.forEach((c, i) => {
    if (doc.y + heights[i]! > area(doc).bottom) doc.addPage();
    const top = doc.y;
    doc.x = left;
    w.text(c.label, { width: labelWidth - gap });
    drawBars(w, data, c, top);
    doc
      .moveTo(left + labelWidth, top - gap / 2)
      .lineTo(left + labelWidth, top + heights[i]! - gap / 2)
      .lineWidth(0.5)
      .strokeColor("#666666")
      .stroke();
    doc.x = left;
    doc.y = top + heights[i]!;
  });
  doc.moveDown(0.5);
  w.font("regular", 11);
}
