import { z } from "zod";
import type { TextProblem } from "./api/fields.ts";

/**
 * Error messages a person understands, in Swedish (the UI's first language). Zod's own
 * Swedish locale reads like a type checker ("förväntade string att ha >=2 tecken"); these
 * read like a form. A schema can still give its own message for a field where a rule
 * needs explaining (e.g. a personal identity number's checksum).
 */
type Issue = Parameters<z.core.$ZodErrorMap>[0];

const typeNames: Record<string, string> = {
  string: "text",
  number: "ett tal",
  int: "ett heltal",
  boolean: "ja eller nej",
  array: "en lista",
  object: "ett objekt",
  date: "ett datum",
};

function sizeMessage(issue: Issue, direction: "min" | "max"): string {
  const limit = "minimum" in issue ? issue.minimum : "maximum" in issue ? issue.maximum : "";
  const origin = "origin" in issue ? issue.origin : undefined;
  const inclusive = "inclusive" in issue ? issue.inclusive !== false : true;
  const bound = String(limit);
  if (origin === "string") {
    return direction === "min"
      ? Number(limit) === 1
        ? "Fältet får inte vara tomt."
        : `Måste vara minst ${bound} tecken.`
      : `Får vara högst ${bound} tecken.`;
  }
  if (origin === "array" || origin === "set") {
    return direction === "min" ? `Välj minst ${bound}.` : `Välj högst ${bound}.`;
  }
  if (direction === "min") {
    return inclusive ? `Måste vara minst ${bound}.` : `Måste vara större än ${bound}.`;
  }
  return inclusive ? `Får vara högst ${bound}.` : `Måste vara mindre än ${bound}.`;
}

export function swedishMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "Fältet är obligatoriskt.";
      const expected = typeNames[String(issue.expected)] ?? String(issue.expected);
      return `Ange ${expected}.`;
    }
    case "too_small":
      return sizeMessage(issue, "min");
    case "too_big":
      return sizeMessage(issue, "max");
    case "invalid_format":
      switch (issue.format) {
        case "email":
          return "Ange en giltig e-postadress.";
        case "uuid":
          return "Ange ett giltigt id.";
        case "date":
          return "Ange ett datum som ÅÅÅÅ-MM-DD.";
        case "datetime":
          return "Ange datum och tid.";
        default:
          return "Fel format.";
      }
    case "invalid_value":
      return "Välj ett av de tillåtna värdena.";
    case "unrecognized_keys":
      return "Okänt fält.";
    case "not_multiple_of":
      return `Måste vara en multipel av ${String(issue.divisor)}.`;
    default:
      return "Ogiltigt värde.";
  }
}

/** The text rule every field of the API follows (`api/fields.ts`). */
export const textMessages: Record<TextProblem | "field_name", string> = {
  control_character:
    "Texten innehåller ett osynligt styrtecken som inte kan sparas. Skriv texten igen, eller klistra in den utan formatering.",
  line_break: "Fältet ska vara en enda rad, utan radbrytningar eller tabbtecken.",
  field_name: "Ett fältnamn innehåller ett otillåtet tecken.",
};

/**
 * Rules between two fields of one body, each with the message the server answers for the
 * field it is put on. The rule's name travels with the issue (`params.rule`), so the web
 * words it from its own catalogue in the reader's language (`web/ui/form-issues.ts`).
 */
export const crossFieldMessages = {
  followUpBeforeStart: "Uppföljningen kan inte ligga före starten.",
  periodEndBeforeStart: "Slutdatum kan inte ligga före startdatum.",
  teamDecisionBeforeRefusal: "Teamet beslutar efter att han har sagt nej.",
  phoneNotSent: "Ett samtal skickas inte – välj om hon svarade, tackade ja eller nej.",
  referralNeedsWhere: "Skriv vart hon hänvisades, t.ex. kvinnojouren eller IFO Vuxen.",
  consentOrException: "Registrera hans samtycke, eller varför partnern inte ska kontaktas.",
  partnerNeedsReach: "Ange minst ett sätt att nå henne: telefon, adress eller e-post.",
  controllingNeedsTeamDecision:
    "Vid ett starkt kontrollerande mönster beslutar teamet – ange datumet för beslutet.",
  digestNeedsEmail: "Ange en e-postadress för sammanfattningen, eller stäng av den.",
  permitExpiryWithoutNumber: "Ange IVO-tillståndets nummer när du anger när det går ut.",
  reasonRequired: "Skriv skälet – det behövs för uppföljningen.",
  followUpNeedsDay: "Ange vilken dag uppföljningen är planerad.",
  noFollowUpNoDay: "Ta bort datumet, eller välj att en uppföljning är planerad eller gjord.",
  reviewAfterApproval: "Revideringsdatumet ska ligga efter beslutsdatumet.",
} as const;
export type CrossFieldRule = keyof typeof crossFieldMessages;

export const dateRangeMessage = "Ange ett datum mellan år 1900 och 2999.";

/** A page cursor (`before`) that is not one the server gave: edited, cut short or from elsewhere. */
export const invalidCursorMessage =
  "Listan kunde inte läsas vidare härifrån. Ladda om sidan och försök igen.";

let configured = false;

/** Installs the messages once per process (server) or page (web). */
export function installValidationMessages(): void {
  if (configured) return;
  z.config({ localeError: swedishMessage });
  configured = true;
}

/**
 * A text that must never name the individual (the consultation log, issue 17) holds a
 * personal identity or coordination number: the message names the field.
 */
export const identityNumberInText = (field: string) =>
  `${field} får inte innehålla ett personnummer eller samordningsnummer – loggen ska aldrig peka ut den enskilde. Ta bort numret.`;
