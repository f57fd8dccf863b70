import {
  RetentionReceiptList,
  RetentionRuleList,
  RetentionRunView,
  type UpdateRetentionRule,
} from "../../../shared/api/retention";
import type { Transport } from "../../api/transport";

export type { RetentionReceiptList, RetentionRuleList, RetentionRunView };

/** Gallring's calls of the Api (api/endpoints.ts assembles every feature's). */
export function retentionApi({ get, post, put, id }: Transport) {
  return {
    retentionRules: (signal?: AbortSignal) =>
      get("/api/retention/rules", RetentionRuleList, signal),
    updateRetentionRule: (code: string, body: UpdateRetentionRule) =>
      put(`/api/retention/rules/${id(code)}`, body, RetentionRuleList),
    retentionDryRun: () => post("/api/retention/runs", {}, RetentionRunView),
    decideRetentionRun: (runId: string) =>
      post(`/api/retention/runs/${id(runId)}/decision`, {}, RetentionRunView),
    retentionReceipts: (runId: string, signal?: AbortSignal) =>
      get(`/api/retention/runs/${id(runId)}/receipts`, RetentionReceiptList, signal),
  };
}
