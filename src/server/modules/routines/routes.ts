import {
  ApproverBody,
  DocumentQuery,
  RegisterQuery,
  RoutineApprover,
  RoutineBody,
  RoutineParams,
  RoutineRegister,
  RoutineView,
  routineMediaTypes,
  UpdateRoutineBody,
} from "../../../shared/api/routines.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { maxRoutineDocumentBytes, readRoutineDocument, uploadRoutineDocument } from "./document.ts";
import {
  addApprover,
  createRoutine,
  readRegister,
  reviseRoutine,
  updateRoutine,
} from "./service.ts";

const tags = ["routines"];

/**
 * The routines register. A document is uploaded as the request body itself (the file, any
 * declared type: the server checks its first bytes), its name and the routine's version in
 * the query, as documents/routes.ts does for a case's documents.
 */
export const routineRoutes: RouteModule = (app, { database }) => {
  // The case documents' module may have taken application/pdf already: the same parser.
  const types = ["application/octet-stream", ...routineMediaTypes].filter(
    (t) => !app.hasContentTypeParser(t),
  );
  app.addContentTypeParser(
    types,
    { parseAs: "buffer", bodyLimit: maxRoutineDocumentBytes },
    (_request, body, done) => done(null, body),
  );
  registerRegisterRoutes(app, database);
  registerChangeRoutes(app, database);
  registerDocumentRoutes(app, database);
};

function registerRegisterRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/routines",
    {
      schema: {
        tags,
        summary: "The routines register and the Öppna jämförelser answers on a day (today)",
        querystring: RegisterQuery,
        response: { 200: RoutineRegister },
      },
    },
    (request) =>
      readRegister(database, requireActor(request), requestMeta(request), request.query.onDate),
  );
  app.post(
    "/api/routines",
    {
      schema: { tags, summary: "Add a routine", body: RoutineBody, response: { 201: RoutineView } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createRoutine(database, requireActor(request), requestMeta(request), request.body),
        ),
  );
  app.post(
    "/api/routine-approvers",
    {
      schema: {
        tags,
        summary: "Add who approves routines (a body or role, marked if it is management)",
        body: ApproverBody,
        response: { 201: RoutineApprover },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addApprover(database, requireActor(request), requestMeta(request), request.body),
        ),
  );
}

function registerChangeRoutes(app: App, database: DatabaseHandle): void {
  app.put(
    "/api/routines/:routineId",
    {
      schema: {
        tags,
        summary: "Correct a routine (a stale version answers 409)",
        params: RoutineParams,
        body: UpdateRoutineBody,
        response: { 200: RoutineView },
      },
    },
    (request) =>
      updateRoutine(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.routineId,
        request.body,
      ),
  );
  app.post(
    "/api/routines/:routineId/revisions",
    {
      schema: {
        tags,
        summary: "A new version superseding the routine (the old one is kept)",
        params: RoutineParams,
        body: UpdateRoutineBody,
        response: { 201: RoutineView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await reviseRoutine(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.routineId,
            request.body,
          ),
        ),
  );
}

function registerDocumentRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/routines/:routineId/document",
    {
      bodyLimit: maxRoutineDocumentBytes,
      schema: {
        tags,
        summary:
          "Upload the routine's document (the body is the file: PDF, DOCX or ODT, at most 10 MB)",
        params: RoutineParams,
        querystring: DocumentQuery,
        response: { 200: RoutineView },
      },
    },
    (request) => {
      const body = request.body;
      const bytes = body instanceof Uint8Array ? body : new Uint8Array();
      return uploadRoutineDocument(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.routineId,
        { ...request.query, bytes },
      );
    },
  );
  app.get(
    "/api/routines/:routineId/document",
    {
      schema: {
        tags,
        summary: "The routine's document",
        description: "Responds with the file's own media type.",
        params: RoutineParams,
      },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await readRoutineDocument(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.routineId,
        ),
      ),
  );
}
