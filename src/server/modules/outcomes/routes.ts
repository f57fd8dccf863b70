import { IdParams } from "../../../shared/api/admin.ts";
import {
  CaseOutcomeView,
  OutcomeMeasureSeries,
  RecordCaseOutcomeBody,
} from "../../../shared/api/outcomes.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { outcomeMeasureSeries } from "./measures.ts";
import { readCaseOutcome, recordCaseOutcome } from "./service.ts";

const tags = ["outcomes"];

/**
 * The outcome of a case (recorded at closing through POST /api/cases/:id/status, or here once
 * it is closed) and a person's repeated outcome measures over time (issue 20, item 3).
 */
export const outcomeRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/cases/:id/outcome",
    {
      schema: {
        tags,
        summary: "The case's outcome at closing and the outcomes it replaced",
        params: IdParams,
        response: { 200: CaseOutcomeView },
      },
    },
    async (request) =>
      readCaseOutcome(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.put(
    "/api/cases/:id/outcome",
    {
      schema: {
        tags,
        summary:
          "Record the outcome of a closed case from the version read (the one it replaces is kept; a stale version answers 409)",
        params: IdParams,
        body: RecordCaseOutcomeBody,
        response: { 200: CaseOutcomeView },
      },
    },
    async (request) =>
      recordCaseOutcome(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
  app.get(
    "/api/persons/:id/outcome-measures",
    {
      schema: {
        tags,
        summary: "The person's outcome measures: per instrument, the totals by date",
        params: IdParams,
        response: { 200: OutcomeMeasureSeries },
      },
    },
    async (request) =>
      outcomeMeasureSeries(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
  );
};
