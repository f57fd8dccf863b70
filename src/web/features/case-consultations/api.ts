import type { z } from "zod";
import {
  type CaseConsultationBody,
  CaseConsultationList,
} from "../../../shared/api/case-consultations";
import type { Transport } from "../../api/transport";

export type CaseConsultations = z.infer<typeof CaseConsultationList>;
export type CaseConsultationInput = z.input<typeof CaseConsultationBody>;

/** The case-consultations calls of the Api (api/endpoints.ts assembles every feature's). */
export function caseConsultationsApi({ get, post, id }: Transport) {
  return {
    // A case's anonymised consultations: without consent, without identity.
    caseConsultations: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/case-consultations`, CaseConsultationList, signal),
    recordCaseConsultation: (caseId: string, input: CaseConsultationInput) =>
      post(`/api/cases/${id(caseId)}/case-consultations`, input, CaseConsultationList),
  };
}
