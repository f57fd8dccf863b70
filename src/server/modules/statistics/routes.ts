import { ServiceFigures, ServiceFiguresQuery } from "../../../shared/api/service-contacts.ts";
import {
  PartnerContactStatistics,
  StatisticsQuery,
  StayStatistics,
  StayStatisticsQuery,
} from "../../../shared/api/statistics.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { partnerContactStatistics } from "./partner-contact.ts";
import { serviceContactStatistics } from "./service-contacts.ts";
import { stayStatistics } from "./stay-statistics.ts";

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
  app.get(
    "/api/statistics/stays",
    {
      schema: {
        tags,
        summary:
          "Sheltered housing and emergency flats in a year: persons granted, children, nights, endings, enquiries, occupancy",
        querystring: StayStatisticsQuery,
        response: { 200: StayStatistics },
      },
    },
    async (request) =>
      stayStatistics(database, requireActor(request), requestMeta(request), request.query),
  );
  app.get(
    "/api/statistics/service-contacts",
    {
      schema: {
        tags,
        summary:
          "Service contacts in a period: by kind, channel and how the person was named; persons, women, men, children, minutes, referrals, intakes",
        querystring: ServiceFiguresQuery,
        response: { 200: ServiceFigures },
      },
    },
    async (request) =>
      serviceContactStatistics(
        database,
        requireActor(request),
        requestMeta(request),
        request.query,
      ),
  );
};
