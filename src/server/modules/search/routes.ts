import {
  CaseReferenceResult,
  CaseReferenceSearchBody,
  JournalSearchBody,
  JournalSearchPage,
} from "../../../shared/api/search.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { findCaseByReference, searchJournals } from "./service.ts";

const tags = ["search"];

/** Find (issue 15): a case by its number, words in journals. POSTs: what is typed stays out of URLs. */
export const searchRoutes: RouteModule = (app, { database }) => {
  app.post(
    "/api/search/case-reference",
    {
      schema: {
        tags,
        summary: "The case with this number, if I may see it (null otherwise, the same as none)",
        body: CaseReferenceSearchBody,
        response: { 200: CaseReferenceResult },
      },
    },
    async (request) =>
      findCaseByReference(
        database,
        requireActor(request),
        requestMeta(request),
        request.body.reference,
      ),
  );

  app.post(
    "/api/search/journal",
    {
      schema: {
        tags,
        summary:
          "A page of journal entries with these words, in the cases I may see (signed, and my drafts), newest event first",
        body: JournalSearchBody,
        response: { 200: JournalSearchPage },
      },
    },
    async (request) =>
      searchJournals(database, requireActor(request), requestMeta(request), request.body),
  );
};
