import {
  BreakGlassBody,
  BreakGlassConclusionBody,
  BreakGlassOpened,
  BreakGlassReviewDetail,
  BreakGlassReviewList,
  BreakGlassReviewParams,
  BreakGlassReviewQuery,
} from "../../../shared/api/break-glass.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { concludeReview, listReviews, readReview } from "./reviews.ts";
import { openBreakGlass } from "./service.ts";

const tags = ["break-glass"];

/** Break-glass (issue 19, item 6): the worker's emergency access and the managers' review. */
export const breakGlassRoutes: RouteModule = (app, { database, config }) => {
  app.post(
    "/api/break-glass",
    {
      schema: {
        tags,
        summary:
          "Read-only access for 60 minutes to a case outside one's access, named by its reference, with a reason (never across a barrier)",
        body: BreakGlassBody,
        response: { 201: BreakGlassOpened },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await openBreakGlass(database, requireActor(request), requestMeta(request), request.body, {
          config,
          logger: request.log,
        }),
      ),
  );
  app.get(
    "/api/break-glass/reviews",
    {
      schema: {
        tags,
        summary: "Break-glass accesses to cases of the caller's units, open or concluded",
        querystring: BreakGlassReviewQuery,
        response: { 200: BreakGlassReviewList },
      },
    },
    (request) =>
      listReviews(database, requireActor(request), requestMeta(request), request.query.state),
  );
  app.get(
    "/api/break-glass/reviews/:grantId",
    {
      schema: {
        tags,
        summary: "One break-glass access with what the worker did in the case meanwhile",
        params: BreakGlassReviewParams,
        response: { 200: BreakGlassReviewDetail },
      },
    },
    (request) =>
      readReview(database, requireActor(request), requestMeta(request), request.params.grantId),
  );
  app.post(
    "/api/break-glass/reviews/:grantId",
    {
      schema: {
        tags,
        summary: "Conclude a break-glass access: justified, or not justified with a note (once)",
        params: BreakGlassReviewParams,
        body: BreakGlassConclusionBody,
        response: { 200: BreakGlassReviewDetail },
      },
    },
    (request) =>
      concludeReview(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.grantId,
        request.body,
      ),
  );
};
