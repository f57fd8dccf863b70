import type { z } from "zod";
import {
  type EnquiryAnswerBody,
  EnquiryList,
  type EnquiryOutcome,
  EnquiryView,
  HoldList,
  HoldView,
  PlaceAddress,
  PlaceList,
  type PlaceView,
  type Vacancy,
  VacancyList,
  type VacancyQuery,
} from "../../../shared/api/places";
import type { Transport } from "../../api/transport";

export type { PlaceView, Vacancy };
export type VacancyFilters = VacancyQuery;
export type EnquiryOutcomeCode = EnquiryOutcome;
export type EnquiryAnswerInput = z.input<typeof EnquiryAnswerBody>;
export type HoldItem = z.infer<typeof HoldView>;
export type EnquiryItem = z.infer<typeof EnquiryView>;

function queryString(filters: VacancyFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "" || value === false) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The places calls of the Api (api/endpoints.ts assembles every feature's). */
export function placesApi({ get, post, id }: Transport) {
  return {
    // The register (never the address), the address on its own audited route.
    places: (signal?: AbortSignal) => get("/api/places", PlaceList, signal),
    placeAddress: (placeId: string) => get(`/api/places/${id(placeId)}/address`, PlaceAddress),
    // The vacancy board and a case's holds and enquiries.
    vacancies: (filters: VacancyFilters, signal?: AbortSignal) =>
      get(`/api/vacancies${queryString(filters)}`, VacancyList, signal),
    holds: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/holds`, HoldList, signal),
    holdPlace: (caseId: string, placeId: string, persons: number) =>
      post(`/api/cases/${id(caseId)}/holds`, { placeId, persons }, HoldView),
    releaseHold: (holdId: string) => post(`/api/holds/${id(holdId)}/release`, {}, HoldList),
    enquiries: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/enquiries`, EnquiryList, signal),
    askPlace: (caseId: string, placeId: string, persons: number) =>
      post(`/api/cases/${id(caseId)}/enquiries`, { placeId, persons }, EnquiryView),
    answerEnquiry: (enquiryId: string, input: EnquiryAnswerInput) =>
      post(`/api/enquiries/${id(enquiryId)}/answer`, input, EnquiryView),
  };
}
