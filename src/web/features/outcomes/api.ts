import type { z } from "zod";
import {
  type CaseOutcomeBody,
  CaseOutcomeView,
  OutcomeMeasureSeries,
  type RecordCaseOutcomeBody,
} from "../../../shared/api/outcomes";
import type { Transport } from "../../api/transport";

export type CaseOutcomeInput = z.input<typeof CaseOutcomeBody>;
/** The outcome of a closed case with the version it was made from (null: none recorded). */
export type RecordCaseOutcomeInput = z.input<typeof RecordCaseOutcomeBody>;
export type OutcomeMeasureSeriesView = z.infer<typeof OutcomeMeasureSeries>;

/** The outcome calls of the Api (api/endpoints.ts assembles every feature's). */
export function outcomesApi({ get, put, id }: Transport) {
  return {
    caseOutcome: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/outcome`, CaseOutcomeView, signal),
    recordCaseOutcome: (caseId: string, input: RecordCaseOutcomeInput) =>
      put(`/api/cases/${id(caseId)}/outcome`, input, CaseOutcomeView),
    /** The person's outcome measures: per instrument, the totals by date (cases the caller sees). */
    outcomeMeasures: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}/outcome-measures`, OutcomeMeasureSeries, signal),
  };
}
