import type {
  YearlyReport,
  YearlyReportSection,
  YearlyReportTable,
} from "../../../../shared/api/yearly-report.ts";
import { sectionNames, tableNotes } from "../../../../shared/yearly-report-format.ts";
import { type PdfWriter, writePdf } from "../../../output/pdf.ts";
import { drawChart } from "./pdf-chart.ts";
import { drawTable } from "./pdf-table.ts";

/**
 * The committee's yearly report as a PDF (issue 20, item 4), written by Frid's one PDF writer
 * (output/pdf.ts: DejaVu Sans, so every unit's name prints as written): a title page, then
 * each section's sentences, and each table's chart (vector bars) above the table itself. A
 * hidden figure prints as "–" with a note under its table; the report never held it.
 */

export interface ReportPrint {
  organisation: string;
  report: YearlyReport;
}

const minute = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
/** "2026-12-01 14:05", the time in Stockholm. */
export const stockholmMinute = (at: string) => minute.format(new Date(at));

export const reportTitle = (year: number) => `Årsrapport ${year}`;

/** Which units the report covers, as the title page says it. */
export function unitsLine(report: YearlyReport): string {
  const names = report.units.map((u) => u.name);
  return names.length === 0 ? "Enheter: inga" : `Enheter: ${names.join(", ")}`;
}

function scopeLine(report: YearlyReport): string {
  return report.suppressed
    ? "Antal från 1 till 4 visas inte (–), och inte heller en siffra som skulle avslöja dem."
    : "Alla siffror visas exakt: rapporten gäller enheter du själv arbetar i.";
}

function titlePage(w: PdfWriter, { organisation, report }: ReportPrint) {
  const { text, font, doc } = w;
  doc.moveDown(6);
  font("bold", 28);
  text(reportTitle(report.year));
  font("regular", 15);
  text("Arbetet mot våld i nära relationer");
  text("Uppföljning till socialnämnden");
  doc.moveDown(2);
  font("regular", 11);
  text(`Organisation: ${organisation}`);
  text(unitsLine(report));
  text(`Period: ${report.from} – ${report.to}`);
  text(`Framställd: ${stockholmMinute(report.generatedAt)}`);
  // Read from the reporting replica: the paper says how fresh its figures were.
  if (report.dataAsOf) text(`Uppgifterna gäller per: ${stockholmMinute(report.dataAsOf)}`);
  text(scopeLine(report));
  if (report.summary.length > 0) {
    w.heading("Sammanfattning", 13);
    for (const sentence of report.summary) text(sentence, { paragraphGap: 4 });
  }
  if (report.sections.length > 0) {
    w.heading("Innehåll", 13);
    for (const section of report.sections) text(section.title);
  }
}

function drawNotes(w: PdfWriter, table: YearlyReportTable) {
  const notes = tableNotes(table);
  if (notes.length === 0) return;
  w.doc.moveDown(0.3);
  w.font("regular", 8);
  for (const note of notes) w.text(note);
  w.font("regular", 11);
}

function drawSection(w: PdfWriter, section: YearlyReportSection) {
  const { doc } = w;
  // A section starts on a page of its own unless the page has just begun.
  if (doc.y > doc.page.margins.top + 1) doc.addPage();
  w.font("bold", 17);
  w.text(section.title);
  w.font("regular", 11);
  for (const sentence of section.summary) {
    doc.moveDown(0.3);
    w.text(sentence);
  }
  if (section.tables.length === 0) {
    doc.moveDown(0.3);
    w.text("Avsnittet har inga tabeller för året.");
  }
  for (const table of section.tables) {
    w.heading(table.title, 12);
    doc.moveDown(0.3);
    drawChart(w, table);
    drawTable(w, table);
    drawNotes(w, table);
  }
}

function omittedPage(w: PdfWriter, report: YearlyReport) {
  if (report.omitted.length === 0) return;
  w.doc.addPage();
  w.font("bold", 17);
  w.text("Avsnitt som inte ingår");
  w.font("regular", 11);
  for (const o of report.omitted) {
    w.doc.moveDown(0.3);
    w.text(`${sectionNames[o.id]}: ${o.reason}`);
  }
}

export function yearlyReportPdf(print: ReportPrint): Promise<Buffer> {
  const { report } = print;
  const info = {
    title: `${reportTitle(report.year)} – ${print.organisation}`,
    author: print.organisation,
    subject: "Arbetet mot våld i nära relationer: uppföljning till socialnämnden",
  };
  return writePdf(info, (w) => {
    titlePage(w, print);
    for (const section of report.sections) drawSection(w, section);
    omittedPage(w, report);
  });
}
