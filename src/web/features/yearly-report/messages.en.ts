import type { MessagesOf } from "../../i18n/messages";
import type { yearlyReportSv } from "./messages.sv";

// English texts of features/yearly-report: the same keys as messages.sv.ts.
export const yearlyReportEn: MessagesOf<typeof yearlyReportSv> = {
  "yearlyReport.title": "Yearly report",
  "yearlyReport.intro":
    "The follow-up for the social welfare committee for one year: the action plan, investigations, decisions, children, risk assessments, housing, crisis centre, competence, collaboration and the national key figures. Figures only, never names. The report itself is in Swedish.",
  "yearlyReport.forbidden": "The yearly report is for unit managers and analysts.",
  "yearlyReport.choiceTitle": "Choose year and units",
  "yearlyReport.year": "Year",
  "yearlyReport.yearHint": "Four digits, e.g. 2026.",
  "yearlyReport.errorYear": "Enter the year as four digits, e.g. 2026.",
  "yearlyReport.errorYearEarly": "Enter a year from 2000.",
  "yearlyReport.units": "Units",
  "yearlyReport.unitsHint": "Choose none to get all your units.",
  "yearlyReport.submit": "Show the yearly report",
  "yearlyReport.resultTitle": "Yearly report {year}",
  "yearlyReport.dataAsOf": "The figures are read from the reporting replica and hold as of {asOf}.",
  "yearlyReport.coverage": "{units}. The period {from} – {to}. Made {made}.",
  "yearlyReport.noUnits": "No units",
  "yearlyReport.scopeUnit": "Figures are exact: the report covers units you work in yourself.",
  "yearlyReport.scopeOrganisation":
    "Counts from 1 to 4 show as –, and a figure beside them is hidden too so they cannot be worked out from the totals.",
  "yearlyReport.downloadPdf": "Download PDF",
  "yearlyReport.downloadXlsx": "Download XLSX",
  "yearlyReport.downloadCsv": "The table as CSV",
  "yearlyReport.downloadCsvLabel": "The table as CSV: {title}",
  "yearlyReport.summaryTitle": "Summary",
  "yearlyReport.contents": "Contents",
  "yearlyReport.noTables": "The section has no tables for the year.",
  "yearlyReport.omittedTitle": "Sections not included",
  "yearlyReport.chartLabel": "Chart: {title}",
  "yearlyReport.chartHint": "The same figures are in the table below the chart.",
  "yearlyReport.tableLabel": "Table: {title}",
  "yearlyReport.hiddenValue": "hidden",
};
