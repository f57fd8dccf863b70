import { InstrumentDefinition, type InstrumentDefinitionInput } from "../definition.ts";

/*
 * Frid's repeated outcome measures (issue 20, item 3): a short set of statements the person
 * (or, for a child, the child with the worker) answers at the start and at every follow-up,
 * each on a 1–5 scale where 5 is always the better answer, so the total rises as things get
 * better and change over time is the difference of two totals. Frid's own questions, written
 * for follow-up, not a validated or copyrighted scale — their description says so.
 */
const agreement = [
  { value: 1, label: "Stämmer inte alls" },
  { value: 2, label: "Stämmer dåligt" },
  { value: 3, label: "Stämmer delvis" },
  { value: 4, label: "Stämmer ganska bra" },
  { value: 5, label: "Stämmer helt" },
];

const childScale = [
  { value: 1, label: "Aldrig" },
  { value: 2, label: "Sällan" },
  { value: 3, label: "Ibland" },
  { value: 4, label: "Ofta" },
  { value: 5, label: "Alltid" },
];

type Statement = [id: string, label: string];

function measure(
  head: Pick<InstrumentDefinitionInput, "id" | "name" | "caseTypes" | "sourceNote">,
  title: string,
  statements: Statement[],
  steps: typeof agreement,
): InstrumentDefinitionInput {
  return {
    ...head,
    version: 1,
    kind: "outcome_measure",
    sections: [
      {
        id: "statements",
        title,
        items: statements.map(([id, label]) => ({
          id,
          type: "scale",
          label,
          steps,
          required: true,
        })),
      },
    ],
    scoring: [
      {
        id: "total",
        label: "Totalpoäng",
        kind: "weighted_sum",
        weights: Object.fromEntries(statements.map(([id]) => [id, 1])),
      },
    ],
    // The worker's own reading of the change since the last measure; no risk level.
    judgement: {
      levels: [
        { value: "worse", label: "Sämre" },
        { value: "unchanged", label: "Oförändrat" },
        { value: "better", label: "Bättre" },
      ],
      dimensions: [{ value: "change", label: "Förändring sedan förra mätningen" }],
      reasonsRequired: false,
    },
    reassessMonths: 3,
  };
}

const ownQuestions =
  "Frids egna uppföljningsfrågor för upprepad mätning (vid start och vid varje uppföljning). De är inte en validerad eller upphovsrättsskyddad skala och ersätter inte en risk- eller behovsbedömning.";

export const safetyEmpowerment = InstrumentDefinition.parse(
  measure(
    {
      id: "outcome_safety_empowerment",
      name: "Uppföljning: trygghet och egenmakt",
      caseTypes: ["adult_victim"],
      sourceNote: `${ownQuestions} För den som har utsatts för våld: trygghet, kontroll över det egna livet och kunskap om var hjälp finns.`,
    },
    "Hur det är för dig nu",
    [
      ["feels_safe_home", "Jag känner mig trygg där jag bor."],
      ["feels_safe_outside", "Jag känner mig trygg när jag är ute, på jobbet eller i skolan."],
      ["controls_own_life", "Jag bestämmer själv över mitt liv och mina pengar."],
      ["knows_where_help", "Jag vet var jag kan få hjälp om något händer."],
      ["has_support", "Jag har någon i min närhet som jag kan prata med."],
      ["plans_ahead", "Jag kan planera för min framtid."],
    ],
    agreement,
  ),
);

export const treatmentChange = InstrumentDefinition.parse(
  measure(
    {
      id: "outcome_treatment_change",
      name: "Uppföljning: förändring i behandling",
      caseTypes: ["perpetrator"],
      sourceNote: `${ownQuestions} För den som får behandling för att ha utövat våld: våld och hot sedan förra mätningen, ansvarstagande och förändring.`,
    },
    "Sedan förra mätningen",
    [
      ["no_physical_violence", "Jag har inte använt fysiskt våld."],
      ["no_threats", "Jag har inte hotat eller skrämt någon."],
      [
        "no_control",
        "Jag har inte kontrollerat vad min partner gör eller vem hon eller han träffar.",
      ],
      ["takes_responsibility", "Jag tar ansvar för det våld jag har använt."],
      ["handles_anger", "Jag kan hantera ilska utan att ta till våld eller hot."],
      ["sees_consequences", "Jag förstår hur mitt våld har påverkat andra, också barn."],
    ],
    agreement,
  ),
);

export const childWellbeing = InstrumentDefinition.parse(
  measure(
    {
      id: "outcome_child_wellbeing",
      name: "Uppföljning: barnets välmående",
      caseTypes: ["child"],
      sourceNote: `${ownQuestions} Frågorna ställs till barnet med enkla ord, anpassat efter ålder; för de minsta svarar den som känner barnet bäst tillsammans med handläggaren.`,
    },
    "Hur barnet har det nu",
    [
      ["safe_at_home", "Jag känner mig trygg hemma."],
      ["sleeps_well", "Jag sover bra på natten."],
      ["has_adult", "Det finns en vuxen som jag kan prata med när något är svårt."],
      ["good_at_school", "Jag har det bra i skolan eller förskolan."],
      ["has_friends", "Jag har kompisar att vara med."],
      ["feels_happy", "Jag känner mig glad."],
    ],
    childScale,
  ),
);

/** The outcome measures, whose latest completion is never a case's "current risk". */
export const outcomeMeasures = [safetyEmpowerment, treatmentChange, childWellbeing] as const;
export const outcomeMeasureIds: readonly string[] = outcomeMeasures.map((m) => m.id);

/** The highest total a measure can give: every statement at its top step. */
export function maxTotal(d: InstrumentDefinition): number {
  return d.sections
    .flatMap((s) => s.items)
    .reduce(
      (sum, item) =>
        sum + (item.type === "scale" ? Math.max(...item.steps.map((s) => s.value)) : 0),
      0,
    );
}
