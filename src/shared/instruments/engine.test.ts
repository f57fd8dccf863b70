import { describe, expect, it } from "vitest";
import { childSafety } from "./builtin/child-safety.ts";
import { dangerAssessment } from "./builtin/danger-assessment.ts";
import { builtinInstruments } from "./builtin/index.ts";
import { structuredRisk } from "./builtin/structured-risk.ts";
import { violenceDescription } from "./builtin/violence-description.ts";
import { InstrumentDefinition, type InstrumentDefinitionInput } from "./definition.ts";
import { checkAnswers, computeScores, reassessMonths } from "./engine.ts";

const tiny: InstrumentDefinitionInput = {
  id: "tiny",
  version: 2,
  name: "Liten",
  kind: "spj",
  caseTypes: ["adult_victim"],
  sourceNote: "Test.",
  sections: [
    {
      id: "a",
      title: "A",
      items: [
        { id: "q1", type: "yes_no_unknown", label: "Q1", required: true },
        { id: "q2", type: "yes_no_unknown", label: "Q2" },
        {
          id: "often",
          type: "frequency",
          label: "Hur ofta?",
          steps: [
            { value: 0, label: "Aldrig" },
            { value: 2, label: "Varje månad" },
            { value: 4, label: "Varje vecka" },
          ],
        },
      ],
    },
    {
      id: "b",
      title: "B",
      items: [
        { id: "n", type: "number", label: "Antal", min: 0, max: 10 },
        {
          id: "kinds",
          type: "multi_choice",
          label: "Slag",
          options: [
            { value: "physical", label: "Fysiskt" },
            { value: "digital", label: "Digitalt" },
          ],
        },
        { id: "when", type: "date", label: "Senast" },
      ],
    },
  ],
  scoring: [
    { id: "yes", label: "Ja", kind: "count_yes" },
    { id: "weighted", label: "Viktat", kind: "weighted_sum", weights: { q1: 3, often: 2, n: 1 } },
    { id: "sum_a", label: "Summa A", kind: "section_sum", section: "a" },
    { id: "danger", label: "Fara", kind: "any_yes", items: ["q2"] },
  ],
  thresholds: [
    { rule: "weighted", atLeast: 5, level: "medium" },
    { rule: "weighted", atLeast: 12, level: "high" },
    { rule: "danger", level: "high" },
  ],
  judgement: {
    levels: [
      { value: "low", label: "Låg" },
      { value: "medium", label: "Medel" },
      { value: "high", label: "Hög" },
    ],
  },
  reassessMonthsAtLevel: { high: 1 },
};
const def = InstrumentDefinition.parse(tiny);

describe("the instrument engine", () => {
  it("counts yes, weighs answers, sums a section and raises flags; unknown is not yes", () => {
    const result = computeScores(def, { q1: "yes", q2: "unknown", often: 4, n: 3 });
    expect(result.scores).toEqual([
      { id: "yes", label: "Ja", value: 1 },
      { id: "weighted", label: "Viktat", value: 3 + 8 + 3 },
      { id: "sum_a", label: "Summa A", value: 1 + 4 },
    ]);
    expect(result.flags).toEqual([{ id: "danger", label: "Fara", raised: false }]);
    expect(result.suggestedLevel).toBe("high");
  });

  it("suggests the highest level any threshold reaches, a flag included, and nothing below the first", () => {
    expect(computeScores(def, {}).suggestedLevel).toBeNull();
    expect(computeScores(def, { often: 2, n: 1 }).suggestedLevel).toBe("medium");
    expect(computeScores(def, { q2: "yes" }).suggestedLevel).toBe("high");
  });

  it("checks answers against the version: unknown items, wrong types, ranges, required only when completing", () => {
    expect(checkAnswers(def, { q9: "yes" }, { complete: false })).toEqual({
      q9: "Frågan finns inte i den här versionen av instrumentet.",
    });
    expect(
      checkAnswers(
        def,
        { q1: 1, often: 3, n: 11, kinds: ["sexual"], when: "igår" },
        { complete: false },
      ),
    ).toEqual({
      q1: "Svara ja, nej eller vet inte.",
      often: "Välj ett av alternativen.",
      n: "Talet kan inte vara högre än 10.",
      kinds: "Välj bland alternativen.",
      when: "Ange ett datum.",
    });
    expect(checkAnswers(def, {}, { complete: false })).toEqual({});
    expect(checkAnswers(def, {}, { complete: true })).toEqual({ q1: "Frågan måste besvaras." });
  });

  it("a structured judgement (SPJ) sums its factor groups but never suggests a level", () => {
    const answers = Object.fromEntries(
      structuredRisk.sections.flatMap((s) => s.items.map((i) => [i.id, "yes"])),
    );
    const result = computeScores(structuredRisk, answers);
    expect(result.scores.map((s) => s.value)).toEqual([6, 5, 5]);
    expect(result.flags).toEqual([
      { id: "lethal_signs", label: expect.stringContaining("dödligt"), raised: true },
    ]);
    expect(result.suggestedLevel).toBeNull();
    // Three judgements, each its own, for a person in treatment.
    expect(structuredRisk.judgement.dimensions.map((d) => d.value)).toEqual([
      "partner_soon",
      "children",
      "severe",
    ]);
    expect(structuredRisk.caseTypes).toEqual(["perpetrator"]);
  });

  it("falls due for reassessment sooner after a high level", () => {
    expect(reassessMonths(def, "high")).toBe(1);
    expect(reassessMonths(def, "low")).toBe(3);
  });
});

