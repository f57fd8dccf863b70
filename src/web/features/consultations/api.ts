import {
  type ConsultationBody,
  ConsultationFigures,
  ConsultationList,
  ConsultationView,
  type UpdateConsultationBody,
} from "../../../shared/api/consultations";
import type { Transport } from "../../api/transport";

export type { ConsultationFigures, ConsultationList, ConsultationView };

export interface ConsultationFilter {
  unitId?: string;
  before?: string;
}

/** The consultation log's calls of the Api (api/endpoints.ts assembles every feature's). */
export function consultationsApi({ get, post, put, id }: Transport) {
  return {
    consultations: (filter: ConsultationFilter, signal?: AbortSignal) => {
      const query = new URLSearchParams({ limit: "20", count: "true" });
      if (filter.unitId) query.set("unitId", filter.unitId);
      if (filter.before) query.set("before", filter.before);
      return get(`/api/consultations?${query}`, ConsultationList, signal);
    },
    logConsultation: (body: ConsultationBody) => post("/api/consultations", body, ConsultationView),
    changeConsultation: (consultationId: string, body: UpdateConsultationBody) =>
      put(`/api/consultations/${id(consultationId)}`, body, ConsultationView),
    consultationFigures: (unitId: string, year: number, signal?: AbortSignal) =>
      get(
        `/api/consultations/figures?${new URLSearchParams({ unitId, year: String(year) })}`,
        ConsultationFigures,
        signal,
      ),
  };
}
