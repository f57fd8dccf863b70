import {
  type AgreementBody,
  AgreementList,
  AgreementView,
  type AssignmentBody,
  AssignmentView,
  type FollowUpBody,
} from "../../../shared/api/agreements";
import type { Transport } from "../../api/transport";

export type { AgreementList, AgreementView, AssignmentView };
export type AgreementInput = AgreementBody;
export type FollowUpInput = FollowUpBody;
export type AssignmentInput = AssignmentBody;

/** Collaboration agreements and assignments (api/endpoints.ts assembles every feature's). */
export function agreementsApi({ get, post, id }: Transport) {
  const agreement = (agreementId: string) => `/api/agreements/${id(agreementId)}`;
  return {
    agreements: (signal?: AbortSignal) => get("/api/agreements", AgreementList, signal),
    agreement: (agreementId: string, signal?: AbortSignal) =>
      get(agreement(agreementId), AgreementView, signal),
    createAgreement: (input: AgreementInput) => post("/api/agreements", input, AgreementView),
    recordAgreementFollowUp: (agreementId: string, input: FollowUpInput) =>
      post(`${agreement(agreementId)}/follow-ups`, input, AgreementView),
    createAssignment: (input: AssignmentInput) => post("/api/assignments", input, AssignmentView),
  };
}
