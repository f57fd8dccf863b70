import {
  AgencyBody,
  AgencyContactBody,
  AgencyContactParams,
  AgencyList,
  AgencyParams,
  AgencyQuery,
  AgencyUnitBody,
  AgencyUnitParams,
  AgencyView,
  UpdateAgencyBody,
  UpdateAgencyContactBody,
  VersionBody,
} from "../../../shared/api/agencies.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { addContact, archiveContact, changeContact, confirmContact } from "./contacts.ts";
import {
  addUnit,
  archiveAgency,
  changeUnit,
  createAgency,
  listAgencies,
  readAgency,
  updateAgency,
} from "./service.ts";

const tags = ["agencies"];

export const agencyRoutes: RouteModule = (app, { database }) => {
  registerAgencyRoutes(app, database);
  registerContactRoutes(app, database);
};

/** The directory and one agency: read by case work, changed by its keepers. */
function registerAgencyRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/agencies",
    {
      schema: {
        tags,
        summary: "The agency directory, searched by kind, name and municipality",
        querystring: AgencyQuery,
        response: { 200: AgencyList },
      },
    },
    (request) => listAgencies(database, requireActor(request), requestMeta(request), request.query),
  );
  app.get(
    "/api/agencies/:agencyId",
    {
      schema: {
        tags,
        summary: "One agency with its units and contact persons",
        params: AgencyParams,
        response: { 200: AgencyView },
      },
    },
    (request) =>
      readAgency(database, requireActor(request), requestMeta(request), request.params.agencyId),
  );
  app.post(
    "/api/agencies",
    { schema: { tags, summary: "Add an agency", body: AgencyBody, response: { 201: AgencyView } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createAgency(database, requireActor(request), requestMeta(request), request.body),
        ),
  );
  app.put(
    "/api/agencies/:agencyId",
    {
      schema: {
        tags,
        summary: "Change an agency (a stale version answers 409)",
        params: AgencyParams,
        body: UpdateAgencyBody,
        response: { 200: AgencyView },
      },
    },
    (request) =>
      updateAgency(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.agencyId,
        request.body,
      ),
  );
  app.post(
    "/api/agencies/:agencyId/archive",
    {
      schema: {
        tags,
        summary: "Archive an agency",
        params: AgencyParams,
        response: { 200: AgencyView },
      },
    },
    (request) =>
      archiveAgency(database, requireActor(request), requestMeta(request), request.params.agencyId),
  );
  app.post(
    "/api/agencies/:agencyId/units",
    {
      schema: {
        tags,
        summary: "Add a unit to an agency",
        params: AgencyParams,
        body: AgencyUnitBody,
        response: { 201: AgencyView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addUnit(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.agencyId,
            request.body,
          ),
        ),
  );
  app.put(
    "/api/agencies/:agencyId/units/:unitId",
    {
      schema: {
        tags,
        summary: "Rename or archive an agency's unit",
        params: AgencyUnitParams,
        body: AgencyUnitBody,
        response: { 200: AgencyView },
      },
    },
    (request) =>
      changeUnit(
        database,
        requireActor(request),
        requestMeta(request),
        request.params,
        request.body,
      ),
  );
}

/** Contact persons: added, changed, confirmed, archived by the agency's keepers. */
function registerContactRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/agencies/:agencyId/contacts",
    {
      schema: {
        tags,
        summary: "Add a contact person (confirmed today by the one who adds it)",
        params: AgencyParams,
        body: AgencyContactBody,
        response: { 201: AgencyView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addContact(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.agencyId,
            request.body,
          ),
        ),
  );
  app.put(
    "/api/agencies/:agencyId/contacts/:contactId",
    {
      schema: {
        tags,
        summary: "Change a contact person (a stale version answers 409)",
        params: AgencyContactParams,
        body: UpdateAgencyContactBody,
        response: { 200: AgencyView },
      },
    },
    (request) =>
      changeContact(
        database,
        requireActor(request),
        requestMeta(request),
        request.params,
        request.body,
      ),
  );
  app.post(
    "/api/agencies/:agencyId/contacts/:contactId/confirm",
    {
      schema: {
        tags,
        summary: "Confirm a contact person's details as current (today, by me)",
        params: AgencyContactParams,
        body: VersionBody,
        response: { 200: AgencyView },
      },
    },
    (request) =>
      confirmContact(
        database,
        requireActor(request),
        requestMeta(request),
        request.params,
        request.body.version,
      ),
  );
  app.post(
    "/api/agencies/:agencyId/contacts/:contactId/archive",
    {
      schema: {
        tags,
        summary: "Archive a contact person",
        params: AgencyContactParams,
        body: VersionBody,
        response: { 200: AgencyView },
      },
    },
    (request) =>
      archiveContact(
        database,
        requireActor(request),
        requestMeta(request),
        request.params,
        request.body.version,
      ),
  );
}
