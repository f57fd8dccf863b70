import type { z } from "zod";
import {
  CoordinatedPlanList,
  CoordinatedPlanOptions,
  CoordinatedPlanView,
  type SaveCoordinatedPlanBody,
} from "../../../shared/api/coordinated-plans";
import type { Transport } from "../../api/transport";

export type CoordinatedPlan = z.infer<typeof CoordinatedPlanView>;
export type CoordinatedPlanChoices = z.infer<typeof CoordinatedPlanOptions>;
export type SaveCoordinatedPlanInput = z.input<typeof SaveCoordinatedPlanBody>;

/** The SIP calls of the Api (api/endpoints.ts assembles every feature's). */
export function coordinatedPlansApi({ get, post, put, id }: Transport) {
  const base = (caseId: string) => `/api/cases/${id(caseId)}/coordinated-plans`;
  return {
    coordinatedPlans: (caseId: string, signal?: AbortSignal) =>
      get(base(caseId), CoordinatedPlanList, signal),
    coordinatedPlanOptions: (caseId: string, signal?: AbortSignal) =>
      get(`${base(caseId)}/options`, CoordinatedPlanOptions, signal),
    coordinatedPlan: (caseId: string, planId: string, signal?: AbortSignal) =>
      get(`${base(caseId)}/${id(planId)}`, CoordinatedPlanView, signal),
    /** Opened only on her consent to share with the region's agency (409 otherwise). */
    openCoordinatedPlan: (caseId: string, input: { agencyId: string; consentId: string }) =>
      post(base(caseId), input, CoordinatedPlanView),
    saveCoordinatedPlan: (caseId: string, planId: string, input: SaveCoordinatedPlanInput) =>
      put(`${base(caseId)}/${id(planId)}`, input, CoordinatedPlanView),
    /** The plan as a PDF for a plain link: printing it discloses it to the plan's agencies. */
    coordinatedPlanPdfUrl: (caseId: string, planId: string) => `${base(caseId)}/${id(planId)}/pdf`,
  };
}
