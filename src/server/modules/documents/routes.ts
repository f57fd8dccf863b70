import { IdParams } from "../../../shared/api/admin.ts";
import {
  DocumentList,
  DocumentParams,
  documentMediaTypes,
  UploadDocumentQuery,
} from "../../../shared/api/documents.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { maxDocumentBytes, readDocumentContent, readDocuments, uploadDocument } from "./service.ts";

const tags = ["documents"];

/**
 * Documents in a case. An upload is the file itself as the request body (a PDF or an image,
 * e.g. the scanned consent form), with its kind and name in the query; the server checks the
 * file's first bytes, not the declared type.
 */
export const documentRoutes: RouteModule = (app, { database }) => {
  app.addContentTypeParser(
    [...documentMediaTypes],
    { parseAs: "buffer", bodyLimit: maxDocumentBytes },
    (_request, body, done) => done(null, body),
  );
  registerDocumentListRoutes(app, database);
  registerDocumentContentRoute(app, database);
};

/** The case's documents: listed, and a file saved. */
function registerDocumentListRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/documents",
    {
      schema: {
        tags,
        summary: "The case's documents, and the receipts of destroyed ones",
        params: IdParams,
        response: { 200: DocumentList },
      },
    },
    async (request) => ({
      documents: await readDocuments(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/documents",
    {
      bodyLimit: maxDocumentBytes,
      schema: {
        tags,
        summary: "Save a document (the body is the file: PDF, PNG or JPEG, at most 10 MB)",
        params: IdParams,
        querystring: UploadDocumentQuery,
        response: { 201: DocumentList },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const bytes = body instanceof Uint8Array ? body : new Uint8Array();
      return reply.status(201).send({
        documents: await uploadDocument(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          { ...request.query, bytes },
        ),
      });
    },
  );
}

/** A document's own file. */
function registerDocumentContentRoute(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/documents/:documentId/content",
    {
      schema: {
        tags,
        summary: "A document's file (410 once destroyed)",
        description: "Responds with the file's own media type.",
        params: DocumentParams,
      },
    },
    async (request, reply) => {
      const doc = await readDocumentContent(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.documentId,
      );
      return sendAttachment(reply, doc);
    },
  );
}
