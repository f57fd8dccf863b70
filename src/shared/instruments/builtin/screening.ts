import { InstrumentDefinition, type InstrumentDefinitionInput } from "../definition.ts";

/*
 * Screening for violence (kortfrågor): a few questions asked of every client at intake, so
 * violence is found even when nobody mentions it. Frid's own words.
 */
const definition: InstrumentDefinitionInput = {
  id: "violence_screening",
  version: 1,
  name: "Frågor om våld",
  kind: "screening",
  caseTypes: ["adult_victim", "perpetrator", "partner_contact"],
  sourceNote:
    "Följer Socialstyrelsens rekommendation att fråga alla om våld (jfr FREDA-kortfrågor). Frågorna är formulerade av Frid.",
  sections: [
    {
      id: "questions",
      title: "Frågor",
      help: "Ställ frågorna när personen är ensam med dig.",
      items: [
        {
          id: "afraid_of_someone",
          type: "yes_no_unknown",
          label: "Är du rädd för någon som står dig nära?",
          required: true,
        },
        {
          id: "hurt_by_someone",
          type: "yes_no_unknown",
          label: "Har någon närstående slagit, knuffat eller skadat dig?",
          required: true,
        },
        {
          id: "threatened",
          type: "yes_no_unknown",
          label: "Har någon närstående hotat dig eller kontrollerat dig?",
          required: true,
        },
        {
          id: "forced_sex",
          type: "yes_no_unknown",
          label: "Har någon tvingat dig till sex?",
          required: true,
        },
        {
          id: "children_exposed",
          type: "yes_no_unknown",
          label: "Har barn i hushållet sett eller hört våld?",
          required: false,
        },
      ],
    },
  ],
  scoring: [
    {
      id: "violence_indicated",
      label: "Tecken på våld",
      kind: "any_yes",
      items: ["afraid_of_someone", "hurt_by_someone", "threatened", "forced_sex"],
    },
  ],
  thresholds: [{ rule: "violence_indicated", atLeast: 1, level: "further_assessment" }],
  judgement: {
    levels: [
      { value: "no_indication", label: "Inget som tyder på våld" },
      { value: "further_assessment", label: "Behöver bedömas vidare" },
    ],
    reasonsRequired: false,
  },
  reassessMonths: 12,
};

export const violenceScreening = InstrumentDefinition.parse(definition);
