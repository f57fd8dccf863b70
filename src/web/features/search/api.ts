import {
  CaseReferenceResult,
  type JournalSearchHit,
  JournalSearchPage,
} from "../../../shared/api/search";
import type { Transport } from "../../api/transport";

export type { JournalSearchHit };

/** The search calls of the Api (api/endpoints.ts assembles every feature's). */
export function searchApi({ post }: Transport) {
  return {
    // POSTs, as the person search: what is typed never ends up in a URL.
    /** The case with this number if I may see it; null otherwise. */
    findCaseByReference: (reference: string) =>
      post("/api/search/case-reference", { reference }, CaseReferenceResult),
    /** Journal entries with these words, newest first; `before` for the page after. */
    searchJournals: (query: string, before?: string) =>
      post("/api/search/journal", before ? { query, before } : { query }, JournalSearchPage),
  };
}
