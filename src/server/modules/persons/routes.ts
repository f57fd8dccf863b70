import { IdParams } from "../../../shared/api/admin.ts";
import {
  PersonDetail,
  PersonList,
  PersonSearchBody,
  PersonView,
  RegisterPersonBody,
  UpdatePersonBody,
} from "../../../shared/api/persons.ts";
import { ContactReveal, ContactRevealBody } from "../../../shared/api/protection.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { registerPerson } from "./register.ts";
import { revealContact } from "./reveal.ts";
import { readPerson, searchPersons, updatePersonDetails } from "./service.ts";

const tags = ["persons"];

export const personRoutes: RouteModule = (app, { database }) => {
  registerPersonRecordRoutes(app, database);
  registerPersonSearchRoute(app, database);
};

/** A person's record: registered, read, changed. */
function registerPersonRecordRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/persons",
    {
      schema: {
        tags,
        summary: "Register a person",
        body: RegisterPersonBody,
        response: { 201: PersonView },
      },
    },
    async (request, reply) => {
      const person = await registerPerson(
        database,
        requireActor(request),
        requestMeta(request),
        request.body,
      );
      return reply.status(201).send(person);
    },
  );

  app.get(
    "/api/persons/:id",
    {
      schema: {
        tags,
        summary: "A person and the cases the caller may see",
        params: IdParams,
        response: { 200: PersonDetail },
      },
    },
    async (request) =>
      readPerson(database, requireActor(request), requestMeta(request), request.params.id),
  );

  app.post(
    "/api/persons/:id/contact-reveal",
    {
      schema: {
        tags,
        summary:
          "A protected person's contact details, for a few minutes, with the reason recorded and shown to her protection officer",
        params: IdParams,
        body: ContactRevealBody,
        response: { 200: ContactReveal },
      },
    },
    async (request) =>
      revealContact(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );

  app.patch(
    "/api/persons/:id",
    {
      schema: {
        tags,
        summary:
          "Change languages, interpreter need, safe-contact instructions and contact details",
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: PersonDetail },
      },
    },
    async (request) =>
      updatePersonDetails(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

/** Finding a person by identity number or name. */
function registerPersonSearchRoute(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/persons/search",
    {
      schema: {
        tags,
        summary:
          "Search persons by identity number or name, ranked and paged (POST: the number never goes in a URL)",
        body: PersonSearchBody,
        response: { 200: PersonList },
      },
    },
    async (request) =>
      searchPersons(database, requireActor(request), requestMeta(request), request.body),
  );
}
