import { AuditEventList } from "../../../shared/api/audit";
import {
  AnomalyList,
  AnomalyView,
  type ConcludeAnomaly,
  LogReviewSettings,
  type NewReviewPlan,
  ReviewPlanList,
  ReviewPlanView,
  type UpdateLogReviewSettings,
} from "../../../shared/api/log-review";
import { pageSize } from "../../../shared/api/paging";
import type { Transport } from "../../api/transport";

/** The audit-review calls of the Api (api/endpoints.ts assembles every feature's). */
export function auditReviewApi({ get, post, put, id }: Transport) {
  return {
    // Access log review.
    /** A page of a log review: the first (with the count when asked), or the one `before`. */
    auditLog: (
      subject: { kind: "person" | "user"; id: string },
      page: { before?: string; count?: boolean; list?: Record<string, string> } = {},
      signal?: AbortSignal,
    ) =>
      get(
        `/api/audit/${subject.kind === "person" ? "persons" : "users"}/${id(subject.id)}?${new URLSearchParams(
          {
            // A review reads many rows: the largest page (shared/api/paging.ts).
            limit: String(pageSize.max),
            // What the review is narrowed to, and its order (outcome, action, user, order).
            ...page.list,
            ...(page.before ? { before: page.before } : {}),
            ...(page.count ? { count: "true" } : {}),
          },
        )}`,
        AuditEventList,
        signal,
      ),
    // Systematic log review (issue 19, item 7).
    /** A page of the anomalies of a period (from, to, kind, concluded), with the count. */
    anomalies: (query: Record<string, string>, signal?: AbortSignal) =>
      get(`/api/audit/anomalies?${new URLSearchParams(query)}`, AnomalyList, signal),
    concludeAnomaly: (body: ConcludeAnomaly) =>
      post("/api/audit/anomalies/conclusions", body, AnomalyView),
    reviewPlans: (signal?: AbortSignal) => get("/api/audit/plans", ReviewPlanList, signal),
    createReviewPlan: (body: NewReviewPlan) => post("/api/audit/plans", body, ReviewPlanView),
    reviewPlanDone: (planId: string) =>
      post(`/api/audit/plans/${id(planId)}/done`, {}, ReviewPlanView),
    endReviewPlan: (planId: string) =>
      post(`/api/audit/plans/${id(planId)}/end`, {}, ReviewPlanView),
    logReviewSettings: (signal?: AbortSignal) =>
      get("/api/audit/settings", LogReviewSettings, signal),
    saveLogReviewSettings: (body: UpdateLogReviewSettings) =>
      put("/api/audit/settings", body, LogReviewSettings),
  };
}
