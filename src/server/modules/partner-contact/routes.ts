import type { FastifyReply } from "fastify";
import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import {
  BarrierEventHistoryQuery,
  BarrierEventList,
  BarrierEventPage,
  BarrierEventParams,
  RaiseRiskAlertBody,
} from "../../../shared/api/barrier-events.ts";
import {
  OfferSupportBody,
  PartnerCaseView,
  PartnerSmsView,
  RecordAttemptBody,
} from "../../../shared/api/partner-contact.ts";
import {
  AddPartnerBody,
  PartnerInformationBody,
  PartnerRefusalBody,
  TreatmentResult,
  WithdrawConsentBody,
} from "../../../shared/api/treatment.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { sendAttachment } from "../../http/attachment.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { partnerSms, printConsentForm, printPartnerLetter } from "./documents.ts";
import {
  acknowledgeBarrierEvent,
  raiseRiskAlert,
  readBarrierEventHistory,
  readBarrierEvents,
} from "./events.ts";
import { offerSupport, readPartnerCase, recordAttempt } from "./partner-side.ts";
import {
  addPartner,
  recordPartnerInformation,
  recordRefusal,
  withdrawPartnerConsent,
} from "./partners.ts";

const tags = ["partner contact"];
const PartnerParams = z.object({ id: z.uuid(), partnerId: z.uuid() });

/**
 * Partner contact: on the perpetrator's case (information, consent per partner or refusal,
 * exceptions, withdrawal) and, on either side of the barrier, its structured events.
 */
export const partnerContactRoutes: RouteModule = (app, { database }) => {
  registerHisInformationRoutes(app, database);
  registerHisRefusalRoutes(app, database);
  registerHerSideRoutes(app, database);
  registerPrintRoutes(app, database);
  registerBarrierEventReadRoutes(app, database);
  registerBarrierEventCommandRoutes(app, database);
};

/** His side: that he was told what partner contact means, and the partners his consent covers. */
function registerHisInformationRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/partner-contact/information",
    {
      schema: {
        tags,
        summary: "Record that he was told what partner contact means",
        params: IdParams,
        body: PartnerInformationBody,
        response: { 200: TreatmentResult },
      },
    },
    async (request) => ({
      treatment: await recordPartnerInformation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/partner-contact/partners",
    {
      schema: {
        tags,
        summary:
          "A partner covered by his consent (her case opens behind a barrier) or an exception",
        params: IdParams,
        body: AddPartnerBody,
        response: { 201: TreatmentResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        treatment: await addPartner(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          request.body,
        ),
      }),
  );
}

/** His side: a refusal of partner contact, and a consent withdrawn. */
function registerHisRefusalRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/partner-contact/refusal",
    {
      schema: {
        tags,
        summary: "He refused partner contact: the team's decision whether treatment continues",
        params: IdParams,
        body: PartnerRefusalBody,
        response: { 201: TreatmentResult },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        treatment: await recordRefusal(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          request.body,
        ),
      }),
  );
  app.post(
    "/api/cases/:id/partner-contact/partners/:partnerId/withdraw",
    {
      schema: {
        tags,
        summary: "He withdraws his consent for a partner (she is told; no more news crosses)",
        params: PartnerParams,
        body: WithdrawConsentBody,
        response: { 200: TreatmentResult },
      },
    },
    async (request) => ({
      treatment: await withdrawPartnerConsent(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.partnerId,
        request.body,
      ),
    }),
  );
}

/** Her side: how to reach her, the attempts, and the support offered. */
function registerHerSideRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/partner-contact",
    {
      schema: {
        tags,
        summary: "Her side: how to reach her, the attempts, and the support offered",
        params: IdParams,
        response: { 200: PartnerCaseView },
      },
    },
    async (request) =>
      readPartnerCase(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.post(
    "/api/cases/:id/partner-contact/attempts",
    {
      schema: {
        tags,
        summary: "Record an attempt to reach her (refused when her instructions rule it out)",
        params: IdParams,
        body: RecordAttemptBody,
        response: { 201: PartnerCaseView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordAttempt(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  app.put(
    "/api/cases/:id/partner-contact/support",
    {
      schema: {
        tags,
        summary: "Record the offer of support of her own (in house, referral, or declined)",
        params: IdParams,
        body: OfferSupportBody,
        response: { 200: PartnerCaseView },
      },
    },
    async (request) =>
      offerSupport(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

/** What goes out on paper or by text: his consent form, the letter and the text message to her. */
function registerPrintRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/partner-contact/consent-form",
    {
      schema: {
        tags,
        summary: "His consent form to print and sign (seed 004, bilaga 2)",
        description: "Responds with application/pdf.",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const printed = await printConsentForm(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      );
      // No reference beside a fictitious identity (shownReference): the file is named plainly.
      const name = printed.reference ? `-${printed.reference}` : "";
      return sendPdf(reply, printed.pdf, `samtycke-partnerkontakt${name}.pdf`);
    },
  );
  app.get(
    "/api/cases/:id/partner-contact/letter",
    {
      schema: {
        tags,
        summary: "The information letter to her (409 when letters are not safe for her)",
        description: "Responds with application/pdf.",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const printed = await printPartnerLetter(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      );
      return sendPdf(reply, printed.pdf, `informationsbrev-${printed.reference}.pdf`);
    },
  );
  app.get(
    "/api/cases/:id/partner-contact/sms",
    {
      schema: {
        tags,
        summary: "The text message to her, and the number (409 when texts are not safe)",
        params: IdParams,
        response: { 200: PartnerSmsView },
      },
    },
    async (request) =>
      partnerSms(database, requireActor(request), requestMeta(request), request.params.id),
  );
}

/** Either side of the barrier: the events sent and received, and their history. */
function registerBarrierEventReadRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/barrier-events",
    {
      schema: {
        tags,
        summary: "Events sent and received across the case's information barrier",
        params: IdParams,
        response: { 200: BarrierEventList },
      },
    },
    async (request) =>
      readBarrierEvents(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.get(
    "/api/cases/:id/barrier-events/history",
    {
      schema: {
        tags,
        summary: "A page of the case's barrier events, newest first (the events carry the newest)",
        params: IdParams,
        querystring: BarrierEventHistoryQuery,
        response: { 200: BarrierEventPage },
      },
    },
    async (request) =>
      readBarrierEventHistory(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      ),
  );
}

/** Either side of the barrier: a risk alert raised, an event acknowledged. */
function registerBarrierEventCommandRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/risk-alerts",
    {
      schema: {
        tags,
        summary: "Raise a risk alert to the other side (level only; the reason stays here)",
        params: IdParams,
        body: RaiseRiskAlertBody,
        response: { 201: BarrierEventList },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await raiseRiskAlert(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  app.post(
    "/api/cases/:id/barrier-events/:eventId/acknowledge",
    {
      schema: {
        tags,
        summary: "Acknowledge an event received across the barrier",
        params: BarrierEventParams,
        response: { 200: BarrierEventList },
      },
    },
    async (request) =>
      acknowledgeBarrierEvent(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.eventId,
      ),
  );
}

/** Both printed forms are sent the same way: a PDF to save, named for the case. */
function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string) {
  return sendAttachment(reply, { content: pdf, mediaType: "application/pdf", filename });
}
