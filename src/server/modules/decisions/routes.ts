import { IdParams } from "../../../shared/api/admin.ts";
import { DecisionList, DecisionView, RecordDecisionBody } from "../../../shared/api/decisions.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { readDecisions, recordDecision } from "./service.ts";

const tags = ["decisions"];

export const decisionRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/cases/:id/decisions",
    {
      schema: {
        tags,
        summary: "The case's decisions on interventions, newest first",
        params: IdParams,
        response: { 200: DecisionList },
      },
    },
    async (request) => ({
      decisions: await readDecisions(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/decisions",
    {
      schema: {
        tags,
        summary: "Record a decision (granted / partly granted / denied, with reasoning)",
        params: IdParams,
        body: RecordDecisionBody,
        response: { 201: DecisionView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordDecision(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
};
