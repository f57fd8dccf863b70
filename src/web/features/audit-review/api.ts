import { AuditEventList } from "../../../shared/api/audit";
import type { Transport } from "../../api/transport";

/** The audit-review calls of the Api (api/endpoints.ts assembles every feature's). */
export function auditReviewApi({ get, id }: Transport) {
  return {
    // Access log review.
    personAuditLog: (personId: string, signal?: AbortSignal) =>
      get(`/api/audit/persons/${id(personId)}`, AuditEventList, signal),
    userAuditLog: (userId: string, signal?: AbortSignal) =>
      get(`/api/audit/users/${id(userId)}`, AuditEventList, signal),
  };
}
