import { IdParams } from "../../../shared/api/admin.ts";
import { CaseDeadlines, Worklist, WorklistQuery } from "../../../shared/api/worklist.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { caseDeadlines } from "./case-deadlines.ts";
import { worklist } from "./service.ts";

export const worklistRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/worklist",
    {
      schema: {
        tags: ["worklist"],
        summary:
          "Att göra: deadlines overdue or due within 7 days (mine, or my units' as manager), filtered and sorted as asked",
        querystring: WorklistQuery,
        response: { 200: Worklist },
      },
    },
    async (request) => ({
      items: await worklist(database, requireActor(request), requestMeta(request), request.query),
    }),
  );
  app.get(
    "/api/cases/:id/deadlines",
    {
      schema: {
        tags: ["worklist"],
        summary: "What is due in one case, every deadline soonest first (its workspace)",
        params: IdParams,
        response: { 200: CaseDeadlines },
      },
    },
    async (request) => ({
      items: await caseDeadlines(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.id,
      ),
    }),
  );
};
