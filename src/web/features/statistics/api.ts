import type { z } from "zod";
import { ServiceFigures } from "../../../shared/api/service-contacts";
import { CrisisCentreYear, PartnerContactStatistics } from "../../../shared/api/statistics";
import type { Transport } from "../../api/transport";

export type PartnerContactFigures = z.infer<typeof PartnerContactStatistics>;
export type { CrisisCentreYear, ServiceFigures };
/** The period (YYYY-MM-DD, both days included) and, optionally, one unit. */
export interface StatisticsPeriod {
  from: string;
  to: string;
  unitId?: string;
}

/** The statistics calls of the Api (api/endpoints.ts assembles every feature's). */
export function statisticsApi({ get }: Transport) {
  return {
    // Figures for follow-up: counts only, never a person.
    partnerContactStatistics: (period: StatisticsPeriod, signal?: AbortSignal) => {
      const query = new URLSearchParams({ from: period.from, to: period.to });
      if (period.unitId) query.set("unitId", period.unitId);
      return get(`/api/statistics/partner-contact?${query}`, PartnerContactStatistics, signal);
    },
    // Seed 001's table of the children's crisis centre for a year.
    crisisCentreYear: (input: { year: number; unitId?: string }, signal?: AbortSignal) => {
      const query = new URLSearchParams({ year: String(input.year) });
      if (input.unitId) query.set("unitId", input.unitId);
      return get(`/api/statistics/crisis-centre-year?${query}`, CrisisCentreYear, signal);
    },
    // Service contacts (without a case) in figures for the period.
    serviceContactFigures: (period: StatisticsPeriod, signal?: AbortSignal) => {
      const query = new URLSearchParams({ from: period.from, to: period.to });
      if (period.unitId) query.set("unitId", period.unitId);
      return get(`/api/statistics/service-contacts?${query}`, ServiceFigures, signal);
    },
  };
}
