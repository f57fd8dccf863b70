import { z } from "zod";
import { boundedNumber, multiline } from "../api/fields.ts";
import type { InstrumentDefinition, Item, ScoreRule } from "./definition.ts";

/**
 * Answers in, figures out: checks answers against an instrument's version, computes its
 * scores and flags, and the level its thresholds suggest. The suggestion is only that — the
 * professional's judgement, with reasons, is what the case records as the risk level.
 */

export const AnswerValue = z.union([
  z.enum(["yes", "no", "unknown"]),
  boundedNumber(),
  multiline(z.string().max(10_000)),
  z.array(z.string().max(60)).max(50),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;
export type Answers = Record<string, AnswerValue>;

export interface ScoreResult {
  scores: { id: string; label: string; value: number }[];
  flags: { id: string; label: string; raised: boolean }[];
  suggestedLevel: string | null;
}

function itemsOf(def: InstrumentDefinition): Item[] {
  return def.sections.flatMap((s) => s.items);
}

/** Swedish messages per item id; empty when the answers fit. Completing requires the required items. */
export function checkAnswers(
  def: InstrumentDefinition,
  answers: Answers,
  options: { complete: boolean },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const items = new Map(itemsOf(def).map((i) => [i.id, i]));
  for (const id of Object.keys(answers))
    if (!items.has(id)) errors[id] = "Frågan finns inte i den här versionen av instrumentet.";
  for (const item of items.values()) {
    const value = answers[item.id];
    if (value === undefined || value === "") {
      if (options.complete && item.required) errors[item.id] = "Frågan måste besvaras.";
      continue;
    }
    const wrong = mismatch(item, value);
    if (wrong) errors[item.id] = wrong;
  }
  return errors;
}

function mismatch(item: Item, value: AnswerValue): string | null {
  switch (item.type) {
    case "yes_no_unknown":
      return value === "yes" || value === "no" || value === "unknown"
        ? null
        : "Svara ja, nej eller vet inte.";
    case "scale":
    case "frequency":
      return typeof value === "number" && item.steps.some((s) => s.value === value)
        ? null
        : "Välj ett av alternativen.";
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "Ange ett tal.";
      if (item.min !== undefined && value < item.min)
        return `Talet kan inte vara lägre än ${item.min}.`;
      if (item.max !== undefined && value > item.max)
        return `Talet kan inte vara högre än ${item.max}.`;
      return null;
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? null
        : "Ange ett datum.";
    case "text":
      return typeof value === "string" ? null : "Skriv ett svar.";
    case "multi_choice":
      return Array.isArray(value) && value.every((v) => item.options.some((o) => o.value === v))
        ? null
        : "Välj bland alternativen.";
  }
}

/** An item's contribution to a sum: yes = 1, a scale or frequency its step's value, a number itself. */
function pointsOf(item: Item | undefined, value: AnswerValue | undefined): number {
  if (!item || value === undefined) return 0;
  if (item.type === "yes_no_unknown") return value === "yes" ? 1 : 0;
  if (item.type === "scale" || item.type === "frequency" || item.type === "number")
    return typeof value === "number" ? value : 0;
  return 0;
}

export function computeScores(def: InstrumentDefinition, answers: Answers): ScoreResult {
  const items = new Map(itemsOf(def).map((i) => [i.id, i]));
  const yesNo = [...items.values()].filter((i) => i.type === "yes_no_unknown").map((i) => i.id);
  const scores: ScoreResult["scores"] = [];
  const flags: ScoreResult["flags"] = [];
  const values = new Map<string, number>();
  for (const rule of def.scoring) {
    const value = evaluate(rule, def, items, yesNo, answers);
    values.set(rule.id, value);
    if (rule.kind === "any_yes") flags.push({ id: rule.id, label: rule.label, raised: value > 0 });
    else scores.push({ id: rule.id, label: rule.label, value });
  }
  const order = def.judgement.levels.map((l) => l.value);
  let suggested: string | null = null;
  for (const t of def.thresholds) {
    if ((values.get(t.rule) ?? 0) < t.atLeast) continue;
    if (suggested === null || order.indexOf(t.level) > order.indexOf(suggested))
      suggested = t.level;
  }
  return { scores, flags, suggestedLevel: suggested };
}

function evaluate(
  rule: ScoreRule,
  def: InstrumentDefinition,
  items: Map<string, Item>,
  yesNo: string[],
  answers: Answers,
): number {
  switch (rule.kind) {
    case "count_yes":
      return (rule.items ?? yesNo).filter((id) => answers[id] === "yes").length;
    case "any_yes":
      return rule.items.some((id) => answers[id] === "yes") ? 1 : 0;
    case "weighted_sum":
      return Object.entries(rule.weights).reduce(
        (sum, [id, weight]) => sum + weight * pointsOf(items.get(id), answers[id]),
        0,
      );
    case "section_sum": {
      const section = def.sections.find((s) => s.id === rule.section);
      return (section?.items ?? []).reduce(
        (sum, item) => sum + pointsOf(item, answers[item.id]),
        0,
      );
    }
  }
}

/**
 * The judgement that is "the risk level" of an assessment: the first dimension (most
 * instruments have one; an SPJ instrument lists its main judgement first).
 */
export const mainDimension = (def: InstrumentDefinition) =>
  def.judgement.dimensions[0]?.value ?? "risk";

/** The level judged on the main dimension, if any. */
export const mainLevel = (
  def: InstrumentDefinition,
  judgements: Record<string, string> | null | undefined,
): string | undefined => judgements?.[mainDimension(def)];

/** Months to the next assessment after one judged at `level`: sooner after the top levels. */
export function reassessMonths(def: InstrumentDefinition, level: string): number {
  return def.reassessMonthsAtLevel[level] ?? def.reassessMonths;
}
