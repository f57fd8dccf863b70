import type { z } from "zod";
import { ChildTrackView } from "../../../shared/api/child-track";
import type { Transport } from "../../api/transport";

export type ChildTrack = z.infer<typeof ChildTrackView>;
export type ChildReport = ChildTrack["reports"][number];
export interface ProtectionAssessmentInput {
  intakeId: string;
  needsImmediateProtection: boolean;
  reasoning: string;
}
export interface PreliminaryDecisionInput {
  openInvestigation: boolean;
  reasoning: string;
}
/** extendedUntil is a date, YYYY-MM-DD. */
export interface ExtensionInput {
  extendedUntil: string;
  reason: string;
}

/** The child-track calls of the Api (api/endpoints.ts assembles every feature's). */
export function childTrackApi({ get, post, id }: Transport) {
  return {
    // The children's track (barnspåret) of a child's case.
    childTrack: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/child-track`, ChildTrackView, signal),
    recordProtectionAssessment: (caseId: string, input: ProtectionAssessmentInput) =>
      post(`/api/cases/${id(caseId)}/protection-assessments`, input, ChildTrackView),
    decidePreliminary: (caseId: string, input: PreliminaryDecisionInput) =>
      post(`/api/cases/${id(caseId)}/preliminary-decision`, input, ChildTrackView),
    extendInvestigation: (caseId: string, input: ExtensionInput) =>
      post(`/api/cases/${id(caseId)}/investigation-extensions`, input, ChildTrackView),
  };
}
