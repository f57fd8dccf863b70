import { describe, expect, it } from "vitest";
import { SaveAssessmentBody } from "../../../shared/api/assessments";
import {
  InstrumentDefinition,
  type InstrumentDefinitionInput,
} from "../../../shared/instruments/definition";
import type { AssessmentView } from "../../api/endpoints";
import { sv } from "../../i18n/sv";
import {
  type AssessmentDraft,
  answeredCount,
  answersOf,
  answerText,
  assessmentFieldNames,
  checkCompletion,
  completeBody,
  departsFromSuggestion,
  draftOf,
  levelLabel,
  parseNumber,
  saveBody,
  suggestedLevelNow,
  unansweredRequired,
  yesNoOf,
  yesNoValue,
} from "./assessments-model";

// A small instrument with every item type, in the shared definition's shape.
const input: InstrumentDefinitionInput = {
  id: "test_instrument",
  version: 2,
  name: "Testinstrument",
  kind: "danger_assessment",
  caseTypes: ["adult_victim"],
  sourceNote: "Bara för test.",
  sections: [
    {
      id: "a",
      title: "Avsnitt A",
      items: [
        { id: "hit", type: "yes_no_unknown", label: "Slag?", required: true },
        { id: "choke", type: "yes_no_unknown", label: "Stryptag?", required: true },
        {
          id: "often",
          type: "frequency",
          label: "Hur ofta?",
          steps: [
            { value: 0, label: "Aldrig" },
            { value: 2, label: "Varje vecka" },
          ],
        },
      ],
    },
    {
      id: "b",
      title: "Avsnitt B",
      items: [
        { id: "when", type: "date", label: "Senast?" },
        { id: "times", type: "number", label: "Antal gånger", min: 0 },
        { id: "words", type: "text", label: "Med egna ord" },
        {
          id: "where",
          type: "multi_choice",
          label: "Var?",
          options: [
            { value: "home", label: "Hemma" },
            { value: "work", label: "På jobbet" },
          ],
        },
      ],
    },
  ],
  scoring: [
    { id: "yes_count", label: "Antal ja", kind: "count_yes" },
    { id: "lethal", label: "Stryptag", kind: "any_yes", items: ["choke"] },
  ],
  thresholds: [
    { rule: "yes_count", atLeast: 1, level: "medium" },
    { rule: "lethal", atLeast: 1, level: "high" },
  ],
  judgement: {
    levels: [
      { value: "low", label: "Låg" },
      { value: "medium", label: "Medel" },
      { value: "high", label: "Hög" },
    ],
    reasonsRequired: false,
  },
};
const def = InstrumentDefinition.parse(input);
const t = (key: keyof typeof sv) => sv[key];

const view = (changes: Partial<AssessmentView> = {}): AssessmentView => ({
  id: "00000000-0000-4000-8000-000000000001",
  caseId: "00000000-0000-4000-8000-000000000002",
  instrument: { id: def.id, version: def.version, name: def.name },
  status: "draft",
  answers: {},
  assessedOn: "2026-11-22",
  clientPresent: null,
  interpreterUsed: null,
  result: { scores: [], flags: [], suggestedLevel: null },
  judgements: null,
  reasons: null,
  createdBy: "Lina Ek",
  completedAt: null,
  completedBy: null,
  reassessDue: null,
  ...changes,
});

const draft = (changes: Partial<AssessmentDraft> = {}): AssessmentDraft => ({
  ...draftOf(def, view()),
  ...changes,
});

