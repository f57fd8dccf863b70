import type { z } from "zod";
import { CostReport, Invoice, type InvoiceInput, StayCosts } from "../../../shared/api/costs";
import type { Transport } from "../../api/transport";

export type CostReportView = z.infer<typeof CostReport>;
export type StayCostsView = z.infer<typeof StayCosts>;
export type InvoiceBody = InvoiceInput;

/** The costs calls of the Api (api/endpoints.ts assembles every feature's). */
export function costsApi({ get, post, id }: Transport) {
  const reportQuery = (month: string, unitId?: string) => {
    const query = new URLSearchParams({ month });
    if (unitId) query.set("unitId", unitId);
    return query;
  };
  return {
    costReport: (month: string, unitId?: string, signal?: AbortSignal) =>
      get(`/api/costs?${reportQuery(month, unitId)}`, CostReport, signal),
    costReportXlsxUrl: (month: string, unitId?: string) =>
      `/api/costs.xlsx?${reportQuery(month, unitId)}`,
    costReportCsvUrl: (month: string, unitId?: string) =>
      `/api/costs.csv?${reportQuery(month, unitId)}`,
    stayCosts: (stayId: string, signal?: AbortSignal) =>
      get(`/api/stays/${id(stayId)}/costs`, StayCosts, signal),
    recordInvoice: (stayId: string, body: InvoiceInput) =>
      post(`/api/stays/${id(stayId)}/invoices`, body, Invoice),
  };
}
