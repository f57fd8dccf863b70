import {
  type Answers,
  type AnswerValue,
  computeScores,
  mainDimension,
} from "../../../shared/instruments/engine";
import type {
  AssessmentView,
  InstrumentDefinitionView,
  SaveAssessmentInput,
} from "../../api/endpoints";
import type { PlainMessageKey } from "../../i18n/messages";

/*
 * Pure rules for risk assessments (riskbedömningar): the form state an instrument's version
 * is filled in with, the answers it sends, what completing needs, and how levels and answers
 * are named. The instrument's own texts (questions, levels) come from its version's
 * definition; the server checks and scores everything again.
 */

type Definition = InstrumentDefinitionView;
export type Item = Definition["sections"][number]["items"][number];

/** Yes, no, or not said (null on the server), e.g. "Klienten var med". */
export type YesNoNotGiven = "yes" | "no" | "not_given";

export const yesNoOf = (value: boolean | null): YesNoNotGiven =>
  value === null ? "not_given" : value ? "yes" : "no";

export const yesNoValue = (value: YesNoNotGiven): boolean | null =>
  value === "not_given" ? null : value === "yes";

/**
 * What the form holds per item: text as typed (a scale's step value, a number, a date, a yes/
 * no/unknown code, "" for nothing) or the chosen options of a multiple choice.
 */
export type FormAnswer = string | readonly string[];

export interface AssessmentDraft {
  answers: Readonly<Record<string, FormAnswer>>;
  assessedOn: string;
  clientPresent: YesNoNotGiven;
  interpreterUsed: YesNoNotGiven;
  /** Level per judgement dimension; "" for none chosen. */
  judgements: Readonly<Record<string, string>>;
  reasons: string;
}

export const itemsOf = (def: Definition): Item[] => def.sections.flatMap((s) => s.items);

/** The form's value for a stored answer of `item`. */
export function formAnswerOf(item: Item, value: AnswerValue | undefined): FormAnswer {
  if (item.type === "multi_choice") return Array.isArray(value) ? value : [];
  if (value === undefined || Array.isArray(value)) return "";
  return String(value);
}

export function draftOf(def: Definition, view: AssessmentView): AssessmentDraft {
  const answers: Record<string, FormAnswer> = {};
  for (const item of itemsOf(def)) answers[item.id] = formAnswerOf(item, view.answers[item.id]);
  const judgements: Record<string, string> = {};
  for (const dim of def.judgement.dimensions)
    judgements[dim.value] = view.judgements?.[dim.value] ?? "";
  return {
    answers,
    assessedOn: view.assessedOn,
    clientPresent: yesNoOf(view.clientPresent),
    interpreterUsed: yesNoOf(view.interpreterUsed),
    judgements,
    reasons: view.reasons ?? "",
  };
}

const isBlank = (value: FormAnswer | undefined) =>
  value === undefined || (typeof value === "string" ? value.trim() === "" : value.length === 0);

/** A number as typed, with a decimal comma or point; null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

export type FieldKeys = Record<string, PlainMessageKey>;

/**
 * Form state → the answers the server takes: items not answered are left out; a scale's step
 * and a number become numbers. A number that is not one is a field message, not an answer.
 */
export function answersOf(
  def: Definition,
  draft: Pick<AssessmentDraft, "answers">,
): { answers: Answers; errors: FieldKeys } {
  const answers: Answers = {};
  const errors: FieldKeys = {};
  for (const item of itemsOf(def)) {
    const value = draft.answers[item.id];
    if (isBlank(value) || value === undefined) continue;
    switch (item.type) {
      case "multi_choice":
        answers[item.id] = typeof value === "string" ? [value] : [...value];
        break;
      case "scale":
      case "frequency":
        answers[item.id] = Number(value);
        break;
      case "number": {
        const n = parseNumber(String(value));
        if (n === null) errors[`answers.${item.id}`] = "assessments.errorNumber";
        else answers[item.id] = n;
        break;
      }
      case "yes_no_unknown":
      case "date":
        answers[item.id] = String(value);
        break;
      case "text":
        answers[item.id] = String(value).trim();
        break;
    }
  }
  return { answers, errors };
}

/** The body of "Spara utkast"; null with field messages when something typed is not valid. */
export function saveBody(
  def: Definition,
  draft: AssessmentDraft,
): { ok: true; body: SaveAssessmentInput } | { ok: false; fields: FieldKeys } {
  const { answers, errors } = answersOf(def, draft);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.assessedOn)) errors.assessedOn = "assessments.errorDate";
  if (Object.keys(errors).length > 0) return { ok: false, fields: errors };
  return {
    ok: true,
    body: {
      answers,
      assessedOn: draft.assessedOn,
      clientPresent: yesNoValue(draft.clientPresent),
      interpreterUsed: yesNoValue(draft.interpreterUsed),
    },
  };
}

