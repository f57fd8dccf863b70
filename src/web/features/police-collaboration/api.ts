import type { z } from "zod";
import {
  PoliceCollaborationView,
  type RecordPoliceIncidentBody,
  type RestrainingOrderBody,
  type SafetyAlarmBody,
} from "../../../shared/api/police-collaboration";
import type { Transport } from "../../api/transport";

export type PoliceCollaboration = z.infer<typeof PoliceCollaborationView>;
export type RestrainingOrder = PoliceCollaboration["restrainingOrders"][number];
export type SafetyAlarm = PoliceCollaboration["safetyAlarms"][number];
export type PoliceIncidentInput = z.input<typeof RecordPoliceIncidentBody>;
export type RestrainingOrderInput = z.input<typeof RestrainingOrderBody>;
export type SafetyAlarmInput = z.input<typeof SafetyAlarmBody>;

/** The police-collaboration calls of the Api (api/endpoints.ts assembles every feature's). */
export function policeCollaborationApi({ get, post, put, id }: Transport) {
  const base = (caseId: string) => `/api/cases/${id(caseId)}`;
  return {
    // Restraining orders, alarms, police-reported incidents and the police's latest assessment.
    policeCollaboration: (caseId: string, signal?: AbortSignal) =>
      get(`${base(caseId)}/police-collaboration`, PoliceCollaborationView, signal),
    recordPoliceIncident: (caseId: string, input: PoliceIncidentInput) =>
      post(`${base(caseId)}/police-incidents`, input, PoliceCollaborationView),
    recordRestrainingOrder: (caseId: string, input: RestrainingOrderInput) =>
      post(`${base(caseId)}/restraining-orders`, input, PoliceCollaborationView),
    updateRestrainingOrder: (
      caseId: string,
      orderId: string,
      input: RestrainingOrderInput & { version: number },
    ) => put(`${base(caseId)}/restraining-orders/${id(orderId)}`, input, PoliceCollaborationView),
    recordSafetyAlarm: (caseId: string, input: SafetyAlarmInput) =>
      post(`${base(caseId)}/safety-alarms`, input, PoliceCollaborationView),
    updateSafetyAlarm: (
      caseId: string,
      alarmId: string,
      input: SafetyAlarmInput & { version: number },
    ) => put(`${base(caseId)}/safety-alarms/${id(alarmId)}`, input, PoliceCollaborationView),
  };
}
