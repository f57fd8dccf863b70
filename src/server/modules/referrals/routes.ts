import { IdParams } from "../../../shared/api/admin.ts";
import { UnitParams } from "../../../shared/api/chat.ts";
import {
  AnswerReferralBody,
  CreateReferralBody,
  IncomingReferralBody,
  IncomingReferralResult,
  ReferralAnswerDays,
  ReferralAnswerDaysBody,
  ReferralList,
  ReferralParams,
  ReferralRecipientList,
  ReferralView,
  SendReferralBody,
} from "../../../shared/api/referrals.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { receiveReferral } from "./incoming.ts";
import { answerReferral, createReferral, readReferrals, sendReferral } from "./service.ts";
import { referralRecipients, setReferralAnswerDays } from "./settings.ts";

const tags = ["collaboration"];

/** A case's referrals out: listed, made as a draft, sent, answered. */
function registerCaseReferralRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/cases/:id/referrals",
    {
      schema: {
        tags,
        summary: "The case's referrals out and in, each with the disclosures made for it",
        params: IdParams,
        response: { 200: ReferralList },
      },
    },
    (request) =>
      readReferrals(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.post(
    "/api/cases/:id/referrals",
    {
      schema: {
        tags,
        summary: "Make a referral out to a unit of an agency in the directory, as a draft",
        params: IdParams,
        body: CreateReferralBody,
        response: { 201: ReferralView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createReferral(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  app.post(
    "/api/cases/:id/referrals/:referralId/send",
    {
      schema: {
        tags,
        summary:
          "Mark a referral out as sent; refused while it shares client information and no disclosure to its agency has been made for it",
        params: ReferralParams,
        body: SendReferralBody,
        response: { 200: ReferralView },
      },
    },
    (request) =>
      sendReferral(
        database,
        requireActor(request),
        requestMeta(request),
        { caseId: request.params.id, referralId: request.params.referralId },
        request.body,
      ),
  );
  app.post(
    "/api/cases/:id/referrals/:referralId/answer",
    {
      schema: {
        tags,
        summary: "Record the answer: the agency's to a referral out, ours to a referral in",
        params: ReferralParams,
        body: AnswerReferralBody,
        response: { 200: ReferralView },
      },
    },
    (request) =>
      answerReferral(
        database,
        requireActor(request),
        requestMeta(request),
        { caseId: request.params.id, referralId: request.params.referralId },
        request.body,
      ),
  );
}

/** Where referrals go and come from; a referral in, recorded as the intake it becomes; the unit's answer days. */
function registerIncomingReferralRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/referrals/recipients",
    {
      schema: {
        tags,
        summary: "The directory's agencies with their units and contacts, for a referral's form",
        response: { 200: ReferralRecipientList },
      },
    },
    (request) => referralRecipients(database, requireActor(request)),
  );
  app.post(
    "/api/referrals/incoming",
    {
      schema: {
        tags,
        summary:
          "Record a referral in (police, health care, school…) as the intake it becomes, opening or joining the person's case",
        body: IncomingReferralBody,
        response: { 201: IncomingReferralResult },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await receiveReferral(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );
  app.put(
    "/api/units/:unitId/referral-answer-days",
    {
      schema: {
        tags,
        summary: "How many days a referral may wait for its answer before it is on Att göra",
        params: UnitParams,
        body: ReferralAnswerDaysBody,
        response: { 200: ReferralAnswerDays },
      },
    },
    (request) =>
      setReferralAnswerDays(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.unitId,
        request.body.days,
      ),
  );
}

export const referralRoutes: RouteModule = (app, { database }) => {
  registerCaseReferralRoutes(app, database);
  registerIncomingReferralRoutes(app, database);
};
