import { z } from "zod";
import { boundedNumber, int4 } from "../api/fields.ts";

/**
 * An assessment instrument (bedömningsinstrument) as versioned data: sections of items, the
 * scoring rules, thresholds that suggest a level, and the judgement the professional makes —
 * which may differ from the suggestion, always with reasons. Built-ins live in ./builtin;
 * organisations licensed for an official instrument load theirs as JSON in this shape.
 */

const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "Använd små bokstäver, siffror och _ (t.ex. threats_to_kill).")
  .max(60);
const text = z.string().trim().min(1).max(2000);
const choice = z.object({ value: code, label: text }).strict();

const itemBase = {
  id: code,
  label: text,
  help: text.optional(),
  required: z.boolean().default(false),
};

export const Item = z.discriminatedUnion("type", [
  z.object({ ...itemBase, type: z.literal("yes_no_unknown") }).strict(),
  z
    .object({
      ...itemBase,
      type: z.literal("scale"),
      steps: z.array(z.object({ value: int4(), label: text }).strict()).min(2),
    })
    .strict(),
  z
    .object({
      ...itemBase,
      type: z.literal("frequency"),
      steps: z.array(z.object({ value: int4(), label: text }).strict()).min(2),
    })
    .strict(),
  z.object({ ...itemBase, type: z.literal("date") }).strict(),
  z
    .object({
      ...itemBase,
      type: z.literal("number"),
      min: boundedNumber().optional(),
      max: boundedNumber().optional(),
    })
    .strict(),
  z.object({ ...itemBase, type: z.literal("text") }).strict(),
  z
    .object({ ...itemBase, type: z.literal("multi_choice"), options: z.array(choice).min(2) })
    .strict(),
]);
export type Item = z.infer<typeof Item>;

export const Section = z
  .object({ id: code, title: text, help: text.optional(), items: z.array(Item).min(1) })
  .strict();

/** How answers become figures. Items not answered count as nothing; "unknown" is not "yes". */
export const ScoreRule = z.discriminatedUnion("kind", [
  z
    .object({
      id: code,
      label: text,
      kind: z.literal("count_yes"),
      items: z.array(code).optional().meta({ description: "Default: every yes/no item" }),
    })
    .strict(),
  z
    .object({
      id: code,
      label: text,
      kind: z.literal("weighted_sum"),
      weights: z.record(code, boundedNumber()),
    })
    .strict(),
  z.object({ id: code, label: text, kind: z.literal("section_sum"), section: code }).strict(),
  z
    .object({ id: code, label: text, kind: z.literal("any_yes"), items: z.array(code).min(1) })
    .strict(),
]);
export type ScoreRule = z.infer<typeof ScoreRule>;

/** A score at or above `atLeast` (or a flag raised) suggests `level`; the highest suggestion wins. */
export const Threshold = z
  .object({ rule: code, atLeast: boundedNumber().default(1), level: code })
  .strict();

export const Judgement = z
  .object({
    /** Ordered from lowest to highest. */
    levels: z.array(choice).min(2),
    /** SPJ instruments judge several things (acute risk, long-term risk, severity); default one. */
    dimensions: z
      .array(choice)
      .min(1)
      .default([{ value: "risk", label: "Risk" }]),
    reasonsRequired: z.boolean().default(true),
  })
  .strict();

export const InstrumentDefinition = z
  .object({
    id: code,
    version: int4().min(1),
    name: text,
    kind: z.enum([
      "screening",
      "violence_description",
      "danger_assessment",
      "child_safety",
      "spj",
      // Repeated follow-up of change (issue 20); never read as the case's current risk.
      "outcome_measure",
    ]),
    /** Case types it is used in. */
    caseTypes: z.array(z.enum(["adult_victim", "child", "perpetrator", "partner_contact"])).min(1),
    sourceNote: text,
    sections: z.array(Section).min(1),
    scoring: z.array(ScoreRule).default([]),
    thresholds: z.array(Threshold).default([]),
    judgement: Judgement,
    /** Reassessment falls due this many months after completion; sooner after the top levels. */
    reassessMonths: z.number().int().min(1).max(24).default(3),
    reassessMonthsAtLevel: z.record(code, z.number().int().min(1).max(24)).default({}),
  })
  .strict()
  .superRefine((d, ctx) => {
    const problem = (message: string, path: (string | number)[]) =>
      ctx.addIssue({ code: "custom", message, path });
    const items = new Map<string, Item>();
    const sections = new Set<string>();
    d.sections.forEach((s, si) => {
      if (sections.has(s.id))
        problem(`Avsnittet ${s.id} finns två gånger.`, ["sections", si, "id"]);
      sections.add(s.id);
      s.items.forEach((item, ii) => {
        if (items.has(item.id))
          problem(`Frågan ${item.id} finns två gånger.`, ["sections", si, "items", ii, "id"]);
        items.set(item.id, item);
      });
    });
    const rules = new Map<string, ScoreRule>();
    d.scoring.forEach((rule, ri) => {
      const at = (...rest: (string | number)[]) => ["scoring", ri, ...rest];
      if (rules.has(rule.id)) problem(`Poängregeln ${rule.id} finns två gånger.`, at("id"));
      rules.set(rule.id, rule);
      const scorable = (id: string, path: (string | number)[], types: Item["type"][]) => {
        const item = items.get(id);
        if (!item) problem(`Poängregeln ${rule.id} pekar på frågan ${id}, som inte finns.`, path);
        else if (!types.includes(item.type))
          problem(`Frågan ${id} (${item.type}) kan inte ge poäng i regeln ${rule.id}.`, path);
      };
      if (rule.kind === "count_yes" || rule.kind === "any_yes")
        for (const [i, id] of (rule.items ?? []).entries())
          scorable(id, at("items", i), ["yes_no_unknown"]);
      if (rule.kind === "weighted_sum")
        for (const id of Object.keys(rule.weights))
          scorable(id, at("weights", id), ["yes_no_unknown", "scale", "frequency", "number"]);
      if (rule.kind === "section_sum" && !sections.has(rule.section))
        problem(
          `Poängregeln ${rule.id} pekar på avsnittet ${rule.section}, som inte finns.`,
          at("section"),
        );
    });
    const levels = new Set(d.judgement.levels.map((l) => l.value));
    d.thresholds.forEach((t, ti) => {
      if (!rules.has(t.rule))
        problem(`Tröskeln pekar på poängregeln ${t.rule}, som inte finns.`, [
          "thresholds",
          ti,
          "rule",
        ]);
      if (!levels.has(t.level))
        problem(`Tröskeln föreslår nivån ${t.level}, som inte finns i bedömningen.`, [
          "thresholds",
          ti,
          "level",
        ]);
    });
    for (const level of Object.keys(d.reassessMonthsAtLevel))
      if (!levels.has(level))
        problem(`Nivån ${level} finns inte i bedömningen.`, ["reassessMonthsAtLevel", level]);
  })
  .meta({ id: "InstrumentDefinition" });
export type InstrumentDefinition = z.output<typeof InstrumentDefinition>;
export type InstrumentDefinitionInput = z.input<typeof InstrumentDefinition>;
