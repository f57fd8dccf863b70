import { z } from "zod";
import { IdParams } from "../../../shared/api/admin.ts";
import {
  CaseTaskList,
  CaseTaskView,
  CompleteTaskBody,
  RaiseChildConcernBody,
} from "../../../shared/api/tasks.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { completeTask, raiseChildConcern, readTasks } from "./service.ts";

const tags = ["tasks"];
const TaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });

export const taskRoutes: RouteModule = (app, { database }) => {
  registerTaskRoutes(app, database);
  registerChildConcernRoute(app, database);
};

/** The tasks rules have put on the case, and a task done. */
function registerTaskRoutes(app: App, database: DatabaseHandle): void {
  app.get(
    "/api/cases/:id/tasks",
    {
      schema: {
        tags,
        summary: "Tasks rules have put on the case (e.g. report children who witnessed violence)",
        params: IdParams,
        response: { 200: CaseTaskList },
      },
    },
    async (request) => ({
      tasks: await readTasks(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
  app.post(
    "/api/cases/:id/tasks/:taskId/complete",
    {
      schema: {
        tags,
        summary: "Mark a task done, with a note of what was done",
        params: TaskParams,
        body: CompleteTaskBody,
        response: { 200: CaseTaskView },
      },
    },
    async (request) =>
      completeTask(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
        request.params.taskId,
        request.body,
      ),
  );
}

/** A concern for a child: a task to make a report of concern today. */
function registerChildConcernRoute(app: App, database: DatabaseHandle): void {
  app.post(
    "/api/cases/:id/child-concerns",
    {
      schema: {
        tags,
        summary: "Concern for a child: a task to make a report of concern today",
        params: IdParams,
        body: RaiseChildConcernBody,
        response: { 201: CaseTaskList },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        tasks: await raiseChildConcern(
          database,
          requireActor(request),
          requestMeta(request),
          request.params.id,
          request.body.concern,
        ),
      }),
  );
}
