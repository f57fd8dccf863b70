import { IdParams } from "../../../shared/api/admin.ts";
import {
  CaseConsultationBody,
  CaseConsultationList,
} from "../../../shared/api/case-consultations.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { readCaseConsultations, recordCaseConsultation } from "./service.ts";

const tags = ["case-consultations"];

export const caseConsultationRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/cases/:id/case-consultations",
    {
      schema: {
        tags,
        summary: "The case's anonymised consultations (without consent, without identity)",
        params: IdParams,
        response: { 200: CaseConsultationList },
      },
    },
    async (request) =>
      readCaseConsultations(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
  );
  app.post(
    "/api/cases/:id/case-consultations",
    {
      schema: {
        tags,
        summary: "Record an anonymised consultation: identity numbers refused, names confirmed",
        params: IdParams,
        body: CaseConsultationBody,
        response: { 201: CaseConsultationList },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordCaseConsultation(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
};
