import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import {
  AssessmentHistoryQuery,
  AssessmentList,
  AssessmentPage,
  AssessmentView,
  CompleteAssessmentBody,
  InstrumentDefinition,
  InstrumentList,
  InstrumentVersionParams,
  RiskHistory,
  SaveAssessmentBody,
  StartAssessmentBody,
} from "../../../shared/api/assessments.ts";
import { builtinInstruments } from "../../../shared/instruments/builtin/index.ts";
import { withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { riskHistory } from "./history.ts";
import { availableInstruments, instrumentSummary, storedVersion } from "./registry.ts";
import {
  completeAssessment,
  readAssessmentHistory,
  readAssessments,
  saveAssessment,
  startAssessment,
} from "./service.ts";

const tags = ["assessments"];
const AssessmentParams = z.object({ id: z.uuid(), assessmentId: z.uuid() });

export const assessmentRoutes: RouteModule = (app, { database }) => {
  registerInstrumentRoutes(app, database);
  registerAssessmentReadRoutes(app, database);
  registerDraftRoutes(app, database);
  registerCompletedAssessmentRoutes(app, database);
};

/** The instruments an assessment is made with. */
function registerInstrumentRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/instruments",
    {
      schema: {
        tags,
        summary: "Instruments the organisation has (latest version of each)",
        querystring: z.object({
          caseType: z.enum(["adult_victim", "child", "perpetrator", "partner_contact"]).optional(),
        }),
        response: { 200: InstrumentList },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const found = await withActor(database.db, actor, (trx) =>
        availableInstruments(trx, actor.orgId, request.query.caseType),
      );
      return { instruments: found.map(instrumentSummary) };
    },
  );
  app.get(
    "/api/instruments/:instrumentId/versions/:version",
    {
      schema: {
        tags,
        summary: "One version of an instrument, as assessments made with it render",
        params: InstrumentVersionParams,
        response: { 200: InstrumentDefinition },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { instrumentId, version } = request.params;
      const stored = await withActor(database.db, actor, (trx) =>
        storedVersion(trx, actor.orgId, instrumentId, version),
      );
      const definition =
        stored ?? builtinInstruments.find((d) => d.id === instrumentId && d.version === version);
      if (!definition)
        throw new AppError(404, "not_found", "Instrumentet finns inte i den versionen.");
      return definition;
    },
  );
}

/** A case's assessments: drafts and the newest completed, and older pages. */
function registerAssessmentReadRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/assessments",
    {
      schema: {
        tags,
        summary: "The case's drafts and newest completed risk assessments, newest first",
        params: IdParams,
        response: { 200: AssessmentList },
      },
    },
    async (request) =>
      readAssessments(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.get(
    "/api/cases/:id/assessments/history",
    {
      schema: {
        tags,
        summary: "A page of the case's completed risk assessments, newest first",
        params: IdParams,
        querystring: AssessmentHistoryQuery,
        response: { 200: AssessmentPage },
      },
    },
    async (request) =>
      readAssessmentHistory(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      ),
  );
}

/** A draft: started with an instrument's latest version, its answers saved. */
function registerDraftRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/assessments",
    {
      schema: {
        tags,
        summary: "Start an assessment (a draft) with the latest version of an instrument",
        params: IdParams,
        body: StartAssessmentBody,
        response: { 201: AssessmentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await startAssessment(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body.instrumentId,
          ),
        ),
  );
  app.put(
    "/api/cases/:id/assessments/:assessmentId",
    {
      schema: {
        tags,
        summary: "Save a draft's answers (checked against its instrument version)",
        params: AssessmentParams,
        body: SaveAssessmentBody,
        response: { 200: AssessmentView },
      },
    },
    async (request) =>
      saveAssessment(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.assessmentId,
        request.body,
      ),
  );
}

/** A draft completed (final from then on), and a person's risk over time. */
function registerCompletedAssessmentRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/assessments/:assessmentId/complete",
    {
      schema: {
        tags,
        summary: "Complete with the professional's judgement and reasons; final afterwards",
        params: AssessmentParams,
        body: CompleteAssessmentBody,
        response: { 200: AssessmentView },
      },
    },
    async (request) =>
      completeAssessment(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.assessmentId,
        request.body,
      ),
  );
  app.get(
    "/api/persons/:id/risk-history",
    {
      schema: {
        tags,
        summary: "Risk over time: the person's completed assessments in cases the caller may see",
        params: IdParams,
        response: { 200: RiskHistory },
      },
    },
    async (request) =>
      riskHistory(database, requireActor(request), requestMeta(request), request.params.id),
  );
}
