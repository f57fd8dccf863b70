import type { z } from "zod";
import { IntakeList, type RecordIntakeBody, RecordIntakeResult } from "../../../shared/api/intake";
import type { Transport } from "../../api/transport";

export type RecordIntakeInput = z.input<typeof RecordIntakeBody>;
export type RecordIntakeOutcome = z.infer<typeof RecordIntakeResult>;

/** The intake calls of the Api (api/endpoints.ts assembles every feature's). */
export function intakeApi({ get, post, id }: Transport) {
  return {
    // Intakes (aktualiseringar): opens or joins a case unless only information was asked for.
    recordIntake: (input: RecordIntakeInput) => post("/api/intakes", input, RecordIntakeResult),
    caseIntakes: (caseId: string, signal?: AbortSignal) =>
      get(`/api/cases/${id(caseId)}/intakes`, IntakeList, signal),
    personIntakes: (personId: string, signal?: AbortSignal) =>
      get(`/api/persons/${id(personId)}/intakes`, IntakeList, signal),
  };
}
