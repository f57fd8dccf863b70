import type { z } from "zod";
import {
  type FollowUpOutcome,
  PlanList,
  type PlanView,
  type RecordFollowUpBody,
  type SavePlanBody,
} from "../../../shared/api/plans";
import type { Transport } from "../../api/transport";

export type FollowUpOutcomeCode = z.infer<typeof FollowUpOutcome>;
export type FollowUpView = PlanView["followUps"][number];
export type SavePlanInput = z.input<typeof SavePlanBody>;
export type RecordFollowUpInput = z.input<typeof RecordFollowUpBody>;

/** The plans calls of the Api (api/endpoints.ts assembles every feature's). */
export function plansApi({ get, post, put, id }: Transport) {
  return {
    // Implementation plans of granted decisions, and their follow-ups. Changes answer with
    // all the case's plans.
    plans: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/plans`, PlanList, signal),
    savePlan: (caseId: string, decisionId: string, input: SavePlanInput) =>
      put(`/api/cases/${id(caseId)}/decisions/${id(decisionId)}/plan`, input, PlanList),
    recordFollowUp: (caseId: string, planId: string, input: RecordFollowUpInput) =>
      post(`/api/cases/${id(caseId)}/plans/${id(planId)}/follow-ups`, input, PlanList),
  };
}
