import { IdParams } from "../../../shared/api/admin.ts";
import {
  ChildTrackView,
  ExtensionBody,
  PreliminaryDecisionBody,
  ProtectionAssessmentBody,
} from "../../../shared/api/child-track.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  decidePreliminary,
  extendInvestigation,
  readChildTrack,
  recordProtectionAssessment,
} from "./service.ts";

const tags = ["children"];

export const childTrackRoutes: RouteModule = (app, { database }) => {
  registerReportRoutes(app, database);
  registerInvestigationRoutes(app, database);
};

/** The child's track, and the same-day protection assessment of a report. */
function registerReportRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/child-track",
    {
      schema: {
        tags,
        summary:
          "Reports, protection assessments, preliminary decision and deadlines of a child's case",
        params: IdParams,
        response: { 200: ChildTrackView },
      },
    },
    async (request) =>
      readChildTrack(database, requireActor(request), requestMeta(request), request.params.id),
  );
  app.post(
    "/api/cases/:id/protection-assessments",
    {
      schema: {
        tags,
        summary: "Record the same-day protection assessment of a report of concern",
        params: IdParams,
        body: ProtectionAssessmentBody,
        response: { 200: ChildTrackView },
      },
    },
    async (request) =>
      recordProtectionAssessment(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}

/** Whether to open an investigation, and an investigation extended. */
function registerInvestigationRoutes(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/preliminary-decision",
    {
      schema: {
        tags,
        summary: "Decide whether to open an investigation (within 14 days)",
        params: IdParams,
        body: PreliminaryDecisionBody,
        response: { 200: ChildTrackView },
      },
    },
    async (request) =>
      decidePreliminary(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
  app.post(
    "/api/cases/:id/investigation-extensions",
    {
      schema: {
        tags,
        summary: "Extend a child's investigation by decision, with reasons (unit manager)",
        params: IdParams,
        body: ExtensionBody,
        response: { 200: ChildTrackView },
      },
    },
    async (request) =>
      extendInvestigation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.body,
      ),
  );
}
