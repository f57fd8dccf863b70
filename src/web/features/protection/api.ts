import {
  PersonRevealList,
  ProtectedPersonList,
  ProtectionChecklist,
  ProtectionConsultation,
  type ProtectionConsultationBody,
} from "../../../shared/api/protection";
import type { Transport } from "../../api/transport";

export type { PersonRevealList, ProtectedPersonList, ProtectionChecklist, ProtectionConsultation };
export type ProtectionConsultationInput = ProtectionConsultationBody;
export type ChecklistItemName = ProtectionChecklist["items"][number]["item"];

/** The protection officer's page and a case's mail-and-payment routine (issue 19, item 3). */
export function protectionApi({ get, post, put, id }: Transport) {
  const person = (personId: string) => `/api/protection/persons/${id(personId)}`;
  return {
    protectedPersons: (signal?: AbortSignal) =>
      get("/api/protection/persons", ProtectedPersonList, signal),
    personReveals: (personId: string, signal?: AbortSignal) =>
      get(`${person(personId)}/reveals`, PersonRevealList, signal),
    recordProtectionConsultation: (personId: string, input: ProtectionConsultationInput) =>
      post(`${person(personId)}/consultations`, input, ProtectionConsultation),
    protectionChecklist: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/protection-checklist`, ProtectionChecklist, signal),
    setChecklistItem: (caseId: string, item: ChecklistItemName, done: boolean) =>
      put(
        `/api/cases/${id(caseId)}/protection-checklist/${id(item)}`,
        { done },
        ProtectionChecklist,
      ),
  };
}
