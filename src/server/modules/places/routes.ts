import {
  CaseParams,
  ClosePlaceBody,
  EnquiryAnswerBody,
  EnquiryBody,
  EnquiryList,
  EnquiryParams,
  EnquiryView,
  HoldBody,
  HoldList,
  HoldParams,
  HoldView,
  PlaceAddress,
  PlaceAddressBody,
  PlaceBody,
  PlaceContactBody,
  PlaceContactParams,
  PlaceList,
  PlaceParams,
  PlaceView,
  UpdatePlaceBody,
  VacancyList,
  VacancyQuery,
} from "../../../shared/api/places.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { readAddress, saveAddress } from "./address.ts";
import { answerEnquiry, createEnquiry, readEnquiries } from "./enquiries.ts";
import { holdPlace, readHolds, readVacancies, releaseHold } from "./holds.ts";
import {
  addContact,
  closePlace,
  createPlace,
  listPlaces,
  readPlace,
  removeContact,
  updatePlace,
} from "./service.ts";

const tags = ["places"];

export const placeRoutes: RouteModule = (app, { database }) => {
  registerRegisterRoutes(app, database);
  registerPlaceChangeRoutes(app, database);
  registerAddressRoutes(app, database);
  registerVacancyAndHoldRoutes(app, database);
  registerEnquiryRoutes(app, database);
};

/** The register: every place for those doing case work, never its address. */
function registerRegisterRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/places",
    {
      schema: {
        tags,
        summary: "The register of places (no address)",
        response: { 200: PlaceList },
      },
    },
    (request) => listPlaces(database, requireActor(request), requestMeta(request)),
  );
  app.get(
    "/api/places/:placeId",
    {
      schema: {
        tags,
        summary: "One place (no address)",
        params: PlaceParams,
        response: { 200: PlaceView },
      },
    },
    (request) =>
      readPlace(database, requireActor(request), requestMeta(request), request.params.placeId),
  );
  app.post(
    "/api/places",
    {
      schema: { tags, summary: "Register a place", body: PlaceBody, response: { 201: PlaceView } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createPlace(database, requireActor(request), requestMeta(request), request.body),
        ),
  );
}

/** Changes by those who administer the place: the place, closing it, its contact persons. */
function registerPlaceChangeRoutes(app: App, database: DatabaseHandle): void {
  app.put(
    "/api/places/:placeId",
    {
      schema: {
        tags,
        summary: "Change a place (a stale version answers 409)",
        params: PlaceParams,
        body: UpdatePlaceBody,
        response: { 200: PlaceView },
      },
    },
    (request) =>
      updatePlace(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.placeId,
        request.body,
      ),
  );
  app.post(
    "/api/places/:placeId/close",
    {
      schema: {
        tags,
        summary: "Close a place",
        params: PlaceParams,
        body: ClosePlaceBody,
        response: { 200: PlaceView },
      },
    },
    (request) =>
      closePlace(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.placeId,
        request.body.closedOn,
      ),
  );
  app.post(
    "/api/places/:placeId/contacts",
    {
      schema: {
        tags,
        summary: "Add a contact person to a place",
        params: PlaceParams,
        body: PlaceContactBody,
        response: { 201: PlaceView },
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
            request.params.placeId,
            request.body,
          ),
        ),
  );
  app.delete(
    "/api/places/:placeId/contacts/:contactId",
    {
      schema: {
        tags,
        summary: "Remove a contact person from a place",
        params: PlaceContactParams,
        response: { 200: PlaceView },
      },
    },
    (request) =>
      removeContact(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.placeId,
        request.params.contactId,
      ),
  );
}

/** The protected address: read by few, every reading audited. */
function registerAddressRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/places/:placeId/address",
    {
      schema: {
        tags,
        summary:
          "A place's address (audited; only for those who administer or run it, or handle a stay there)",
        params: PlaceParams,
        response: { 200: PlaceAddress },
      },
    },
    (request) =>
      readAddress(database, requireActor(request), requestMeta(request), request.params.placeId),
  );
  app.put(
    "/api/places/:placeId/address",
    {
      schema: {
        tags,
        summary: "Record or change a place's address",
        params: PlaceParams,
        body: PlaceAddressBody,
        response: { 200: PlaceAddress },
      },
    },
    (request) =>
      saveAddress(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.placeId,
        request.body,
      ),
  );
}

/** The vacancy board, and holds on a place for a case. */
function registerVacancyAndHoldRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/vacancies",
    {
      schema: {
        tags,
        summary: "Occupancy and free places today, and whether each takes the household asked for",
        querystring: VacancyQuery,
        response: { 200: VacancyList },
      },
    },
    (request) =>
      readVacancies(database, requireActor(request), requestMeta(request), request.query),
  );
  app.get(
    "/api/cases/:caseId/holds",
    {
      schema: {
        tags,
        summary: "A case's holds on places",
        params: CaseParams,
        response: { 200: HoldList },
      },
    },
    async (request) => ({
      holds: await readHolds(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.caseId,
      ),
    }),
  );
  app.post(
    "/api/cases/:caseId/holds",
    {
      schema: {
        tags,
        summary: "Hold a place for a case (409 when it is no longer free)",
        params: CaseParams,
        body: HoldBody,
        response: { 201: HoldView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await holdPlace(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.caseId,
            request.body,
          ),
        ),
  );
  app.post(
    "/api/holds/:holdId/release",
    {
      schema: { tags, summary: "Release a hold", params: HoldParams, response: { 200: HoldList } },
    },
    async (request) => ({
      holds: await releaseHold(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.holdId,
      ),
    }),
  );
}

/** Enquiries to a place for a case, and their coded answers. */
function registerEnquiryRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:caseId/enquiries",
    {
      schema: {
        tags,
        summary: "A case's enquiries about places",
        params: CaseParams,
        response: { 200: EnquiryList },
      },
    },
    async (request) => ({
      enquiries: await readEnquiries(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.caseId,
      ),
    }),
  );
  app.post(
    "/api/cases/:caseId/enquiries",
    {
      schema: {
        tags,
        summary: "Record an enquiry to a place",
        params: CaseParams,
        body: EnquiryBody,
        response: { 201: EnquiryView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createEnquiry(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.caseId,
            request.body,
          ),
        ),
  );
  app.post(
    "/api/enquiries/:enquiryId/answer",
    {
      schema: {
        tags,
        summary: "Record the place's answer to an enquiry",
        params: EnquiryParams,
        body: EnquiryAnswerBody,
        response: { 200: EnquiryView },
      },
    },
    (request) =>
      answerEnquiry(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.enquiryId,
        request.body,
      ),
  );
}
