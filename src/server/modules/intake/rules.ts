import type { Selectable } from "kysely";
import { stockholmDate } from "../../../shared/calendar.ts";
import { intakeQuestions } from "../../../shared/intake-questions.ts";
import type { IntakeTable } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";

/** What the database keeps on an intake from its case for the reports (0097, 0098): never input. */
type KeptFromCase = "case_unit_id" | "case_type" | "preliminary_decided_at";

export type IntakeInput = Omit<
  Selectable<IntakeTable>,
  "id" | "org_id" | "case_id" | "recorded_by" | "recorded_at" | "received_at" | KeptFromCase
> & {
  receivedAt: string;
};

const reporterColumns = [
  ["reporter_organisation", "reporterOrganisation"],
  ["reporter_name", "reporterName"],
  ["reporter_phone", "reporterPhone"],
  ["reporter_email", "reporterEmail"],
] as const;

export const invalid = (fields: Record<string, string>) =>
  new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", fields);

/** The intake's rules beyond its schema; a 400 naming every field to correct. */
export function checkIntakeRules(input: IntakeInput): void {
  const fields: Record<string, string> = {
    ...questionProblems(input),
    ...dateProblems(input),
  };
  // HSLF-FS 2022:39: the worker asks about violence; a request for information is not an
  // application only when the worker records why.
  if (input.kind === "request_for_information" && !input.information_only_reason?.trim()) {
    fields.informationOnlyReason =
      "Skriv varför det bara gällde information. Annars registreras en ansökan.";
  }
  if (input.interpreter_needed && !input.interpreter_language?.trim()) {
    fields.interpreterLanguage = "Ange vilket språk tolken ska tala.";
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
}

/**
 * Answers to the questions that fit (shared/intake-questions.ts) are required where asked
 * and refused where not: an answer to a question that was never put would be a false record
 * (a child "asked about violence" at intake, a reporter for the person's own call).
 */
function questionProblems(input: IntakeInput): Record<string, string> {
  const fits = intakeQuestions(input.kind, input.source);
  const fields: Record<string, string> = {};
  if (fits.askedAboutViolence && input.asked_about_violence === null) {
    fields.askedAboutViolence = "Svara ja eller nej: har personen fått frågan om våld?";
  }
  if (!fits.askedAboutViolence && (input.asked_about_violence || input.violence_answer)) {
    fields.askedAboutViolence =
      "En orosanmälan gäller ett barn, och barnet tillfrågas inte om våld vid aktualiseringen. Frågan hör till utredningen.";
  }
  if (!fits.reporter) {
    const message =
      input.source === "anonymous"
        ? "En anonym anmälan har ingen anmälare att registrera."
        : "Personen tog själv kontakt: det finns ingen annan anmälare att registrera.";
    for (const [column, field] of reporterColumns) if (input[column]) fields[field] = message;
  }
  return fields;
}

/** The time it came in and the report's own date: neither in the future, in that order. */
function dateProblems(input: IntakeInput): Record<string, string> {
  const fields: Record<string, string> = {};
  const received = new Date(input.receivedAt);
  if (received.getTime() > Date.now() + 5 * 60_000) {
    fields.receivedAt = "Tidpunkten kan inte ligga i framtiden.";
  }
  if (input.reported_on !== null) {
    if (input.reported_on > stockholmDate(new Date())) {
      fields.reportedOn = "Anmälans datum kan inte ligga i framtiden.";
    } else if (input.reported_on > stockholmDate(received)) {
      fields.reportedOn = "Anmälans datum kan inte vara senare än dagen den kom in till enheten.";
    }
  }
  return fields;
}

/** Only the answers that fit are stored; a question that did not fit stays null. */
export function fittingColumns(input: IntakeInput) {
  const fits = intakeQuestions(input.kind, input.source);
  return {
    asked_about_violence: fits.askedAboutViolence ? input.asked_about_violence : null,
    violence_answer:
      fits.askedAboutViolence && input.asked_about_violence ? input.violence_answer : null,
  };
}