describe("assessment form state", () => {
  it("starts from the stored answers, as the form holds them", () => {
    const d = draftOf(
      def,
      view({
        answers: { hit: "yes", often: 2, times: 3, where: ["home"] },
        clientPresent: true,
        reasons: "Skäl",
        judgements: { risk: "high" },
      }),
    );
    expect(d.answers).toEqual({
      hit: "yes",
      choke: "",
      often: "2",
      when: "",
      times: "3",
      words: "",
      where: ["home"],
    });
    expect(d.clientPresent).toBe("yes");
    expect(d.interpreterUsed).toBe("not_given");
    expect(d.judgements).toEqual({ risk: "high" });
    expect(d.reasons).toBe("Skäl");
  });

  it("turns the form into answers: blanks left out, steps and numbers as numbers", () => {
    const d = draft({
      answers: {
        hit: "no",
        choke: "",
        often: "0",
        when: "2026-11-01",
        times: " 2,5 ",
        words: "  Rädd  ",
        where: ["home", "work"],
      },
    });
    expect(answersOf(def, d)).toEqual({
      answers: {
        hit: "no",
        often: 0,
        when: "2026-11-01",
        times: 2.5,
        words: "Rädd",
        where: ["home", "work"],
      },
      errors: {},
    });
    const body = saveBody(def, { ...d, clientPresent: "no", interpreterUsed: "yes" });
    expect(body.ok).toBe(true);
    if (body.ok) {
      expect(body.body.clientPresent).toBe(false);
      expect(body.body.interpreterUsed).toBe(true);
      // What the server's schema takes, as it is.
      expect(SaveAssessmentBody.safeParse(body.body).success).toBe(true);
    }
  });

  it("says by the field when a number or the date is not one", () => {
    const d = draft({ answers: { ...draft().answers, times: "tre" }, assessedOn: "" });
    expect(saveBody(def, d)).toEqual({
      ok: false,
      fields: { "answers.times": "assessments.errorNumber", assessedOn: "assessments.errorDate" },
    });
    expect(parseNumber("12")).toBe(12);
    expect(parseNumber("-1.5")).toBe(-1.5);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("1e3")).toBeNull();
  });

  it("knows which required items are unanswered and how many are answered", () => {
    const d = draft({ answers: { ...draft().answers, hit: "unknown", where: [] } });
    expect(unansweredRequired(def, d).map((i) => i.id)).toEqual(["choke"]);
    expect(answeredCount(def, d)).toEqual({ answered: 1, total: 7 });
  });

  it("maps yes / no / not given to the server's booleans and back", () => {
    expect(yesNoOf(null)).toBe("not_given");
    expect(yesNoOf(false)).toBe("no");
    expect(yesNoValue("yes")).toBe(true);
    expect(yesNoValue("not_given")).toBeNull();
  });
});

describe("completing an assessment", () => {
  const answered = { ...draft().answers, hit: "no", choke: "yes" };

  it("needs the required answers and a level", () => {
    expect(checkCompletion(def, draft())).toEqual({
      "answers.hit": "assessments.errorRequired",
      "answers.choke": "assessments.errorRequired",
      "judgements.risk": "assessments.errorLevel",
    });
  });

  it("needs reasons when the level differs from the suggestion, even if the instrument does not", () => {
    expect(suggestedLevelNow(def, draft({ answers: answered }))).toBe("high");
    const departs = draft({ answers: answered, judgements: { risk: "medium" } });
    expect(checkCompletion(def, departs)).toEqual({ reasons: "assessments.errorReasonsDeparts" });
    expect(checkCompletion(def, { ...departs, reasons: "Skäl." })).toEqual({});
    const agrees = draft({ answers: answered, judgements: { risk: "high" } });
    expect(checkCompletion(def, agrees)).toEqual({});
  });

  it("needs reasons always when the instrument asks for them", () => {
    const strict = InstrumentDefinition.parse({
      ...input,
      judgement: { ...input.judgement, reasonsRequired: true },
    });
    const agrees = draftOf(strict, view());
    const d = { ...agrees, answers: answered, judgements: { risk: "high" } };
    expect(checkCompletion(strict, d)).toEqual({ reasons: "assessments.errorReasons" });
  });

  it("sends the chosen levels and the reasons trimmed", () => {
    const d = draft({ judgements: { risk: "low" }, reasons: "  Skäl.  " });
    expect(completeBody(def, d)).toEqual({ judgements: { risk: "low" }, reasons: "Skäl." });
    expect(completeBody(def, draft())).toEqual({ judgements: {}, reasons: "" });
  });

  it("knows a departure from the suggestion", () => {
    expect(departsFromSuggestion("high", "medium")).toBe(true);
    expect(departsFromSuggestion("high", "high")).toBe(false);
    expect(departsFromSuggestion(null, "low")).toBe(false);
    expect(departsFromSuggestion("high", "")).toBe(false);
  });

  it("lists every field the server may name", () => {
    expect(assessmentFieldNames(def)).toEqual([
      "assessedOn",
      "answers.hit",
      "answers.choke",
      "answers.often",
      "answers.when",
      "answers.times",
      "answers.words",
      "answers.where",
      "judgements.risk",
      "reasons",
    ]);
  });
});

describe("labels", () => {
  it("names levels in the version's own words", () => {
    expect(levelLabel(def, "medium")).toBe("Medel");
    expect(levelLabel(def, "extreme")).toBe("extreme");
    expect(levelLabel(null, "high")).toBe("high");
    expect(levelLabel(def, null)).toBeNull();
  });

  it("writes answers as text", () => {
    const items = new Map(def.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
    const item = (id: string) => items.get(id) as NonNullable<ReturnType<typeof items.get>>;
    expect(answerText(item("hit"), "unknown", t)).toBe("Vet inte");
    expect(answerText(item("hit"), "yes", t)).toBe("Ja");
    expect(answerText(item("often"), 2, t)).toBe("Varje vecka");
    expect(answerText(item("where"), ["work", "home"], t)).toBe("På jobbet, Hemma");
    expect(answerText(item("times"), 4, t)).toBe("4");
    expect(answerText(item("words"), undefined, t)).toBeNull();
    expect(answerText(item("where"), [], t)).toBeNull();
  });
});
