import { IdParams } from "../../../shared/api/admin.ts";
import {
  ContactIntakeBody,
  ContactIntakeResult,
  PersonServiceCourses,
  RecordServiceContactBody,
  RecordServiceContactResult,
  ResponsibleBody,
  ServiceCoursePage,
  ServiceCourseQuery,
  ServiceCourseView,
} from "../../../shared/api/service-contacts.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { contactIntake } from "./intake.ts";
import {
  changeResponsible,
  closeCourse,
  listCourses,
  personCourses,
  readCourse,
  recordContact,
} from "./service.ts";

const tags = ["service-contacts"];

/** Service contacts (issue 17): contacts without a case, one person's as one course. */
export const serviceContactRoutes: RouteModule = (app, { database }) => {
  registerContactRoutes(app, database);
  registerCourseRoutes(app, database);
  registerCourseEndRoutes(app, database);
};

/** Recording contacts, the list of courses, and a contact turned into an intake. */
function registerContactRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/service-contacts",
    {
      schema: {
        tags,
        summary:
          "Record a service contact: a further one in a course, or the first of a new course (identified, first name and birth year, or anonymous)",
        body: RecordServiceContactBody,
        response: { 201: RecordServiceContactResult },
      },
    },
    async (request, reply) => {
      const result = await recordContact(
        database,
        requireActor(request),
        requestMeta(request),
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
  app.get(
    "/api/service-contacts",
    {
      schema: {
        tags,
        summary: "The service courses the caller may see, newest contact first, a page at a time",
        querystring: ServiceCourseQuery,
        response: { 200: ServiceCoursePage },
      },
    },
    async (request) =>
      listCourses(database, requireActor(request), requestMeta(request), request.query),
  );
  app.post(
    "/api/service-contacts/:id/intake",
    {
      schema: {
        tags,
        summary:
          "Turn the contact into an intake (and the case it opens or joins), carrying what was said",
        params: IdParams,
        body: ContactIntakeBody,
        response: { 201: ContactIntakeResult },
      },
    },
    async (request, reply) => {
      const result = await contactIntake(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
}

/** One course: read, and its responsible worker. */
function registerCourseRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/service-courses/:id",
    {
      schema: {
        tags,
        summary: "A course of service contacts with its contacts",
        params: IdParams,
        response: { 200: ServiceCourseView },
      },
    },
    async (request) =>
      readCourse(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.put(
    "/api/service-courses/:id/responsible",
    {
      schema: {
        tags,
        summary: "Hand the course to another worker of its unit (the unit's managers)",
        params: IdParams,
        body: ResponsibleBody,
        response: { 200: ServiceCourseView },
      },
    },
    async (request) =>
      changeResponsible(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body.userId,
      ),
  );
}

/** Closing a course, and an identified person's courses on their page. */
function registerCourseEndRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/service-courses/:id/close",
    {
      schema: {
        tags,
        summary: "Close the course: no further contacts in it",
        params: IdParams,
        response: { 200: ServiceCourseView },
      },
    },
    async (request) =>
      closeCourse(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.get(
    "/api/persons/:id/service-courses",
    {
      schema: {
        tags,
        summary: "An identified person's service courses that the caller may see",
        params: IdParams,
        response: { 200: PersonServiceCourses },
      },
    },
    async (request) => ({
      ...(await personCourses(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      )),
    }),
  );
}
