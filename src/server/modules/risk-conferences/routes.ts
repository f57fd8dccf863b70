import { IdParams } from "../../../shared/api/admin.ts";
import {
  ConferenceActionFollowUp,
  OwnConferenceAction,
} from "../../../shared/api/conference-actions.ts";
import {
  ConferenceActionBody,
  ConferenceAgencyBody,
  ConferenceAgencyParams,
  ConferenceCriteria,
  ConferencePack,
  ReferToConferenceBody,
  RiskConferenceList,
  RiskConferenceView,
  UpdateActionBody,
  UpdateConferenceBody,
} from "../../../shared/api/risk-conferences.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { addConferenceAction, recordConferenceAgency, updateConference } from "./commands.ts";
import { followUpConferenceAction, readConferenceAction } from "./owner.ts";
import {
  listConferences,
  readConference,
  readCriteria,
  readPack,
  referToConference,
} from "./service.ts";

const tags = ["risk-conferences"];

/** The case's side: its criteria, its conferences, a referral. */
function registerCaseRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/cases/:id/risk-conference-criteria",
    {
      schema: {
        tags,
        summary: "Whether the case meets a risk conference's criteria, each with its reason",
        params: IdParams,
        response: { 200: ConferenceCriteria },
      },
    },
    async (request) =>
      readCriteria(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.get(
    "/api/cases/:id/risk-conferences",
    {
      schema: {
        tags,
        summary: "The case's risk conferences",
        params: IdParams,
        response: { 200: RiskConferenceList },
      },
    },
    async (request) => ({
      conferences: await listConferences(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/risk-conferences",
    {
      schema: {
        tags,
        summary: "Refer the case to a risk conference, the latest assessment copied into it",
        params: IdParams,
        body: ReferToConferenceBody,
        response: { 201: RiskConferenceView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await referToConference(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
}

/** One conference: read it, change its meeting (date, chair, staff, agenda, follow-up). */
function registerConferenceRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/risk-conferences/:id",
    {
      schema: {
        tags,
        summary: "A risk conference",
        params: IdParams,
        response: { 200: RiskConferenceView },
      },
    },
    async (request) =>
      readConference(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.patch(
    "/api/risk-conferences/:id",
    {
      schema: {
        tags,
        summary: "Change the conference's date, chair, staff, agenda or follow-up",
        params: IdParams,
        body: UpdateConferenceBody,
        response: { 200: RiskConferenceView },
      },
    },
    async (request) =>
      updateConference(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

/** The agencies taking part, and what one agency's participants are shown. */
function registerAgencyRoutes(app: App, database: DatabaseHandle) {
  app.put(
    "/api/risk-conferences/:id/agencies/:agencyId",
    {
      schema: {
        tags,
        summary: "Record an agency taking part: its participants and research answers",
        params: ConferenceAgencyParams,
        body: ConferenceAgencyBody,
        response: { 200: RiskConferenceView },
      },
    },
    async (request) =>
      recordConferenceAgency(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.agencyId,
        request.body,
      ),
  );
  app.get(
    "/api/risk-conferences/:id/agencies/:agencyId/pack",
    {
      schema: {
        tags,
        summary: "What one agency's participants are shown: only what was disclosed to it",
        params: ConferenceAgencyParams,
        response: { 200: ConferencePack },
      },
    },
    async (request) =>
      readPack(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.agencyId,
      ),
  );
}

/** The conference's action plan: an action added with its owner and due date. */
function registerActionPlanRoutes(app: App, database: DatabaseHandle) {
  app.post(
    "/api/risk-conferences/:id/actions",
    {
      schema: {
        tags,
        summary: "Add an action to the conference's plan",
        params: IdParams,
        body: ConferenceActionBody,
        response: { 201: RiskConferenceView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addConferenceAction(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
}

/** One action, read and followed up — by its owner too, who may not see the case (owner.ts). */
function registerActionRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/risk-conference-actions/:id",
    {
      schema: {
        tags,
        summary: "One action: to its owner too, who may not see the case (the action only)",
        params: IdParams,
        response: { 200: OwnConferenceAction },
      },
    },
    async (request) =>
      readConferenceAction(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
  );
  app.patch(
    "/api/risk-conference-actions/:id",
    {
      schema: {
        tags,
        summary:
          "Follow up an action: done or not, with notes (its owner outside the case gets the action only)",
        params: IdParams,
        body: UpdateActionBody,
        response: { 200: ConferenceActionFollowUp },
      },
    },
    async (request) =>
      followUpConferenceAction(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

export const riskConferenceRoutes: RouteModule = (app, { database }) => {
  registerCaseRoutes(app, database);
  registerConferenceRoutes(app, database);
  registerAgencyRoutes(app, database);
  registerActionPlanRoutes(app, database);
  registerActionRoutes(app, database);
};
