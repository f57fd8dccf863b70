import { CrisisCentreQuery, CrisisCentreStatistics } from "../../../shared/api/child-work.ts";
import { ServiceFigures, ServiceFiguresQuery } from "../../../shared/api/service-contacts.ts";
import {
  CrisisCentreYear,
  CrisisCentreYearQuery,
  PartnerContactStatistics,
  StatisticsQuery,
  StayStatistics,
  StayStatisticsQuery,
} from "../../../shared/api/statistics.ts";
import type { App, RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { crisisCentreStatistics } from "./crisis-centre-statistics.ts";
import { crisisCentreYearStatistics } from "./crisis-centre-year.ts";
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
  registerCrisisCentreRoute(app, database);
};

/** The children's crisis centre's figures of a period (issue 17). */
function registerCrisisCentreRoute(app: App, database: Parameters<RouteModule>[1]["database"]) {
  app.get(
    "/api/statistics/crisis-centre",
    {
      schema: {
        tags,
        summary:
          "The children's crisis centre in a period: current children, police reports, medical examinations, children in crisis talks, consultations",
        querystring: CrisisCentreQuery,
        response: { 200: CrisisCentreStatistics },
      },
    },
    async (request) =>
      crisisCentreStatistics(database, requireActor(request), requestMeta(request), request.query),
  );
  app.get(
    "/api/statistics/crisis-centre-year",
    {
      schema: {
        tags,
        summary:
          "Seed 001's table of the children's crisis centre for a year: current children, police reports, medical examinations, children in crisis talks, consultations, study visits and trainings, supervision sessions",
        querystring: CrisisCentreYearQuery,
        response: { 200: CrisisCentreYear },
      },
    },
    async (request) =>
      crisisCentreYearStatistics(
        database,
        requireActor(request),
        requestMeta(request),
        request.query,
      ),
  );
}
