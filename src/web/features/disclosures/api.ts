import type { z } from "zod";
import {
  type DisclosureBody,
  DisclosureCatalogue,
  DisclosureList,
  DisclosureMade,
  type DisclosureView,
  PersonDisclosuresPage,
} from "../../../shared/api/disclosures";
import type { Transport } from "../../api/transport";

export type Disclosure = z.infer<typeof DisclosureView>;
export type DisclosureInput = z.input<typeof DisclosureBody>;
export type DisclosureCatalogueView = z.infer<typeof DisclosureCatalogue>;

/** The disclosures' calls of the Api (api/endpoints.ts assembles every feature's). */
export function disclosuresApi({ get, post, id }: Transport) {
  return {
    // Information leaving social services after a secrecy review (issue 18).
    disclosureCatalogue: (signal?: AbortSignal) =>
      get("/api/disclosures/catalogue", DisclosureCatalogue, signal),
    disclosures: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/disclosures`, DisclosureList, signal),
    recordDisclosure: (caseId: string, input: DisclosureInput) =>
      post(`/api/cases/${id(caseId)}/disclosures`, input, DisclosureMade),
    personDisclosures: (personId: string, before?: string, signal?: AbortSignal) =>
      get(
        `/api/persons/${id(personId)}/disclosures${before ? `?${new URLSearchParams({ before })}` : ""}`,
        PersonDisclosuresPage,
        signal,
      ),
  };
}
