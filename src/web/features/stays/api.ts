import { z } from "zod";
import {
  type ChildSchoolBody,
  type StartStayBody,
  StayList,
  StayView,
} from "../../../shared/api/stays";
import type { Transport } from "../../api/transport";

export type { StayView } from "../../../shared/api/stays";
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
    // The shelter part's commands (POST /api/stays/:id/check-in, /check-out), per the contract.
    checkIn: (stayId: string, arrivedOn: string) =>
      post(`${stay(stayId)}/check-in`, { arrivedOn }, z.unknown()),
    checkOut: (stayId: string, input: { leftOn: string; endReason: string; wentTo?: string }) =>
      post(`${stay(stayId)}/check-out`, input, z.unknown()),
  };
}
