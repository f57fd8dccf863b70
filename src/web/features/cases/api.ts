import type { z } from "zod";
import {
  CaseList,
  type CaseType,
  CaseView,
  StaffList,
  StatusHistoryPage,
} from "../../../shared/api/cases";
import type { CaseStatus, ClosedReason } from "../../../shared/case-status";
import { deleteJson, parseWith } from "../../api/client";
import type { Transport } from "../../api/transport";
import type { CaseOutcomeInput } from "../outcomes/api";

export type StaffMember = z.infer<typeof StaffList>["users"][number];
/** A move along the case's status flow; a reason when closing, a comment when asked for. */
export interface ChangeStatusInput {
  to: CaseStatus;
  reason: ClosedReason | null;
  comment: string | null;
  /** The outcome when closing a case that had a goal (issue 20, features/outcomes). */
  outcome?: CaseOutcomeInput | null;
}

/** The cases calls of the Api (api/endpoints.ts assembles every feature's). */
export function casesApi({ call, get, post, opts, id }: Transport) {
  return {
    // Cases.
    /**
     * A page of a case list: the first (with the count when asked), or the one `before`;
     * `list` the filters and sort set (status, type, worker, sort, order).
     */
    cases: (
      scope: "mine" | "all",
      page: { before?: string; count?: boolean; list?: Record<string, string> } = {},
      signal?: AbortSignal,
    ) =>
      get(
        `/api/cases?${new URLSearchParams({
          scope,
          ...page.list,
          ...(page.before ? { before: page.before } : {}),
          ...(page.count ? { count: "true" } : {}),
        })}`,
        CaseList,
        signal,
      ),
    openCase: (personId: string, unitId: string, caseType: CaseType) =>
      post("/api/cases", { personId, unitId, caseType }, CaseView),
    caseById: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}`, CaseView, signal),
    assign: (caseId: string, userId: string) =>
      post(`/api/cases/${id(caseId)}/assignments`, { userId }, CaseView),
    unassign: (caseId: string, userId: string) =>
      call(async () =>
        parseWith(
          CaseView,
          await deleteJson(`/api/cases/${id(caseId)}/assignments/${id(userId)}`, opts()),
        ),
      ),
    staff: (unitId: string, signal?: AbortSignal) =>
      get(`/api/units/${id(unitId)}/staff`, StaffList, signal),
    /** The unit's staff the manager may assign to this case or grant it (no barred colleague). */
    assignableStaff: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/assignable-staff`, StaffList, signal),
    grant: (caseId: string, userId: string, reason: string, expiresAt: string) =>
      post(`/api/cases/${id(caseId)}/grants`, { userId, reason, expiresAt }, CaseView),
    changeStatus: (caseId: string, input: ChangeStatusInput) =>
      post(`/api/cases/${id(caseId)}/status`, input, CaseView),
    statusHistory: (caseId: string, before: string) =>
      get(
        `/api/cases/${id(caseId)}/status-history?${new URLSearchParams({ before })}`,
        StatusHistoryPage,
      ),
  };
}
