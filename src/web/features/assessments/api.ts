import type { z } from "zod";
import {
  AssessmentList,
  AssessmentPage,
  AssessmentView,
  InstrumentDefinition,
  InstrumentList,
  RiskHistory,
  type SaveAssessmentBody,
} from "../../../shared/api/assessments";
import type { CaseType, CaseView } from "../../../shared/api/cases";
import type { Transport } from "../../api/transport";

export type SaveAssessmentInput = z.input<typeof SaveAssessmentBody>;
export type CurrentRisk = NonNullable<CaseView["currentRisk"]>;
export type RiskHistoryView = z.infer<typeof RiskHistory>;

/** The assessments calls of the Api (api/endpoints.ts assembles every feature's). */
export function assessmentsApi({ get, post, put, id }: Transport) {
  return {
    // Risk assessments: instruments as versioned data; drafts saved, then completed once.
    instruments: (caseType: CaseType, signal?: AbortSignal) =>
      get(`/api/instruments?caseType=${id(caseType)}`, InstrumentList, signal),
    instrumentVersion: (instrumentId: string, version: number, signal?: AbortSignal) =>
      get(`/api/instruments/${id(instrumentId)}/versions/${version}`, InstrumentDefinition, signal),
    assessments: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/assessments`, AssessmentList, signal),
    assessmentHistory: (caseId: string, before: string) =>
      get(
        `/api/cases/${id(caseId)}/assessments/history?${new URLSearchParams({ before })}`,
        AssessmentPage,
      ),
    startAssessment: (caseId: string, instrumentId: string) =>
      post(`/api/cases/${id(caseId)}/assessments`, { instrumentId }, AssessmentView),
    saveAssessment: (caseId: string, assessmentId: string, input: SaveAssessmentInput) =>
      put(`/api/cases/${id(caseId)}/assessments/${id(assessmentId)}`, input, AssessmentView),
    completeAssessment: (
      caseId: string,
      assessmentId: string,
      input: { judgements: Record<string, string>; reasons: string },
    ) =>
      post(
        `/api/cases/${id(caseId)}/assessments/${id(assessmentId)}/complete`,
        input,
        AssessmentView,
      ),
    /** The person's completed assessments over time, oldest first (cases the caller sees). */
    riskHistory: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}/risk-history`, RiskHistory, signal),
  };
}
