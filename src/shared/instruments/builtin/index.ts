import type { InstrumentDefinition } from "../definition.ts";
import { dangerAssessment } from "./danger-assessment.ts";
import { violenceScreening } from "./screening.ts";

/** The instruments every organisation has from the start (each is versioned data). */
export const builtinInstruments: readonly InstrumentDefinition[] = [
  violenceScreening,
  dangerAssessment,
];
