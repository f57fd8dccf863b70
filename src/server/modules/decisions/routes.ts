import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import {
  ChildPlacementView,
  RecordCourtStepBody,
  RecordPlacementReviewBody,
  RevokeConsentBody,
} from "../../../shared/api/child-placement.ts";
import {
  DecisionList,
  DecisionParams,
  DecisionView,
  RecordDecisionBody,
} from "../../../shared/api/decisions.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { decisionLetter } from "./letter.ts";
import { recordCourtStep, recordPlacementReview, revokeConsent } from "./placement-commands.ts";
import { readDecisions, recordDecision } from "./service.ts";

const tags = ["decisions"];

export const decisionRoutes: RouteModule = (app, { database }) => {
  registerDecisionRoutes(app, database);
  registerLetterRoute(app, database);
  registerPlacementRoutes(app, database);
  registerConsentRoute(app, database);
};

/** The case's decisions: read and recorded. */
function registerDecisionRoutes(app: App, database: DatabaseHandle): void {
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
    async (request) =>
      readDecisions(database, requireActor(request), requestMeta(request), request.params.id),
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
}

/** The decision letter, addressed only as safe contact allows. */
function registerLetterRoute(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/decisions/:decisionId/letter",
    {
      schema: {
        tags,
        summary: "The decision letter as a PDF (Swedish), addressed only as safe contact allows",
        description:
          "Responds with application/pdf. The address block follows the person's protection level and safe-contact instructions; see letterDelivery in the decision list for how it may be delivered.",
        params: DecisionParams,
      },
    },
    async (request, reply) => {
      const letter = await decisionLetter(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.decisionId,
      );
      reply
        .header("x-frid-letter-delivery", letter.delivery)
        // A sekretessmarkering: whoever fetches the letter is told to check secrecy first.
        .header("x-frid-letter-warning", letter.warning ?? "none");
      return sendAttachment(reply, {
        content: letter.pdf,
        mediaType: "application/pdf",
        // No reference beside a fictitious identity (shownReference): the file is named plainly.
        filename: letter.reference ? `beslut-${letter.reference}.pdf` : "beslut.pdf",
      });
    },
  );
}

/** lag (2024:79): a child's placement at the court and in its six-monthly reviews. */
function registerPlacementRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/decisions/:decisionId/placement/court",
    {
      schema: {
        tags,
        summary:
          "lag (2024:79): record when the decision went to the court, and the court's ruling",
        params: DecisionParams,
        body: RecordCourtStepBody,
        response: { 200: ChildPlacementView },
      },
    },
    async (request) =>
      recordCourtStep(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.decisionId,
        request.body,
      ),
  );
  app.post(
    "/api/cases/:id/decisions/:decisionId/placement/reviews",
    {
      schema: {
        tags,
        summary: "lag (2024:79): the six-monthly review of a child's placement (continue or end)",
        params: DecisionParams,
        body: RecordPlacementReviewBody,
        response: { 201: ChildPlacementView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordPlacementReview(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.params.decisionId,
            request.body,
          ),
        ),
  );
}

/** A custodian's consent to a child's placement withdrawn. */
function registerConsentRoute(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/consents/:consentId/revoke",
    {
      schema: {
        tags,
        summary: "A custodian withdraws consent to a child's placement",
        params: z.object({ id: z.uuid(), consentId: z.uuid() }),
        body: RevokeConsentBody,
        response: { 200: ChildPlacementView },
      },
    },
    async (request) =>
      revokeConsent(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.consentId,
        request.body,
      ),
  );
}
