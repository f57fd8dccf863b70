import { IdParams } from "../../../shared/api/admin.ts";
import {
  JournalEntryView,
  JournalPage,
  JournalPageQuery,
  JournalPdfQuery,
  UpdateJournalDraftBody,
  WriteJournalEntryBody,
} from "../../../shared/api/journal.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { printJournal } from "./print.ts";
import { readJournal, signEntry, updateDraft, writeEntry } from "./service.ts";

const tags = ["journal"];

export const journalRoutes: RouteModule = (app, { database }) => {
  registerCaseJournalRoutes(app, database);
  registerDraftRoutes(app, database);
  registerPrintRoute(app, database);
};

/** The journal for a period as a PDF. */
function registerPrintRoute(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/journal/pdf",
    {
      schema: {
        tags,
        summary: "The case's signed journal entries of a period as a PDF (Swedish), oldest first",
        description:
          "Responds with application/pdf. `from` and `to` are days in Swedish time; the person is printed as the decision letter prints them.",
        params: IdParams,
        querystring: JournalPdfQuery,
      },
    },
    async (request, reply) => {
      const printed = await printJournal(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      );
      return sendAttachment(reply, {
        content: printed.pdf,
        mediaType: "application/pdf",
        // No reference beside a fictitious identity (shownReference): the file is named plainly.
        filename: `journal-${printed.reference ? `${printed.reference}-` : ""}${request.query.from}-${request.query.to}.pdf`,
      });
    },
  );
}

/** The case's journal: a page of it read, an entry written. */
function registerCaseJournalRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/journal",
    {
      schema: {
        tags,
        summary:
          "A page of the case's journal: signed entries, newest event first; the first page also my drafts",
        params: IdParams,
        querystring: JournalPageQuery,
        response: { 200: JournalPage },
      },
    },
    async (request) =>
      readJournal(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      ),
  );

  app.post(
    "/api/cases/:id/journal",
    {
      schema: {
        tags,
        summary: "Write a journal entry (a draft until signed)",
        params: IdParams,
        body: WriteJournalEntryBody,
        response: { 201: JournalEntryView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await writeEntry(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
}

/** My draft: changed, then signed. */
function registerDraftRoutes(app: App, database: DatabaseHandle): void {
  app.patch(
    "/api/journal/:id",
    {
      schema: {
        tags,
        summary: "Change my draft",
        params: IdParams,
        body: UpdateJournalDraftBody,
        response: { 200: JournalEntryView },
      },
    },
    async (request) =>
      updateDraft(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    "/api/journal/:id/sign",
    {
      schema: {
        tags,
        summary: "Sign my draft: from then on it never changes",
        params: IdParams,
        response: { 200: JournalEntryView },
      },
    },
    async (request) =>
      signEntry(database, requireActor(request), requestMeta(request), request.params.id),
  );
}
