import { z } from "zod";
import {
  CompetenceFigures,
  CompetenceParams,
  CompetenceQuery,
  CompetenceRegister,
  InstructorBody,
  InstructorView,
  MeetingBody,
  MeetingView,
  StudyVisitBody,
  StudyVisitView,
  SupervisionBody,
  SupervisionView,
  TrainingBody,
  TrainingView,
  UpdateInstructorBody,
  UpdateTrainingBody,
} from "../../../shared/api/competence.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  createInstructor,
  createMeeting,
  createStudyVisit,
  createSupervision,
  createTraining,
  readFigures,
  readRegister,
  removeEntry,
  updateInstructor,
  updateTraining,
} from "./service.ts";

const tags = ["competence"];

/** The competence register (issue 17, item 5): the organisation's, staff data only. */
export const competenceRoutes: RouteModule = (app, { database }) => {
  registerReadRoutes(app, database);
  registerTrainingRoutes(app, database);
  registerInstructorRoutes(app, database);
  registerEntryRoutes(app, database);
};

function registerReadRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/competence",
    {
      schema: {
        tags,
        summary: "The register for a year: trainings, instructors, meetings, supervision, visits",
        querystring: CompetenceQuery,
        response: { 200: CompetenceRegister },
      },
    },
    (request) =>
      readRegister(database, requireActor(request), requestMeta(request), request.query.year),
  );
  app.get(
    "/api/competence/figures",
    {
      schema: {
        tags,
        summary:
          "A year in figures: trainings, hours, participants, instructors trained and active, supervision, study visits",
        querystring: CompetenceQuery,
        response: { 200: CompetenceFigures },
      },
    },
    (request) =>
      readFigures(database, requireActor(request), requestMeta(request), request.query.year),
  );
}

function registerTrainingRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/competence/trainings",
    {
      schema: {
        tags,
        summary: "Record a training",
        body: TrainingBody,
        response: { 201: TrainingView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createTraining(database, requireActor(request), requestMeta(request), request.body),
        ),
  );
  app.put(
    "/api/competence/trainings/:id",
    {
      schema: {
        tags,
        summary: "Change a training (a stale version answers 409)",
        params: CompetenceParams,
        body: UpdateTrainingBody,
        response: { 200: TrainingView },
      },
    },
    (request) =>
      updateTraining(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

function registerInstructorRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/competence/instructors",
    {
      schema: {
        tags,
        summary: "Record an instructor (kvinnofridsinstruktör)",
        body: InstructorBody,
        response: { 201: InstructorView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createInstructor(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );
  app.put(
    "/api/competence/instructors/:id",
    {
      schema: {
        tags,
        summary: "Change an instructor, e.g. no longer active (a stale version answers 409)",
        params: CompetenceParams,
        body: UpdateInstructorBody,
        response: { 200: InstructorView },
      },
    },
    (request) =>
      updateInstructor(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

/** Entries that are recorded and, if wrong, removed: meetings, supervision, study visits. */
function registerEntryRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/competence/meetings",
    {
      schema: {
        tags,
        summary: "Record an instructors' follow-up meeting and who attended",
        body: MeetingBody,
        response: { 201: MeetingView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createMeeting(database, requireActor(request), requestMeta(request), request.body),
        ),
  );
  app.post(
    "/api/competence/supervision",
    {
      schema: {
        tags,
        summary: "Record a supervision session given to a staff group",
        body: SupervisionBody,
        response: { 201: SupervisionView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createSupervision(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );
  app.post(
    "/api/competence/study-visits",
    {
      schema: {
        tags,
        summary: "Record a study visit received",
        body: StudyVisitBody,
        response: { 201: StudyVisitView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createStudyVisit(
            database,
            requireActor(request),
            requestMeta(request),
            request.body,
          ),
        ),
  );
  const removable = [
    ["trainings", "training", "training"],
    ["meetings", "meeting", "follow-up meeting"],
    ["supervision", "supervision", "supervision session"],
    ["study-visits", "study_visit", "study visit"],
  ] as const;
  for (const [path, record, what] of removable) {
    app.delete(
      `/api/competence/${path}/:id`,
      {
        schema: {
          tags,
          summary: `Remove a wrongly recorded ${what}`,
          params: CompetenceParams,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await removeEntry(
          database,
          requireActor(request),
          requestMeta(request),
          record,
          request.params.id,
        );
        return reply.status(204).send();
      },
    );
  }
}
