import type { z } from "zod";
import {
  type EnquiryAnswerBody,
  EnquiryList,
  type EnquiryOutcome,
  EnquiryView,
  HoldList,
  HoldView,
  PlaceAddress,
  type PlaceAddressBody,
  type PlaceBody,
  type PlaceContactBody,
  PlaceList,
  PlaceView,
  type Vacancy,
  VacancyList,
  type VacancyQuery,
} from "../../../shared/api/places";
import { deleteJson, parseWith } from "../../api/client";
import type { Transport } from "../../api/transport";

export type { PlaceView, Vacancy };
export type VacancyFilters = VacancyQuery;
export type EnquiryOutcomeCode = EnquiryOutcome;
export type EnquiryAnswerInput = z.input<typeof EnquiryAnswerBody>;
export type PlaceInput = PlaceBody;
export type PlaceAddressInput = z.input<typeof PlaceAddressBody>;
export type PlaceContactInput = z.input<typeof PlaceContactBody>;
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
export function placesApi({ get, post, put, call, opts, id }: Transport) {
  const place = (placeId: string) => `/api/places/${id(placeId)}`;
  return {
    // The register (never the address), the address on its own audited route.
    places: (signal?: AbortSignal) => get("/api/places", PlaceList, signal),
    place: (placeId: string, signal?: AbortSignal) => get(place(placeId), PlaceView, signal),
    placeAddress: (placeId: string) => get(`${place(placeId)}/address`, PlaceAddress),
    // Kept by those who administer places (the views say so: mayAdminister).
    createPlace: (input: PlaceInput) => post("/api/places", input, PlaceView),
    changePlace: (placeId: string, input: PlaceInput & { version: number }) =>
      put(place(placeId), input, PlaceView),
    closePlace: (placeId: string, closedOn: string) =>
      post(`${place(placeId)}/close`, { closedOn }, PlaceView),
    saveAddress: (placeId: string, input: PlaceAddressInput) =>
      put(`${place(placeId)}/address`, input, PlaceAddress),
    addContact: (placeId: string, input: PlaceContactInput) =>
      post(`${place(placeId)}/contacts`, input, PlaceView),
    removeContact: (placeId: string, contactId: string) =>
      call(async () =>
        parseWith(
          PlaceView,
          await deleteJson(`${place(placeId)}/contacts/${id(contactId)}`, opts()),
        ),
      ),
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
