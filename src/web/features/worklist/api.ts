import { CaseDeadlines, Worklist, type WorklistItem } from "../../../shared/api/worklist";
import type { Transport } from "../../api/transport";

export type WorklistKind = WorklistItem["kind"];

/** The worklist calls of the Api (api/endpoints.ts assembles every feature's). */
export function worklistApi({ get, id }: Transport) {
  return {
    // Att göra: deadlines overdue or due within 7 days, filtered and sorted as `list` says
    // (kind, worker, deadline, sort, order); soonest first unless asked.
    worklist: (scope: "mine" | "unit", list: Record<string, string> = {}, signal?: AbortSignal) =>
      get(`/api/worklist?${new URLSearchParams({ scope, ...list })}`, Worklist, signal),
    // One case's deadlines, every one soonest first (its workspace's header and overview).
    caseDeadlines: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/deadlines`, CaseDeadlines, signal),
  };
}
