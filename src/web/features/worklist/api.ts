import { CaseDeadlines, Worklist, type WorklistItem } from "../../../shared/api/worklist";
import type { Transport } from "../../api/transport";

export type WorklistKind = WorklistItem["kind"];

/** The worklist calls of the Api (api/endpoints.ts assembles every feature's). */
export function worklistApi({ get, id }: Transport) {
  return {
    // Att göra: deadlines overdue or due within 7 days, sorted by due.
    worklist: (scope: "mine" | "unit", signal?: AbortSignal) =>
      get(`/api/worklist?scope=${scope}`, Worklist, signal),
    // One case's deadlines, every one soonest first (its workspace's header and overview).
    caseDeadlines: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/deadlines`, CaseDeadlines, signal),
  };
}