describe("instrument definitions", () => {
  const invalid = (change: (d: InstrumentDefinitionInput) => void) => {
    const copy = structuredClone(tiny);
    change(copy);
    const result = InstrumentDefinition.safeParse(copy);
    expect(result.success).toBe(false);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it("are rejected with a message naming what is wrong", () => {
    expect(
      invalid((d) => {
        d.thresholds = [{ rule: "nothing", atLeast: 1, level: "low" }];
      }),
    ).toContain("Tröskeln pekar på poängregeln nothing, som inte finns.");
    expect(
      invalid((d) => {
        d.thresholds = [{ rule: "yes", atLeast: 1, level: "extreme" }];
      }),
    ).toContain("Tröskeln föreslår nivån extreme, som inte finns i bedömningen.");
    expect(
      invalid((d) => {
        d.scoring = [{ id: "w", label: "W", kind: "weighted_sum", weights: { when: 1 } }];
      }),
    ).toContain("Frågan when (date) kan inte ge poäng i regeln w.");
    expect(
      invalid((d) => {
        d.sections[1]?.items.push({ id: "q1", type: "text", label: "Igen" });
      }),
    ).toContain("Frågan q1 finns två gånger.");
    expect(
      invalid((d) => {
        d.scoring = [{ id: "s", label: "S", kind: "section_sum", section: "zz" }];
      }),
    ).toContain("Poängregeln s pekar på avsnittet zz, som inte finns.");
    expect(
      invalid((d) => {
        d.id = "Farlighet";
      }),
    ).toContain("Använd små bokstäver, siffror och _ (t.ex. threats_to_kill).");
  });

  it("has built-ins that are valid, unique, with a source note each", () => {
    const keys = builtinInstruments.map((i) => `${i.id}@${i.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of builtinInstruments) expect(i.sourceNote.length).toBeGreaterThan(20);
    const items = dangerAssessment.sections.flatMap((s) => s.items);
    const yesNo = items.filter((i) => i.type === "yes_no_unknown");
    expect(yesNo.length).toBeGreaterThanOrEqual(15);
    expect(yesNo.length).toBeLessThanOrEqual(20);
  });

  it("suggests a high danger level from strangulation alone, and counts yes for the rest", () => {
    const one = computeScores(dangerAssessment, { strangulation: "yes" });
    expect(one.suggestedLevel).toBe("high");
    expect(one.scores).toContainEqual({ id: "yes_count", label: "Antal ja", value: 1 });
    const four = computeScores(dangerAssessment, {
      more_often: "yes",
      jealousy_control: "yes",
      separation: "yes",
      client_fears: "yes",
    });
    expect(four.suggestedLevel).toBe("medium");
  });

  it("describes every kind of violence the guidance names, with how often and when last", () => {
    const sections = violenceDescription.sections.map((x) => x.id);
    for (const kind of [
      "physical",
      "psychological",
      "sexual",
      "material",
      "latent",
      "economic",
      "neglect",
      "honour",
      "digital",
    ])
      expect(sections).toContain(kind);
    const honour = violenceDescription.sections.find((x) => x.id === "honour");
    expect(honour?.help).toMatch(/tvångsäktenskap.*barnäktenskap.*könsstympning/);
    const total = computeScores(violenceDescription, {
      physical_frequency: 3,
      digital_frequency: 4,
    });
    expect(total.scores).toEqual([{ id: "frequency_total", label: "Samlad frekvens", value: 7 }]);
    expect(total.suggestedLevel).toBeNull();
  });

  it("puts a child who needs protection now at the top level, whatever else was answered", () => {
    expect(computeScores(childSafety, { needs_protection_now: "yes" }).suggestedLevel).toBe(
      "very_high",
    );
    expect(computeScores(childSafety, { witnessed: "yes" }).suggestedLevel).toBe("medium");
    expect(
      computeScores(childSafety, { witnessed: "yes", subjected: "yes", threatened: "yes" })
        .suggestedLevel,
    ).toBe("high");
    // A child's own case, and the children around him in partner contact (version 2).
    expect(childSafety.caseTypes).toEqual(["child", "perpetrator", "partner_contact"]);
  });
});
