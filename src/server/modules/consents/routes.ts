import { IdParams } from "../../../shared/api/admin.ts";
import {
  ConsentGiverBody,
  RecordSharingConsentBody,
  RevokeSharingConsentBody,
  SharingConsentList,
  SharingConsentParams,
  SharingConsentView,
} from "../../../shared/api/sharing-consents.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  addConsentGiver,
  readCaseConsents,
  readPersonConsents,
  recordSharingConsent,
  revokeSharingConsent,
} from "./service.ts";

const tags = ["collaboration"];

/** The consent registry (issue 18, item 3): consents to share information, per case and person. */
export const consentRoutes: RouteModule = (app, { database }) => {
  registerCaseConsentRoutes(app, database);
  registerConsentChangeRoutes(app, database);
};

function registerCaseConsentRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/sharing-consents",
    {
      schema: {
        tags,
        summary: "The case's consents to share information, each with its state today",
        params: IdParams,
        response: { 200: SharingConsentList },
      },
    },
    async (request) => ({
      consents: await readCaseConsents(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/sharing-consents",
    {
      schema: {
        tags,
        summary: "Record a consent to share information, with who gave it",
        params: IdParams,
        body: RecordSharingConsentBody,
        response: { 201: SharingConsentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordSharingConsent(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
  app.get(
    "/api/persons/:id/sharing-consents",
    {
      schema: {
        tags,
        summary: "A person's consents to share, in the cases the caller may see",
        params: IdParams,
        response: { 200: SharingConsentList },
      },
    },
    async (request) => ({
      consents: await readPersonConsents(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
}

function registerConsentChangeRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/sharing-consents/:consentId/givers",
    {
      schema: {
        tags,
        summary: "Add a giver to a consent (e.g. the second custodian)",
        params: SharingConsentParams,
        body: ConsentGiverBody,
        response: { 201: SharingConsentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addConsentGiver(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.params.consentId,
            request.body,
          ),
        ),
  );
  app.post(
    "/api/cases/:id/sharing-consents/:consentId/revoke",
    {
      schema: {
        tags,
        summary: "Revoke a consent to share (once): later sharing on it is refused",
        params: SharingConsentParams,
        body: RevokeSharingConsentBody,
        response: { 200: SharingConsentView },
      },
    },
    async (request) =>
      revokeSharingConsent(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.consentId,
        request.body,
      ),
  );
}
