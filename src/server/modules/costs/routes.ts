import { z } from "zod";
import {
  CostReport,
  CostReportQuery,
  Invoice,
  InvoiceInput,
  StayCosts,
} from "../../../shared/api/costs.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { costReportCsv, costReportXlsx } from "./export.ts";
import { nationalRegisterCsv } from "./national-register.ts";
import { readCostReport, readStayCosts, recordInvoice } from "./service.ts";

const tags = ["costs"];
const StayParams = z.object({ stayId: z.uuid({ message: "Vistelsens id är inte giltigt." }) });

export const costRoutes: RouteModule = (app, { database }) => {
  registerStayCostRoutes(app, database);
  registerReportRoutes(app, database);
  registerNationalRegisterRoute(app, database);
};

const RegisterQuery = z
  .object({
    year: z.coerce
      .number({ message: "Ange året, t.ex. 2026." })
      .int({ message: "Ange året, t.ex. 2026." })
      .min(2024, { message: "Ange ett år från 2024 (barn i skyddat boende som egen insats)." })
      .max(2999, { message: "Ange ett år före 3000." }),
  })
  .strict();

/** Children in sheltered housing, in the form of the national register (docs/national-register.md). */
function registerNationalRegisterRoute(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/national-register/sheltered-housing-children.csv",
    {
      schema: {
        tags,
        summary:
          "Children's placements in sheltered housing in a year, for Socialstyrelsen's register of interventions for children and young people (CSV)",
        description:
          "Responds with text/csv; charset=utf-8. Only children whose own case the caller may see; one audit event naming every child. A child under fingerade personuppgifter is left out; header x-frid-reported-by-hand counts such placements (to be reported by hand).",
        querystring: RegisterQuery,
      },
    },
    async (request, reply) => {
      const { file, reportedByHand } = await nationalRegisterCsv(
        database,
        requireActor(request),
        requestMeta(request),
        request.query.year,
      );
      // Placements of children under fingerade personuppgifter, left out ("rapporteras manuellt").
      reply.header("x-frid-reported-by-hand", String(reportedByHand));
      return sendAttachment(reply, {
        content: file,
        mediaType: "text/csv; charset=utf-8",
        filename: `skyddat-boende-barn-${request.query.year}.csv`,
      });
    },
  );
}

/** One stay's costs and invoices: for those who may see its case, never a shelter's staff. */
function registerStayCostRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/stays/:stayId/costs",
    {
      schema: {
        tags,
        summary:
          "A stay's cost per month (computed from prices and nights), invoiced and the difference",
        params: StayParams,
        response: { 200: StayCosts },
      },
    },
    async (request) =>
      readStayCosts(database, requireActor(request), requestMeta(request), request.params.stayId),
  );
  app.post(
    "/api/stays/:stayId/invoices",
    {
      schema: {
        tags,
        summary: "Record an invoice received for a stay (amount in kronor, at most two decimals)",
        params: StayParams,
        body: InvoiceInput,
        response: { 201: Invoice },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordInvoice(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.stayId,
            request.body,
          ),
        ),
  );
}

/** The month's cost report, as JSON, XLSX and CSV: one audited read each. */
function registerReportRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/costs",
    {
      schema: {
        tags,
        summary:
          "The month's costs per placing unit, place and operator (cases the caller may see)",
        querystring: CostReportQuery,
        response: { 200: CostReport },
      },
    },
    async (request) =>
      readCostReport(database, requireActor(request), requestMeta(request), request.query, "json"),
  );
  registerReportFile(app, database, "xlsx");
  registerReportFile(app, database, "csv");
}

const files = {
  xlsx: {
    summary: "The month's cost report as an Excel workbook (three sheets)",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    write: costReportXlsx,
  },
  csv: {
    summary: "The month's cost report as CSV for Swedish Excel (UTF-8 with BOM, semicolons)",
    mediaType: "text/csv; charset=utf-8",
    write: async (report: Parameters<typeof costReportCsv>[0]) => costReportCsv(report),
  },
} as const;

/** GET /api/costs.xlsx and /api/costs.csv: the same report as a file, each read audited. */
function registerReportFile(app: App, database: DatabaseHandle, format: "xlsx" | "csv"): void {
  const file = files[format];
  app.get(
    `/api/costs.${format}`,
    {
      schema: {
        tags,
        summary: file.summary,
        description: `Responds with ${file.mediaType}.`,
        querystring: CostReportQuery,
      },
    },
    async (request, reply) => {
      const report = await readCostReport(
        database,
        requireActor(request),
        requestMeta(request),
        request.query,
        format,
      );
      return sendAttachment(reply, {
        content: await file.write(report),
        mediaType: file.mediaType,
        filename: `kostnader-${report.month}.${format}`,
      });
    },
  );
}
