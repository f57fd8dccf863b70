import { IdParams } from "../../../shared/api/admin.ts";
import {
  ChecklistChangeBody,
  ChecklistItemParams,
  PersonRevealList,
  ProtectedPersonList,
  ProtectionChecklist,
  ProtectionConsultation,
  ProtectionConsultationBody,
} from "../../../shared/api/protection.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { readChecklist, setChecklistItem } from "./checklist.ts";
import { recordConsultation } from "./consultations.ts";
import { listProtectedPersons, personReveals } from "./officer.ts";

const tags = ["protection"];

/**
 * The protection officer (issue 19, item 3): the unit's protected persons, their reveals and
 * the consultations; the mail-and-payment routine on a protected person's case. The reveal
 * itself is the person's (persons/routes.ts).
 */
export const protectionRoutes: RouteModule = (app, { database }) => {
  registerOfficerRoutes(app, database);
  registerChecklistRoutes(app, database);
};

function registerOfficerRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/protection/persons",
    {
      schema: {
        tags,
        summary: "The protected persons of the units where the caller is protection officer",
        response: { 200: ProtectedPersonList },
      },
    },
    async (request) => listProtectedPersons(database, requireActor(request), requestMeta(request)),
  );
  app.get(
    "/api/protection/persons/:id/reveals",
    {
      schema: {
        tags,
        summary: "Every reveal of a protected person's details, and the consultations about her",
        params: IdParams,
        response: { 200: PersonRevealList },
      },
    },
    async (request) =>
      personReveals(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.post(
    "/api/protection/persons/:id/consultations",
    {
      schema: {
        tags,
        summary:
          "The protection officer records a consultation: before her protection is lowered or her data disclosed",
        params: IdParams,
        body: ProtectionConsultationBody,
        response: { 201: ProtectionConsultation },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await recordConsultation(
            database,
            requireActor(request),
            requestMeta(request),
            request.params.id,
            request.body,
          ),
        ),
  );
}

function registerChecklistRoutes(app: App, database: DatabaseHandle) {
  app.get(
    "/api/cases/:id/protection-checklist",
    {
      schema: {
        tags,
        summary: "The mail-and-payment routine on a protected person's case",
        params: IdParams,
        response: { 200: ProtectionChecklist },
      },
    },
    async (request) =>
      readChecklist(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.put(
    "/api/cases/:id/protection-checklist/:item",
    {
      schema: {
        tags,
        summary: "Tick an item of the routine off, or take the tick back",
        params: ChecklistItemParams,
        body: ChecklistChangeBody,
        response: { 200: ProtectionChecklist },
      },
    },
    async (request) =>
      setChecklistItem(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.item,
        request.body.done,
      ),
  );
}
