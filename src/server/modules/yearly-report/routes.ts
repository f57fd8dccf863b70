import { z } from "zod";
import {
  AdultPopulation,
  AdultPopulationInput,
  YearlyReport,
  YearlyReportQuery,
} from "../../../shared/api/yearly-report.ts";
import type { RouteModule } from "../../http/context.ts";
import { requestMeta, requireActor } from "../../http/request-context.ts";
import { readAdultPopulation, setAdultPopulation } from "./population.ts";
import { yearlyReport } from "./service.ts";

const tags = ["reports"];

const YearParams = z
  .object({
    year: z.coerce
      .number({ message: "Ange året, t.ex. 2026." })
      .int({ message: "Ange året, t.ex. 2026." })
      .min(2000, { message: "Ange ett år från 2000." })
      .max(2999, { message: "Ange ett år före 3000." }),
  })
  .strict();

/** The committee's yearly report (issue 20, item 4) and the population it divides by. */
export const yearlyReportRoutes: RouteModule = (app, { database }) => {
  app.get(
    "/api/reports/yearly",
    {
      schema: {
        tags,
        summary:
          "The committee's yearly report for a year and a set of units: sections of tables, 1–4 and their complements hidden outside the unit",
        querystring: YearlyReportQuery,
        response: { 200: YearlyReport },
      },
    },
    async (request) =>
      yearlyReport(database, requireActor(request), requestMeta(request), request.query),
  );
  app.get(
    "/api/reports/adult-population/:year",
    {
      schema: {
        tags,
        summary: "The organisation's adult population in a year (Kolada's denominator)",
        params: YearParams,
        response: { 200: AdultPopulation },
      },
    },
    async (request) =>
      readAdultPopulation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.year,
      ),
  );
  app.put(
    "/api/reports/adult-population/:year",
    {
      schema: {
        tags,
        summary: "Enter the organisation's adult population in a year (administrators; audited)",
        params: YearParams,
        body: AdultPopulationInput,
        response: { 200: AdultPopulation },
      },
    },
    async (request) =>
      setAdultPopulation(
        database,
        requireActor(request),
        requestMeta(request),
        request.params.year,
        request.body.adults,
      ),
  );
};
