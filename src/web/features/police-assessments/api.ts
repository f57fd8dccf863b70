import type { z } from "zod";
import {
  PoliceAssessmentList,
  type PoliceAssessmentView,
  type RecordPoliceAssessmentBody,
} from "../../../shared/api/police-assessments";
import type { Transport } from "../../api/transport";

export type PoliceAssessment = z.infer<typeof PoliceAssessmentView>;
export type RecordPoliceAssessmentInput = z.input<typeof RecordPoliceAssessmentBody>;

/** The police-assessments calls of the Api (api/endpoints.ts assembles every feature's). */
export function policeAssessmentsApi({ get, post, id }: Transport) {
  return {
    // The police's own risk assessment, obtained with the client's consent, beside Frid's.
    policeAssessments: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/police-assessments`, PoliceAssessmentList, signal),
    recordPoliceAssessment: (caseId: string, input: RecordPoliceAssessmentInput) =>
      post(`/api/cases/${id(caseId)}/police-assessments`, input, PoliceAssessmentList),
  };
}
