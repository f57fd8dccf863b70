import type { InstrumentDefinition } from "../definition.ts";
import { childSafety } from "./child-safety.ts";
import { dangerAssessment } from "./danger-assessment.ts";
import { outcomeMeasures } from "./outcome-measures.ts";
import { violenceScreening } from "./screening.ts";
import { structuredRisk } from "./structured-risk.ts";
import { violenceDescription } from "./violence-description.ts";

/** The instruments every organisation has from the start (each is versioned data). */
export const builtinInstruments: readonly InstrumentDefinition[] = [
  violenceScreening,
  violenceDescription,
  dangerAssessment,
  childSafety,
  structuredRisk,
  ...outcomeMeasures,
];
