import type { z } from "zod";
import { RelationList } from "../../../shared/api/cases";
import {
  PersonDetail,
  PersonList,
  PersonView,
  type UpdatePersonBody,
} from "../../../shared/api/persons";
import { ContactReveal, type ContactRevealBody } from "../../../shared/api/protection";
import { parseWith, patchJson } from "../../api/client";
import type { Transport } from "../../api/transport";

export type Sex = PersonView["sex"];
export type RelationView = z.infer<typeof RelationList>["relations"][number];
export type RelationKind = RelationView["kind"];
export type UpdatePersonInput = z.input<typeof UpdatePersonBody>;
export type ContactRevealInput = ContactRevealBody;
export type { ContactReveal };
export interface RegisterPersonInput {
  identityNumber: string | null;
  /** Reservnummer, as issued; only without identityNumber. */
  reserveNumber?: string | null;
  /** YYYY-MM-DD; only without identityNumber, which carries the birth date. */
  birthDate?: string | null;
  givenName: string;
  familyName: string;
  sex: Sex;
}

/** The persons calls of the Api (api/endpoints.ts assembles every feature's). */
export function personsApi({ call, get, post, opts, id }: Transport) {
  return {
    // Persons. A search goes in a POST body so a personnummer never ends up in a URL.
    /** The best matches; `before` (a page's nextCursor) for the ones after them. */
    searchPersons: (query: string, before?: string) =>
      post("/api/persons/search", before ? { query, before } : { query }, PersonList),
    registerPerson: (input: RegisterPersonInput) => post("/api/persons", input, PersonView),
    person: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}`, PersonDetail, signal),
    /** Languages, interpreter, safe contact and contact details (those working a case). */
    updatePerson: (personId: string, changes: UpdatePersonInput) =>
      call(async () =>
        parseWith(PersonDetail, await patchJson(`/api/persons/${id(personId)}`, changes, opts())),
      ),
    /** Her protected details for a few minutes, with the reason recorded (issue 19, item 2). */
    revealContact: (personId: string, input: ContactRevealInput) =>
      post(`/api/persons/${id(personId)}/contact-reveal`, input, ContactReveal),
    relations: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/relations`, RelationList, signal),
    addRelation: (caseId: string, otherPersonId: string, kind: RelationKind) =>
      post(`/api/cases/${id(caseId)}/relations`, { otherPersonId, kind }, RelationList),
  };
}
