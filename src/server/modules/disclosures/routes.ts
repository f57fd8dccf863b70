import { IdParams } from "../../../shared/api/admin.ts";
import {
  DisclosureBody,
  DisclosureCatalogue,
  DisclosureList,
  DisclosureMade,
  PersonDisclosuresPage,
  PersonDisclosuresQuery,
} from "../../../shared/api/disclosures.ts";
import { withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { disclosureCatalogue } from "./catalogue.ts";
import { readCaseDisclosures, readPersonDisclosures, recordDisclosure } from "./service.ts";

const tags = ["collaboration"];

/** Disclosures with secrecy review (issue 18, item 4): per case, per person, and the form's lists. */
export const disclosureRoutes: RouteModule = (app, { database }) => {
  registerCatalogueRoute(app, database);
  registerCaseDisclosureRoutes(app, database);
  registerPersonDisclosureRoute(app, database);
};

function registerCatalogueRoute(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/disclosures/catalogue",
    {
      schema: {
        tags,
        summary:
          "The secrecy-breaking rules and the directory's agencies the disclosure form offers",
        response: { 200: DisclosureCatalogue },
      },
    },
    async (request) =>
      withActor(database.db, requireActor(request), (trx) => disclosureCatalogue(trx)),
  );
}

function registerCaseDisclosureRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/disclosures",
    {
      schema: {
        tags,
        summary: "The case's disclosures, newest first",
        params: IdParams,
        response: { 200: DisclosureList },
      },
    },
    async (request) => ({
      disclosures: await readCaseDisclosures(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/disclosures",
    {
      schema: {
        tags,
        summary:
          "Disclose information after a secrecy review; the document sent is kept in the case",
        description:
          "Refused without a valid ground: a consent revoked, expired, for another recipient or lacking a custodian answers 409 consent_not_valid.",
        params: IdParams,
        body: DisclosureBody,
        response: { 201: DisclosureMade },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordDisclosure(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
}

function registerPersonDisclosureRoute(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/persons/:id/disclosures",
    {
      schema: {
        tags,
        summary: "Disclosures about a person in the cases the caller may see, newest first, paged",
        params: IdParams,
        querystring: PersonDisclosuresQuery,
        response: { 200: PersonDisclosuresPage },
      },
    },
    async (request) =>
      readPersonDisclosures(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.query,
      ),
  );
}
