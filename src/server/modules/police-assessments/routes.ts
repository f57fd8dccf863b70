import { IdParams } from "../../../shared/api/admin.ts";
import {
  PoliceAssessmentList,
  RecordPoliceAssessmentBody,
} from "../../../shared/api/police-assessments.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { readPoliceAssessments, recordPoliceAssessment } from "./service.ts";

const tags = ["assessments"];

export const policeAssessmentRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/cases/:id/police-assessments",
    {
      schema: {
        tags,
        summary: "The police's risk assessments, obtained with the client's consent",
        params: IdParams,
        response: { 200: PoliceAssessmentList },
      },
    },
    async (request) => ({
      policeAssessments: await readPoliceAssessments(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/police-assessments",
    {
      schema: {
        tags,
        summary: "Record the police's assessment and the consent it was obtained with",
        params: IdParams,
        body: RecordPoliceAssessmentBody,
        response: { 201: PoliceAssessmentList },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        policeAssessments: await recordPoliceAssessment(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          request.body,
        ),
      }),
  );
};
