import type { z } from "zod";
import { PartnerContactStatistics } from "../../../shared/api/statistics";
import type { Transport } from "../../api/transport";

export type PartnerContactFigures = z.infer<typeof PartnerContactStatistics>;
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
  };
}
