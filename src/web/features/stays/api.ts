import { z } from "zod";
import {
  type ChildSchoolBody,
  type StartStayBody,
  StayList,
  StayView,
  type stayEndReasons,
} from "../../../shared/api/stays";
import type { Transport } from "../../api/transport";

export type { StayView } from "../../../shared/api/stays";
export type StayEndReason = (typeof stayEndReasons)[number];
export type StartStayInput = StartStayBody;
export type ChildSchoolInput = ChildSchoolBody;

/** The stays calls of the Api (api/endpoints.ts assembles every feature's). */
export function staysApi({ get, post, put, id }: Transport) {
  const stay = (stayId: string) => `/api/stays/${id(stayId)}`;
  return {
    caseStays: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/stays`, StayList, signal),
    personStays: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}/stays`, StayList, signal),
    startStay: (caseId: string, input: StartStayInput) =>
      post(`/api/cases/${id(caseId)}/stays`, input, StayView),
    saveChildSchool: (stayId: string, personId: string, input: ChildSchoolInput) =>
      put(`${stay(stayId)}/children/${id(personId)}`, input, StayView),
    cancelStay: (stayId: string) => post(`${stay(stayId)}/cancel`, {}, z.unknown()),
    moveStay: (stayId: string, input: { placeId: string; movedOn: string }) =>
      post(`${stay(stayId)}/moves`, input, StayView),
    changePlannedEnd: (stayId: string, plannedTo: string | null) =>
      put(`${stay(stayId)}/planned-end`, { plannedTo }, StayView),
    recordStayFollowUp: (stayId: string, input: { followedUpOn: string; note: string | null }) =>
      put(`${stay(stayId)}/follow-up`, input, StayView),
    // The shelter part's commands (POST /api/stays/:id/check-in, /check-out), per the contract.
    checkIn: (stayId: string, arrivedOn: string) =>
      post(`${stay(stayId)}/check-in`, { arrivedOn }, z.unknown()),
    checkOut: (
      stayId: string,
      input: { leftOn: string; endReason: StayEndReason; wentTo?: string },
    ) => post(`${stay(stayId)}/check-out`, input, z.unknown()),
  };
}
