import { InstrumentDefinition, type InstrumentDefinitionInput } from "../definition.ts";
import { riskJudgement, riskReassessment } from "./risk-levels.ts";

/*
 * The child's safety (barnets säkerhet): what the child has been exposed to, what protects
 * them, the child's own view, and whether they need protection now. Frid's own words. Used
 * in a child's own case and, for the children around him, in partner contact on both sides.
 */
const yesNo = (id: string, label: string, required = true) => ({
  id,
  type: "yes_no_unknown" as const,
  label,
  required,
});

const definition: InstrumentDefinitionInput = {
  id: "child_safety",
  // Version 2: also in a treatment case and a partner case, where the children living with
  // or meeting him are assessed (seed 004, "Barn"); the questions are those of version 1.
  version: 2,
  name: "Barnets säkerhet",
  kind: "child_safety",
  caseTypes: ["child", "perpetrator", "partner_contact"],
  sourceNote:
    "Följer praxis för bedömning av barns säkerhet när barnet upplevt våld (jfr Socialstyrelsens vägledning om barn som upplevt våld och BBIC). Frågorna är formulerade av Frid.",
  sections: [
    {
      id: "exposure",
      title: "Vad barnet har varit med om",
      items: [
        yesNo("witnessed", "Har barnet sett eller hört våld mot en förälder?"),
        yesNo("subjected", "Har barnet själv utsatts för våld?"),
        yesNo("threatened", "Har barnet hotats, eller har någon hotat att skada barnet?"),
        yesNo(
          "used_in_violence",
          "Har barnet använts i våldet, t.ex. för att kontrollera föräldern?",
        ),
        yesNo("intervened", "Har barnet försökt stoppa våldet eller skydda föräldern?"),
      ],
    },
    {
      id: "protection",
      title: "Det som skyddar",
      items: [
        yesNo("safe_adult", "Har barnet en trygg vuxen att vända sig till?"),
        yesNo("safe_place", "Vet barnet vart det kan ta vägen om det blir farligt?"),
        yesNo("school_informed", "Vet skolan eller förskolan vem som får hämta barnet?", false),
      ],
    },
    {
      id: "childs_view",
      title: "Barnets egen röst",
      items: [
        {
          id: "feels_safe",
          type: "scale",
          label: "Hur trygg känner sig barnet hemma?",
          steps: [
            { value: 1, label: "Inte alls trygg" },
            { value: 2, label: "Lite trygg" },
            { value: 3, label: "Ganska trygg" },
            { value: 4, label: "Trygg" },
          ],
        },
        { id: "in_own_words", type: "text", label: "Vad barnet själv berättar" },
      ],
    },
    {
      id: "now",
      title: "Just nu",
      items: [yesNo("needs_protection_now", "Behöver barnet skydd omedelbart?")],
    },
  ],
  scoring: [
    {
      id: "exposure_count",
      label: "Utsatthet (antal ja)",
      kind: "count_yes",
      items: ["witnessed", "subjected", "threatened", "used_in_violence", "intervened"],
    },
    {
      id: "immediate",
      label: "Behöver skydd omedelbart",
      kind: "any_yes",
      items: ["needs_protection_now"],
    },
  ],
  thresholds: [
    { rule: "exposure_count", atLeast: 1, level: "medium" },
    { rule: "exposure_count", atLeast: 3, level: "high" },
    { rule: "immediate", atLeast: 1, level: "very_high" },
  ],
  judgement: riskJudgement,
  ...riskReassessment,
};

export const childSafety = InstrumentDefinition.parse(definition);
