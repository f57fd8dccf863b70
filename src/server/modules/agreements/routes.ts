import {
  AgreementBody,
  AgreementList,
  AgreementParams,
  AgreementView,
  AssignmentBody,
  AssignmentParams,
  AssignmentView,
  FollowUpBody,
  UpdateAgreementBody,
  UpdateAssignmentBody,
} from "../../../shared/api/agreements.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { createAssignment, updateAssignment } from "./assignments.ts";
import {
  createAgreement,
  listAgreements,
  readAgreement,
  recordFollowUp,
  updateAgreement,
} from "./service.ts";

const tags = ["agreements"];

export const agreementRoutes: RouteModule = (app, { database }) => {
  registerAgreementRoutes(app, database);
  registerAssignmentRoutes(app, database);
};

function registerAgreementRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/agreements",
    {
      schema: {
        tags,
        summary: "Collaboration agreements and assignments to voluntary organisations",
        response: { 200: AgreementList },
      },
    },
    (request) => listAgreements(database, requireActor(request), requestMeta(request)),
  );
  app.get(
    "/api/agreements/:agreementId",
    {
      schema: {
        tags,
        summary: "One agreement with its follow-ups",
        params: AgreementParams,
        response: { 200: AgreementView },
      },
    },
    (request) =>
      readAgreement(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.agreementId,
      ),
  );
  app.post(
    "/api/agreements",
    {
      schema: {
        tags,
        summary: "Add an agreement (the next follow-up no later than 24 months after signing)",
        body: AgreementBody,
        response: { 201: AgreementView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createAgreement(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );
  app.put(
    "/api/agreements/:agreementId",
    {
      schema: {
        tags,
        summary: "Change an agreement (a stale version answers 409)",
        params: AgreementParams,
        body: UpdateAgreementBody,
        response: { 200: AgreementView },
      },
    },
    (request) =>
      updateAgreement(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.agreementId,
        request.body,
      ),
  );
  app.post(
    "/api/agreements/:agreementId/follow-ups",
    {
      schema: {
        tags,
        summary: "Record a follow-up and the next (no later than 24 months on)",
        params: AgreementParams,
        body: FollowUpBody,
        response: { 201: AgreementView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordFollowUp(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.agreementId,
            request.body,
          ),
        ),
  );
}

function registerAssignmentRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/assignments",
    {
      schema: {
        tags,
        summary: "Record the committee's assignment to a voluntary organisation",
        body: AssignmentBody,
        response: { 201: AssignmentView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createAssignment(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );
  app.put(
    "/api/assignments/:assignmentId",
    {
      schema: {
        tags,
        summary: "Change an assignment (a stale version answers 409)",
        params: AssignmentParams,
        body: UpdateAssignmentBody,
        response: { 200: AssignmentView },
      },
    },
    (request) =>
      updateAssignment(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.assignmentId,
        request.body,
      ),
  );
}
