import { IdParams } from "../../../shared/api/admin.ts";
import { InvestigationView, SaveInvestigationBody } from "../../../shared/api/investigation.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
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
};
