import { PartnerContactStatistics, StatisticsQuery } from "../../../shared/api/statistics.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { partnerContactStatistics } from "./partner-contact.ts";

const tags = ["statistics"];

/** Figures for follow-up: counts only, never a person. */
export const statisticsRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/statistics/partner-contact",
    {
      schema: {
        tags,
        summary:
          "Partner contact in a period: treatments, consent, exceptions, partners reached, alerts",
        querystring: StatisticsQuery,
        response: { 200: PartnerContactStatistics },
      },
    },
    async (request) =>
      partnerContactStatistics(
        database,
        requireActor(request),
        requestMeta(request),
        request.query,
      ),
  );
};
