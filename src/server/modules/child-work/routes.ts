import type { z } from "zod";
import {
  CaseChildWorkParams,
  CaseChildWorkResult,
  type ChildWork,
  ChildWorkParams,
  ChildWorkResult,
  CloseChildWorkBody,
  ConsultationBody,
  CourseChildWorkParams,
  CourseChildWorkResult,
  EndSeriesBody,
  MedicalExamBody,
  OpenCaseChildWorkBody,
  OpenCourseChildWorkBody,
  PoliceReportBody,
  RecordTalkBody,
  StartSeriesBody,
} from "../../../shared/api/child-work.ts";
import type { Actor, RequestMeta } from "../../access/actor.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { openCaseWork, openCourseWork, readCaseWorks, readCourseWork } from "./open.ts";
import {
  closeWork,
  endSeries,
  readWork,
  recordConsultation,
  recordMedicalExam,
  recordPoliceReport,
  recordTalk,
  startSeries,
} from "./service.ts";

const tags = ["child-work"];

/** The children's crisis centre's work with a child (issue 17, item 2). */
export const childWorkRoutes: RouteModule = (app, { database }) => {
  registerCaseAnchorRoutes(app, database);
  registerCourseAnchorRoutes(app, database);
  registerWorkRoutes(app, database);
  registerSeriesRoutes(app, database);
};

/** A child's work opened and listed in a case. */
function registerCaseAnchorRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:caseId/child-work",
    {
      schema: {
        tags,
        summary: "The case's children's work at the crisis centre, and the children without one",
        params: CaseChildWorkParams,
        response: { 200: CaseChildWorkResult },
      },
    },
    async (request) =>
      readCaseWorks(database, requireActor(request), requestMeta(request), request.params.caseId),
  );
  app.post(
    "/api/cases/:caseId/child-work",
    {
      schema: {
        tags,
        summary: "Open the crisis centre's work with a child of the case",
        params: CaseChildWorkParams,
        body: OpenCaseChildWorkBody,
        response: { 201: ChildWorkResult },
      },
    },
    async (request, reply) => {
      const work = await openCaseWork(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.caseId,
        request.body,
      );
      return reply.status(201).send({ work });
    },
  );
}

/** The child's work as a service, in the child's own service course. */
function registerCourseAnchorRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/service-courses/:courseId/child-work",
    {
      schema: {
        tags,
        summary: "The crisis centre's work with the child of a service course (null: none yet)",
        params: CourseChildWorkParams,
        response: { 200: CourseChildWorkResult },
      },
    },
    async (request) =>
      readCourseWork(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.courseId,
      ),
  );
  app.post(
    "/api/service-courses/:courseId/child-work",
    {
      schema: {
        tags,
        summary: "Open the crisis centre's work with a child as a service (the child's course)",
        params: CourseChildWorkParams,
        body: OpenCourseChildWorkBody,
        response: { 201: ChildWorkResult },
      },
    },
    async (request, reply) => {
      const work = await openCourseWork(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.courseId,
        request.body,
      );
      return reply.status(201).send({ work });
    },
  );
}

interface Command<S extends z.ZodType> {
  path: string;
  summary: string;
  body: S;
  status: 200 | 201;
  run: (
    database: DatabaseHandle,
    actor: Actor,
    meta: RequestMeta,
    id: string,
    input: z.output<S>,
  ) => Promise<ChildWork>;
}

/** One command on a work or a series: each answers the whole work, as the page shows it. */
function workCommand<S extends z.ZodType>(app: App, database: DatabaseHandle, c: Command<S>) {
  app.post(
    c.path,
    {
      schema: {
        tags,
        summary: c.summary,
        params: ChildWorkParams,
        body: c.body,
        response: { [c.status]: ChildWorkResult },
      },
    },
    async (request, reply) => {
      const work = await c.run(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        // Validated by the route's own schema (c.body) before the handler runs.
        request.body as z.output<S>,
      );
      return reply.status(c.status).send({ work });
    },
  );
}

/** The child's work read, what is recorded in it, and its close. */
function registerWorkRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/child-work/:id",
    {
      schema: {
        tags,
        summary: "A child's work: series and talks, police reports, examinations, consultations",
        params: ChildWorkParams,
        response: { 200: ChildWorkResult },
      },
    },
    async (request) => ({
      work: await readWork(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  const at = "/api/child-work/:id";
  workCommand(app, database, {
    path: `${at}/crisis-talk-series`,
    summary: "Start a series of crisis talks (e.g. the Trappan model)",
    body: StartSeriesBody,
    status: 201,
    run: startSeries,
  });
  workCommand(app, database, {
    path: `${at}/police-reports`,
    summary: "Record a police report made about the child",
    body: PoliceReportBody,
    status: 201,
    run: recordPoliceReport,
  });
  workCommand(app, database, {
    path: `${at}/medical-exams`,
    summary: "Record a medical examination of the child",
    body: MedicalExamBody,
    status: 201,
    run: recordMedicalExam,
  });
  workCommand(app, database, {
    path: `${at}/consultations`,
    summary: "Record a consultation (samråd) with other agencies: anonymised or with consent",
    body: ConsultationBody,
    status: 201,
    run: recordConsultation,
  });
  workCommand(app, database, {
    path: `${at}/close`,
    summary: "Close the child's work (a series still going ends the same day)",
    body: CloseChildWorkBody,
    status: 200,
    run: closeWork,
  });
}

/** A series' talks (numbered by the server) and its end. */
function registerSeriesRoutes(app: App, database: DatabaseHandle): void {
  workCommand(app, database, {
    path: "/api/crisis-talk-series/:id/talks",
    summary: "Record the next talk of the series (its number given by the server)",
    body: RecordTalkBody,
    status: 201,
    run: recordTalk,
  });
  workCommand(app, database, {
    path: "/api/crisis-talk-series/:id/end",
    summary: "End the series of crisis talks",
    body: EndSeriesBody,
    status: 200,
    run: endSeries,
  });
}
