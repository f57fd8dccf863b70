import { YearlyReport } from "../../../shared/api/yearly-report";
import type { Transport } from "../../api/transport";
import { type ReportChoice, reportQuery } from "./yearly-report-model";

export type { YearlyReport as YearlyReportView } from "../../../shared/api/yearly-report";

/** The yearly report's calls of the Api (api/endpoints.ts assembles every feature's). */
export function yearlyReportApi({ get }: Transport) {
  return {
    // The committee's report for a year and units: figures only, hidden where small.
    yearlyReport: (choice: ReportChoice, signal?: AbortSignal) =>
      get(`/api/reports/yearly?${reportQuery(choice)}`, YearlyReport, signal),
    // The same report as a file; a link, since the session cookie is all a GET needs.
    yearlyReportFileUrl: (format: "pdf" | "xlsx", choice: ReportChoice) =>
      `/api/reports/yearly/${format}?${reportQuery(choice)}`,
    yearlyReportCsvUrl: (choice: ReportChoice, tableId: string) =>
      `/api/reports/yearly/csv?${reportQuery(choice, tableId)}`,
  };
}
