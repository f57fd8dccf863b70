import {
  ConsultationBody,
  ConsultationFigures,
  ConsultationFiguresQuery,
  ConsultationList,
  ConsultationListQuery,
  ConsultationParams,
  ConsultationView,
  UpdateConsultationBody,
} from "../../../shared/api/consultations.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  listConsultations,
  logConsultation,
  readConsultation,
  readConsultationFigures,
  updateConsultation,
} from "./service.ts";

const tags = ["consultations"];
const namesNote =
  " A text that looks like a person's name answers 422 names_to_confirm (a message per field); send again with confirmNames: true to save.";

/** The resource function's log of consultations to professionals (issue 17, item 3). */
export const consultationRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/consultations",
    {
      schema: {
        tags,
        summary: "The log of the caller's units, newest first (paged)",
        querystring: ConsultationListQuery,
        response: { 200: ConsultationList },
      },
    },
    (request) =>
      listConsultations(database, requireActor(request), requestMeta(request), request.query),
  );
  app.post(
    "/api/consultations",
    {
      schema: {
        tags,
        summary: `Log a consultation (never the individual concerned).${namesNote}`,
        body: ConsultationBody,
        response: { 201: ConsultationView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await logConsultation(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );
  app.get(
    "/api/consultations/figures",
    {
      schema: {
        tags,
        summary:
          "A unit's consultations in figures for a year (and its quarters) or a quarter: by organisation kind, municipality, topic and stage",
        querystring: ConsultationFiguresQuery,
        response: { 200: ConsultationFigures },
      },
    },
    (request) =>
      readConsultationFigures(database, requireActor(request), requestMeta(request), request.query),
  );
  app.get(
    "/api/consultations/:id",
    {
      schema: {
        tags,
        summary: "One consultation",
        params: ConsultationParams,
        response: { 200: ConsultationView },
      },
    },
    (request) =>
      readConsultation(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.put(
    "/api/consultations/:id",
    {
      schema: {
        tags,
        summary: `Change a consultation, e.g. its follow-up (a stale version answers 409).${namesNote}`,
        params: ConsultationParams,
        body: UpdateConsultationBody,
        response: { 200: ConsultationView },
      },
    },
    (request) =>
      updateConsultation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
};
