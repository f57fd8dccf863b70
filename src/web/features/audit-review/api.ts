import { AuditEventList } from "../../../shared/api/audit";
import { pageSize } from "../../../shared/api/paging";
import type { Transport } from "../../api/transport";

/** The audit-review calls of the Api (api/endpoints.ts assembles every feature's). */
export function auditReviewApi({ get, id }: Transport) {
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
  };
}
