import { IdParams } from "../../../shared/api/admin.ts";
import { InvestigationView, SaveInvestigationBody } from "../../../shared/api/investigation.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { printInvestigation } from "./report.ts";
import { completeInvestigation, readInvestigation, saveInvestigation } from "./service.ts";

const tags = ["investigation"];

export const investigationRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/cases/:id/investigation",
    {
      schema: {
        tags,
        summary: "The case's investigation, in sections",
        params: IdParams,
        response: { 200: InvestigationView },
      },
    },
    async (request) =>
      readInvestigation(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.put(
    "/api/cases/:id/investigation",
    {
      schema: {
        tags,
        summary: "Save the investigation's sections, summary and assessment",
        params: IdParams,
        body: SaveInvestigationBody,
        response: { 200: InvestigationView },
      },
    },
    async (request) =>
      saveInvestigation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
  app.post(
    "/api/cases/:id/investigation/complete",
    {
      schema: {
        tags,
        summary: "Complete the investigation (needs a summary and an assessment)",
        params: IdParams,
        response: { 200: InvestigationView },
      },
    },
    async (request) =>
      completeInvestigation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
  );
  app.get(
    "/api/cases/:id/investigation/pdf",
    {
      schema: {
        tags,
        summary: "The investigation as a PDF report (Swedish), for the committee and the client",
        description:
          "Responds with application/pdf: the sections, the children, the latest risk assessment, the summary and the assessment. The person is printed as the decision letter prints them (no address unless letters may be posted there).",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const printed = await printInvestigation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      );
      return sendAttachment(reply, {
        content: printed.pdf,
        mediaType: "application/pdf",
        // No reference beside a fictitious identity (shownReference): the file is named plainly.
        filename: printed.reference ? `utredning-${printed.reference}.pdf` : "utredning.pdf",
      });
    },
  );
};
