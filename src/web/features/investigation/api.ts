import type { z } from "zod";
import { InvestigationView, type SaveInvestigationBody } from "../../../shared/api/investigation";
import type { Transport } from "../../api/transport";

export type InvestigationSection = InvestigationView["sectionKeys"][number];
export type SaveInvestigationInput = z.input<typeof SaveInvestigationBody>;

/** The investigation calls of the Api (api/endpoints.ts assembles every feature's). */
export function investigationApi({ get, post, put, id }: Transport) {
  return {
    // The investigation (utredning) in sections; completed, it no longer changes.
    investigation: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/investigation`, InvestigationView, signal),
    saveInvestigation: (caseId: string, input: SaveInvestigationInput) =>
      put(`/api/cases/${id(caseId)}/investigation`, input, InvestigationView),
    completeInvestigation: (caseId: string) =>
      post(`/api/cases/${id(caseId)}/investigation/complete`, {}, InvestigationView),
    /** The report as a PDF, for a plain link: the session cookie is all a GET needs. */
    investigationPdfUrl: (caseId: string) => `/api/cases/${id(caseId)}/investigation/pdf`,
  };
}
