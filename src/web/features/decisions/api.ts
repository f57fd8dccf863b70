import type { z } from "zod";
import {
  ChildPlacementView,
  type RecordCourtStepBody,
  type RecordPlacementReviewBody,
  type RevokeConsentBody,
} from "../../../shared/api/child-placement";
import {
  DecisionList,
  type DecisionOutcome,
  DecisionView,
  type InterventionKind,
  type RecordDecisionBody,
} from "../../../shared/api/decisions";
import type { Transport } from "../../api/transport";

export type InterventionKindCode = z.infer<typeof InterventionKind>;
export type DecisionOutcomeCode = z.infer<typeof DecisionOutcome>;
export type RecordDecisionInput = z.input<typeof RecordDecisionBody>;
export type DecisionListView = z.infer<typeof DecisionList>;
export type LetterDeliveryView = DecisionListView["letterDelivery"];
export type PlacementView = z.infer<typeof ChildPlacementView>;
export type PlacementBasisCode = PlacementView["basis"];
export type ConsentFormCode = PlacementView["consents"][number]["form"];
export type CourtOutcomeCode = NonNullable<PlacementView["courtOutcome"]>;
export type RecordCourtStepInput = z.input<typeof RecordCourtStepBody>;
export type RecordPlacementReviewInput = z.input<typeof RecordPlacementReviewBody>;
export type RevokeConsentInput = z.input<typeof RevokeConsentBody>;

/** The decisions calls of the Api (api/endpoints.ts assembles every feature's). */
export function decisionsApi({ get, post, id }: Transport) {
  return {
    // Decisions on interventions (newest first); a denial carries how to appeal.
    decisions: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/decisions`, DecisionList, signal),
    recordDecision: (caseId: string, input: RecordDecisionInput) =>
      post(`/api/cases/${id(caseId)}/decisions`, input, DecisionView),
    /** The decision letter (PDF), for a plain link: the session cookie is all a GET needs. */
    decisionLetterUrl: (caseId: string, decisionId: string) =>
      `/api/cases/${id(caseId)}/decisions/${id(decisionId)}/letter`,
    // A child's placement in sheltered housing: lag (2024:79) court steps and reviews.
    recordCourtStep: (caseId: string, decisionId: string, input: RecordCourtStepInput) =>
      post(
        `/api/cases/${id(caseId)}/decisions/${id(decisionId)}/placement/court`,
        input,
        ChildPlacementView,
      ),
    revokeConsent: (caseId: string, consentId: string, input: RevokeConsentInput) =>
      post(`/api/cases/${id(caseId)}/consents/${id(consentId)}/revoke`, input, ChildPlacementView),
    recordPlacementReview: (
      caseId: string,
      decisionId: string,
      input: RecordPlacementReviewInput,
    ) =>
      post(
        `/api/cases/${id(caseId)}/decisions/${id(decisionId)}/placement/reviews`,
        input,
        ChildPlacementView,
      ),
  };
}
