import { z } from "zod";
import { type YearlyReport, YearlyReportQuery } from "../../../../shared/api/yearly-report.ts";
import type { Actor, RequestMeta } from "../../../access/actor.ts";
import { withActor } from "../../../access/transaction.ts";
import type { DatabaseHandle } from "../../../db/connection.ts";
import { sendAttachment } from "../../../http/attachment.ts";
import type { App, RouteModule } from "../../../http/context.ts";
import { AppError } from "../../../http/errors.ts";
import { requestMeta, requireActor } from "../../../http/request-context.ts";
import { tableCsv, tablesOf } from "./csv.ts";
import { yearlyReportPdf } from "./pdf.ts";
import { yearlyReportXlsx } from "./xlsx.ts";

/**
 * The yearly report as files: GET /api/reports/yearly/pdf, /xlsx and /csv?table=. Each reads
 * the report exactly as GET /api/reports/yearly does — the same query, the same 401/400/403/
 * 404, the same one audit event, naming the format — and only then writes the file, so a
 * file never holds more than the page would show.
 */

export type ReportFormat = "pdf" | "xlsx" | "csv";

/** How the report is read and audited: the report module's own reader. */
export type ReadReport = (
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  query: YearlyReportQuery,
  format: ReportFormat,
) => Promise<YearlyReport>;

const tableMessage = "Ange tabellens id, t.ex. decisions-by-intervention.";
export const YearlyReportCsvQuery = YearlyReportQuery.extend({
  table: z
    .string({ message: tableMessage })
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: tableMessage }),
}).strict();

const tags = ["reports"];
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The organisation's name for the PDF's title page (no client's data: not audited). */
async function organisationName(database: DatabaseHandle, actor: Actor): Promise<string> {
  const org = await withActor(database.db, actor, (trx) =>
    trx
      .selectFrom("organisation")
      .select("name")
      .where("id", "=", actor.orgId)
      .executeTakeFirstOrThrow(),
  );
  return org.name;
}

function registerDocumentRoutes(app: App, database: DatabaseHandle, read: ReadReport) {
  app.get(
    "/api/reports/yearly/pdf",
    {
      schema: {
        tags,
        summary:
          "The yearly report as a PDF for the committee: title page, sections, charts, tables",
        description:
          "Responds with application/pdf. The same query, rules and audit as GET /api/reports/yearly.",
        querystring: YearlyReportQuery,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const report = await read(database, actor, requestMeta(request), request.query, "pdf");
      const organisation = await organisationName(database, actor);
      return sendAttachment(reply, {
        content: await yearlyReportPdf({ organisation, report }),
        mediaType: "application/pdf",
        filename: `arsrapport-${report.year}.pdf`,
      });
    },
  );
  app.get(
    "/api/reports/yearly/xlsx",
    {
      schema: {
        tags,
        summary: "The yearly report as an Excel workbook: one sheet per table",
        description: `Responds with ${xlsxType}. The same query, rules and audit as GET /api/reports/yearly.`,
        querystring: YearlyReportQuery,
      },
    },
    async (request, reply) => {
      const meta = requestMeta(request);
      const report = await read(database, requireActor(request), meta, request.query, "xlsx");
      return sendAttachment(reply, {
        content: await yearlyReportXlsx(report),
        mediaType: xlsxType,
        filename: `arsrapport-${report.year}.xlsx`,
      });
    },
  );
}

function registerCsvRoute(app: App, database: DatabaseHandle, read: ReadReport) {
  app.get(
    "/api/reports/yearly/csv",
    {
      schema: {
        tags,
        summary:
          "One table of the yearly report as CSV for Swedish Excel (UTF-8 with BOM, semicolons)",
        description:
          "Responds with text/csv; charset=utf-8. `table` is the table's id in the report; one the report does not hold → 400.",
        querystring: YearlyReportCsvQuery,
      },
    },
    async (request, reply) => {
      const { table: tableId, ...query } = request.query;
      const report = await read(
        database,
        requireActor(request),
        requestMeta(request),
        query,
        "csv",
      );
      const table = tablesOf(report).find((t) => t.id === tableId);
      if (!table) {
        const message = `Rapporten har ingen tabell med id ${tableId}.`;
        throw new AppError(400, "validation_failed", message, { table: message });
      }
      return sendAttachment(reply, {
        content: tableCsv(table),
        mediaType: "text/csv; charset=utf-8",
        filename: `arsrapport-${report.year}-${table.id}.csv`,
      });
    },
  );
}

export function yearlyReportOutputRoutes(read: ReadReport): RouteModule {
  return (app, { database }) => {
    registerDocumentRoutes(app, database, read);
    registerCsvRoute(app, database, read);
  };
}