/** The required items that have no answer yet: completing needs them all. */
export function unansweredRequired(def: Definition, draft: Pick<AssessmentDraft, "answers">) {
  return itemsOf(def).filter((item) => item.required && isBlank(draft.answers[item.id]));
}

/** How many items are answered, of all: "12 av 19 frågor besvarade". */
export function answeredCount(def: Definition, draft: Pick<AssessmentDraft, "answers">) {
  const items = itemsOf(def);
  return {
    answered: items.filter((item) => !isBlank(draft.answers[item.id])).length,
    total: items.length,
  };
}

/** The main judgement: the first dimension's (most instruments have just "risk"). */
export { mainDimension };

/** The level the instrument's rules suggest for the answers as they are in the form now. */
export function suggestedLevelNow(def: Definition, draft: Pick<AssessmentDraft, "answers">) {
  return computeScores(def, answersOf(def, draft).answers).suggestedLevel;
}

/** True when the professional's main level differs from a suggestion: reasons are then a must. */
export function departsFromSuggestion(suggested: string | null, chosen: string | undefined) {
  return suggested !== null && chosen !== undefined && chosen !== "" && chosen !== suggested;
}

/**
 * What completing needs, as field messages (server keys): every required item answered, a
 * level for each dimension, and reasons when the instrument asks for them or the level
 * differs from the suggestion. Empty when the draft may be completed.
 */
export function checkCompletion(def: Definition, draft: AssessmentDraft): FieldKeys {
  const fields: FieldKeys = { ...answersOf(def, draft).errors };
  for (const item of unansweredRequired(def, draft))
    fields[`answers.${item.id}`] = "assessments.errorRequired";
  const levels = def.judgement.levels.map((l) => l.value);
  for (const dim of def.judgement.dimensions) {
    const chosen = draft.judgements[dim.value] ?? "";
    if (!levels.includes(chosen)) fields[`judgements.${dim.value}`] = "assessments.errorLevel";
  }
  if (draft.reasons.trim() === "") {
    const departs = departsFromSuggestion(
      suggestedLevelNow(def, draft),
      draft.judgements[mainDimension(def)],
    );
    if (departs) fields.reasons = "assessments.errorReasonsDeparts";
    else if (def.judgement.reasonsRequired) fields.reasons = "assessments.errorReasons";
  }
  return fields;
}

/** The body of "Slutför bedömningen" (after the answers are saved). */
export function completeBody(def: Definition, draft: AssessmentDraft) {
  const judgements: Record<string, string> = {};
  for (const dim of def.judgement.dimensions) {
    const chosen = draft.judgements[dim.value];
    if (chosen) judgements[dim.value] = chosen;
  }
  return { judgements, reasons: draft.reasons.trim() };
}

/** Every field a server message may be about, so each shows by its control. */
export function assessmentFieldNames(def: Definition): string[] {
  return [
    "assessedOn",
    ...itemsOf(def).map((item) => `answers.${item.id}`),
    ...def.judgement.dimensions.map((dim) => `judgements.${dim.value}`),
    "reasons",
  ];
}

/** A level's name in the version's own words; the code when the version does not have it. */
export function levelLabel(def: Definition | null, level: string | null | undefined) {
  if (!level) return null;
  return def?.judgement.levels.find((l) => l.value === level)?.label ?? level;
}

export const yesNoUnknownLabels: Readonly<Record<"yes" | "no" | "unknown", PlainMessageKey>> = {
  yes: "common.yes",
  no: "common.no",
  unknown: "assessments.unknown",
};

/**
 * A stored answer as read-only text: a code's name (from the catalogue or the version's own
 * steps and options) or the value itself; null when not answered.
 */
export function answerText(
  item: Item,
  value: AnswerValue | undefined,
  t: (key: PlainMessageKey) => string,
): string | null {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
    return null;
  switch (item.type) {
    case "yes_no_unknown":
      return value === "yes" || value === "no" || value === "unknown"
        ? t(yesNoUnknownLabels[value])
        : String(value);
    case "scale":
    case "frequency":
      return item.steps.find((s) => s.value === value)?.label ?? String(value);
    case "multi_choice":
      return (Array.isArray(value) ? value : [String(value)])
        .map((v) => item.options.find((o) => o.value === v)?.label ?? v)
        .join(", ");
    default:
      return String(value);
  }
}
