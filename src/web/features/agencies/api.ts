import {
  type AgencyBody,
  type AgencyContactBody,
  AgencyList,
  type AgencyQuery,
  type AgencySummary,
  AgencyView,
} from "../../../shared/api/agencies";
import type { Transport } from "../../api/transport";

export type { AgencySummary, AgencyView };
export type AgencyInput = AgencyBody;
export type AgencyContactInput = AgencyContactBody;
export type AgencyFilters = Pick<AgencyQuery, "q" | "kind">;

/** The search as a query string: only what is filled in. */
export function agencyQueryString(filters: AgencyFilters): string {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set("q", filters.q.trim());
  if (filters.kind) params.set("kind", filters.kind);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** The agency directory's calls (api/endpoints.ts assembles every feature's). */
export function agenciesApi({ get, post, put, id }: Transport) {
  const agency = (agencyId: string) => `/api/agencies/${id(agencyId)}`;
  return {
    agencies: (filters: AgencyFilters, signal?: AbortSignal) =>
      get(`/api/agencies${agencyQueryString(filters)}`, AgencyList, signal),
    agency: (agencyId: string, signal?: AbortSignal) => get(agency(agencyId), AgencyView, signal),
    // Kept by the agency's owner and the directory's keepers (the view says: mayChange).
    createAgency: (input: AgencyInput) => post("/api/agencies", input, AgencyView),
    changeAgency: (agencyId: string, input: AgencyInput & { version: number }) =>
      put(agency(agencyId), input, AgencyView),
    addAgencyUnit: (agencyId: string, name: string) =>
      post(`${agency(agencyId)}/units`, { name }, AgencyView),
    addAgencyContact: (agencyId: string, input: AgencyContactInput) =>
      post(`${agency(agencyId)}/contacts`, input, AgencyView),
    changeAgencyContact: (
      agencyId: string,
      contactId: string,
      input: AgencyContactInput & { version: number },
    ) => put(`${agency(agencyId)}/contacts/${id(contactId)}`, input, AgencyView),
    confirmAgencyContact: (agencyId: string, contactId: string, version: number) =>
      post(`${agency(agencyId)}/contacts/${id(contactId)}/confirm`, { version }, AgencyView),
  };
}
