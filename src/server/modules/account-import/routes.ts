import { ImportQuery, ImportResult, maxImportBytes } from "../../../shared/api/account-import.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { administratorsOnly } from "../admin/routes.ts";
import { importAccounts } from "./service.ts";

/**
 * POST /api/admin/users/import: the body is the CSV file itself (text/csv), read as bytes so
 * that the server, not the transport, decides whether it is UTF-8.
 */
export const accountImportRoutes: RouteModule = (app, { database }) => {
  if (!app.hasContentTypeParser("text/csv"))
    app.addContentTypeParser(
      "text/csv",
      { parseAs: "buffer", bodyLimit: maxImportBytes },
      (_request, body, done) => done(null, body),
    );
  app.post(
    "/api/admin/users/import",
    {
      ...administratorsOnly(database),
      bodyLimit: maxImportBytes,
      schema: {
        tags: ["administration"],
        summary:
          "Import accounts from a CSV file (text/csv, UTF-8): a dry run unless mode=apply, then all rows or none",
        querystring: ImportQuery,
        response: { 200: ImportResult },
      },
    },
    (request) => {
      const body = request.body;
      const bytes = body instanceof Uint8Array ? body : new Uint8Array();
      return importAccounts(
        database,
        requireActor(request),
        requestMeta(request),
        bytes,
        request.query.mode === "apply",
      );
    },
  );
};
