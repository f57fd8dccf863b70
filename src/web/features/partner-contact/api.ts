import type { z } from "zod";
import {
  BarrierEventList,
  BarrierEventPage,
  type BarrierEventView,
  type RaiseRiskAlertBody,
} from "../../../shared/api/barrier-events";
import {
  type OfferSupportBody,
  PartnerCaseView,
  PartnerSmsView,
  type RecordAttemptBody,
} from "../../../shared/api/partner-contact";
import {
  type AddPartnerBody,
  type PartnerRefusalBody,
  TreatmentResult,
} from "../../../shared/api/treatment";
import type { Transport } from "../../api/transport";

export type AddPartnerInput = z.input<typeof AddPartnerBody>;
export type PartnerRefusalInput = z.input<typeof PartnerRefusalBody>;
export type PartnerCase = z.infer<typeof PartnerCaseView>;
export type RecordAttemptInput = z.input<typeof RecordAttemptBody>;
export type OfferSupportInput = z.input<typeof OfferSupportBody>;
export type BarrierEvent = z.infer<typeof BarrierEventView>;
export type BarrierEventListView = z.infer<typeof BarrierEventList>;
export type RaiseRiskAlertInput = z.input<typeof RaiseRiskAlertBody>;

/** The partner-contact calls of the Api (api/endpoints.ts assembles every feature's). */
export function partnerContactApi({ get, post, put, id }: Transport) {
  return {
    // Partner contact on his side: information, consent per partner or an exception, refusal.
    recordPartnerInformation: (caseId: string, informedOn: string) =>
      post(`/api/cases/${id(caseId)}/partner-contact/information`, { informedOn }, TreatmentResult),
    addPartner: (caseId: string, input: AddPartnerInput) =>
      post(`/api/cases/${id(caseId)}/partner-contact/partners`, input, TreatmentResult),
    recordPartnerRefusal: (caseId: string, input: PartnerRefusalInput) =>
      post(`/api/cases/${id(caseId)}/partner-contact/refusal`, input, TreatmentResult),
    withdrawPartnerConsent: (caseId: string, partnerId: string, withdrawnOn: string) =>
      post(
        `/api/cases/${id(caseId)}/partner-contact/partners/${id(partnerId)}/withdraw`,
        { withdrawnOn },
        TreatmentResult,
      ),
    // Her side (a partner_contact case): reaching her, and support of her own.
    partnerCase: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/partner-contact`, PartnerCaseView, signal),
    /** Her information letter as a PDF, for a plain link (409 when letters are not safe). */
    partnerLetterUrl: (caseId: string) => `/api/cases/${id(caseId)}/partner-contact/letter`,
    partnerSms: (caseId: string) =>
      get(`/api/cases/${id(caseId)}/partner-contact/sms`, PartnerSmsView),
    recordContactAttempt: (caseId: string, input: RecordAttemptInput) =>
      post(`/api/cases/${id(caseId)}/partner-contact/attempts`, input, PartnerCaseView),
    offerPartnerSupport: (caseId: string, input: OfferSupportInput) =>
      put(`/api/cases/${id(caseId)}/partner-contact/support`, input, PartnerCaseView),
    // Across the information barrier: structured events, risk alerts, acknowledgement.
    barrierEvents: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/barrier-events`, BarrierEventList, signal),
    barrierEventHistory: (caseId: string, before: string) =>
      get(
        `/api/cases/${id(caseId)}/barrier-events/history?${new URLSearchParams({ before })}`,
        BarrierEventPage,
      ),
    raiseRiskAlert: (caseId: string, input: RaiseRiskAlertInput) =>
      post(`/api/cases/${id(caseId)}/risk-alerts`, input, BarrierEventList),
    acknowledgeBarrierEvent: (caseId: string, eventId: string) =>
      post(
        `/api/cases/${id(caseId)}/barrier-events/${id(eventId)}/acknowledge`,
        {},
        BarrierEventList,
      ),
    /** His partner-contact consent form (PDF) to print and sign, for a plain link. */
    partnerConsentFormUrl: (caseId: string) =>
      `/api/cases/${id(caseId)}/partner-contact/consent-form`,
  };
}
