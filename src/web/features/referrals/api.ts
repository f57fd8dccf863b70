import type { z } from "zod";
import {
  type AnswerReferralBody,
  type CreateReferralBody,
  type IncomingReferralBody,
  IncomingReferralResult,
  type ReferralRecipient as RecipientSchema,
  ReferralList,
  ReferralRecipientList,
  ReferralView as ReferralSchema,
  type SendReferralBody,
} from "../../../shared/api/referrals";
import type { Transport } from "../../api/transport";

export type Referral = z.infer<typeof ReferralSchema>;
export type ReferralRecipient = z.infer<typeof RecipientSchema>;
export type CreateReferralInput = z.input<typeof CreateReferralBody>;
export type SendReferralInput = z.input<typeof SendReferralBody>;
export type AnswerReferralInput = z.input<typeof AnswerReferralBody>;
export type IncomingReferralInput = z.input<typeof IncomingReferralBody>;

/** The referrals calls of the Api (api/endpoints.ts assembles every feature's). */
export function referralsApi({ get, post, id }: Transport) {
  return {
    referrals: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/referrals`, ReferralList, signal),
    referralRecipients: (signal?: AbortSignal) =>
      get("/api/referrals/recipients", ReferralRecipientList, signal),
    createReferral: (caseId: string, input: CreateReferralInput) =>
      post(`/api/cases/${id(caseId)}/referrals`, input, ReferralSchema),
    sendReferral: (caseId: string, referralId: string, input: SendReferralInput) =>
      post(`/api/cases/${id(caseId)}/referrals/${id(referralId)}/send`, input, ReferralSchema),
    answerReferral: (caseId: string, referralId: string, input: AnswerReferralInput) =>
      post(`/api/cases/${id(caseId)}/referrals/${id(referralId)}/answer`, input, ReferralSchema),
    receiveReferral: (input: IncomingReferralInput) =>
      post("/api/referrals/incoming", input, IncomingReferralResult),
  };
}
