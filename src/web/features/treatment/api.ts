import type { z } from "zod";
import {
  type EndTreatmentBody,
  type RecordSessionBody,
  type RegisterTreatmentBody,
  TreatmentResult,
  type TreatmentView,
} from "../../../shared/api/treatment";
import type { Transport } from "../../api/transport";

export type Treatment = z.infer<typeof TreatmentView>;
export type RegisterTreatmentInput = z.input<typeof RegisterTreatmentBody>;
export type RecordSessionInput = z.input<typeof RecordSessionBody>;
export type EndTreatmentInput = z.input<typeof EndTreatmentBody>;

/** The treatment calls of the Api (api/endpoints.ts assembles every feature's). */
export function treatmentApi({ get, post, id }: Transport) {
  return {
    // Treatment of a person who uses violence (a perpetrator case).
    treatment: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/treatment`, TreatmentResult, signal),
    registerTreatment: (caseId: string, input: RegisterTreatmentInput) =>
      post(`/api/cases/${id(caseId)}/treatment`, input, TreatmentResult),
    startTreatment: (caseId: string, startedOn: string) =>
      post(`/api/cases/${id(caseId)}/treatment/start`, { startedOn }, TreatmentResult),
    recordSession: (caseId: string, input: RecordSessionInput) =>
      post(`/api/cases/${id(caseId)}/treatment/sessions`, input, TreatmentResult),
    endTreatment: (caseId: string, input: EndTreatmentInput) =>
      post(`/api/cases/${id(caseId)}/treatment/end`, input, TreatmentResult),
  };
}
