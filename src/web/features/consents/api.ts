import type { z } from "zod";
import {
  type ConsentGiverBody,
  type RecordSharingConsentBody,
  SharingConsentList,
  SharingConsentView,
} from "../../../shared/api/sharing-consents";
import type { Transport } from "../../api/transport";

export type SharingConsent = z.infer<typeof SharingConsentView>;
export type RecordSharingConsentInput = z.input<typeof RecordSharingConsentBody>;
export type ConsentGiverInput = z.input<typeof ConsentGiverBody>;

/** The consent registry's calls of the Api (api/endpoints.ts assembles every feature's). */
export function consentsApi({ get, post, id }: Transport) {
  return {
    // Consents to share information (issue 18): per case, per person; givers; revocation.
    sharingConsents: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/sharing-consents`, SharingConsentList, signal),
    personSharingConsents: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}/sharing-consents`, SharingConsentList, signal),
    recordSharingConsent: (caseId: string, input: RecordSharingConsentInput) =>
      post(`/api/cases/${id(caseId)}/sharing-consents`, input, SharingConsentView),
    addConsentGiver: (caseId: string, consentId: string, input: ConsentGiverInput) =>
      post(
        `/api/cases/${id(caseId)}/sharing-consents/${id(consentId)}/givers`,
        input,
        SharingConsentView,
      ),
    revokeSharingConsent: (
      caseId: string,
      consentId: string,
      input: { revokedOn: string; reason: string },
    ) =>
      post(
        `/api/cases/${id(caseId)}/sharing-consents/${id(consentId)}/revoke`,
        input,
        SharingConsentView,
      ),
  };
}
