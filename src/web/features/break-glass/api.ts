import {
  type BreakGlassBody,
  type BreakGlassConclusionBody,
  BreakGlassOpened,
  BreakGlassReviewDetail,
  BreakGlassReviewList,
} from "../../../shared/api/break-glass";
import type { Transport } from "../../api/transport";

export type { BreakGlassReviewDetail, BreakGlassReviewList };
export type BreakGlassReviewState = "open" | "concluded" | "all";

/** Break-glass's calls (issue 19, item 6; api/endpoints.ts assembles every feature's). */
export function breakGlassApi({ get, post, id }: Transport) {
  return {
    /** The worker's emergency access: read only, for an hour. */
    openBreakGlass: (input: BreakGlassBody) => post("/api/break-glass", input, BreakGlassOpened),
    breakGlassReviews: (state: BreakGlassReviewState, signal?: AbortSignal) =>
      get(`/api/break-glass/reviews?state=${state}`, BreakGlassReviewList, signal),
    breakGlassReview: (grantId: string, signal?: AbortSignal) =>
      get(`/api/break-glass/reviews/${id(grantId)}`, BreakGlassReviewDetail, signal),
    concludeBreakGlass: (grantId: string, input: BreakGlassConclusionBody) =>
      post(`/api/break-glass/reviews/${id(grantId)}`, input, BreakGlassReviewDetail),
  };
}
