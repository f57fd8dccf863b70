import { IdParams } from "../../../shared/api/admin.ts";
import {
  ChildTrackView,
  ExtensionBody,
  PreliminaryDecisionBody,
  ProtectionAssessmentBody,
} from "../../../shared/api/child-track.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import {
  decidePreliminary,
  extendInvestigation,
  readChildTrack,
  recordProtectionAssessment,
} from "./service.ts";

const tags = ["children"];

export const childTrackRoutes: RouteModule = (app, { database }) => {
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
};
