import type { z } from "zod";
import {
  SafetyPlanHistory,
  SafetyPlanView,
  type SaveSafetyPlanBody,
} from "../../../shared/api/safety-plans";
import type { Transport } from "../../api/transport";

export type SafetyPlan = z.infer<typeof SafetyPlanView>;
export type SaveSafetyPlanInput = z.input<typeof SaveSafetyPlanBody>;

/** The safety-plans calls of the Api (api/endpoints.ts assembles every feature's). */
export function safetyPlansApi({ get, put, id }: Transport) {
  return {
    // The case's safety plan: every save a new version, made from the version shown (409 if
    // someone saved meanwhile). Handed over on paper, never mailed.
    safetyPlan: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/safety-plan`, SafetyPlanView, signal),
    safetyPlanHistory: (caseId: string, before: string) =>
      get(
        `/api/cases/${id(caseId)}/safety-plan/history?${new URLSearchParams({ before })}`,
        SafetyPlanHistory,
      ),
    safetyPlanVersion: (caseId: string, version: number, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/safety-plan/versions/${version}`, SafetyPlanView, signal),
    saveSafetyPlan: (caseId: string, input: SaveSafetyPlanInput) =>
      put(`/api/cases/${id(caseId)}/safety-plan`, input, SafetyPlanView),
    /** The current plan as a PDF, for a plain link: the session cookie is all a GET needs. */
    safetyPlanPdfUrl: (caseId: string) => `/api/cases/${id(caseId)}/safety-plan/pdf`,
  };
}
