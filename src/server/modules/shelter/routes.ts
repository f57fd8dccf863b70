import {
  CheckInBody,
  CheckOutBody,
  ShelterStay,
  ShelterStayList,
  StayNote,
  StayNoteBody,
  StayNoteList,
  StayParams,
  StayStatus,
} from "../../../shared/api/shelter.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { addNote, checkIn, checkOut, readNotes } from "./commands.ts";
import { shelterStay, shelterStays } from "./view.ts";

const tags = ["shelter"];

export const shelterRoutes: RouteModule = (app, { database }) => {
  registerStayCommands(app, database);
  registerNoteRoutes(app, database);
  registerShelterViews(app, database);
};

/** Check-in and check-out: the placing caseworker or the shelter running the stay's place. */
function registerStayCommands(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/stays/:stayId/check-in",
    {
      schema: {
        tags,
        summary: "Check a stay in (she and the children have come)",
        params: StayParams,
        body: CheckInBody,
        response: { 200: StayStatus },
      },
    },
    (request) =>
      checkIn(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.stayId,
        request.body,
      ),
  );
  app.post(
    "/api/stays/:stayId/check-out",
    {
      schema: {
        tags,
        summary: "Check a stay out: the day she left and why (where to: the caseworker only)",
        params: StayParams,
        body: CheckOutBody,
        response: { 200: StayStatus },
      },
    },
    (request) =>
      checkOut(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.stayId,
        request.body,
      ),
  );
}

/** Talks, talks with a child, incidents and notes in a stay. */
function registerNoteRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/stays/:stayId/notes",
    {
      schema: {
        tags,
        summary: "Write a note in a stay (a talk, a talk with a child, an incident)",
        params: StayParams,
        body: StayNoteBody,
        response: { 201: StayNote },
      },
    },
    async (request, reply) => {
      const note = await addNote(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.stayId,
        request.body,
      );
      return reply.code(201).send(note);
    },
  );
  app.get(
    "/api/stays/:stayId/notes",
    {
      schema: {
        tags,
        summary: "The notes of a stay, newest first",
        params: StayParams,
        response: { 200: StayNoteList },
      },
    },
    async (request) => ({
      notes: await readNotes(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.stayId,
      ),
    }),
  );
}

/** The shelter's own view of its residents: never the case behind a stay. */
function registerShelterViews(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/shelter/stays",
    {
      schema: {
        tags,
        summary: "Expected, current and recently left stays at the actor's shelter",
        response: { 200: ShelterStayList },
      },
    },
    (request) => shelterStays(database, requireActor(request), requestMeta(request)),
  );
  app.get(
    "/api/shelter/stays/:stayId",
    {
      schema: {
        tags,
        summary: "One stay at the actor's shelter",
        params: StayParams,
        response: { 200: ShelterStay },
      },
    },
    (request) =>
      shelterStay(database, requireActor(request), requestMeta(request), request.params.stayId),
  );
}
