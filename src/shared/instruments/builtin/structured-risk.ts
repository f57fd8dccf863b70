import { InstrumentDefinition, type InstrumentDefinitionInput } from "../definition.ts";

/*
 * Structured professional judgement for a person in treatment for violence (strukturerad
 * riskbedömning): risk factors in three groups, each answered present/absent, and then
 * separate judgements — the risk of new violence against the partner soon, against the
 * children, and of severe or lethal violence. No score decides: the factors support the
 * professional's judgement (the SPJ approach of SARA and PATRIARK). Frid's own words.
 */
const factor = (id: string, label: string) => ({
  id,
  type: "yes_no_unknown" as const,
  label,
  required: true,
});

const definition: InstrumentDefinitionInput = {
  id: "structured_risk",
  version: 1,
  name: "Strukturerad riskbedömning",
  kind: "spj",
  caseTypes: ["perpetrator"],
  sourceNote:
    "Följer arbetssättet strukturerad professionell bedömning (jfr SARA och PATRIARK, som kräver egen licens och utbildning): riskfaktorer gås igenom och vägs samman i egna bedömningar utan poänggränser. Frågorna är formulerade av Frid.",
  sections: [
    {
      id: "violence",
      title: "Våldet",
      help: "Det han har gjort mot partner, tidigare partner eller barn – enligt honom och andra källor.",
      items: [
        factor("past_partner_violence", "Har han tidigare använt fysiskt våld mot en partner?"),
        factor("threats", "Har han hotat att skada eller döda partnern, barnen eller sig själv?"),
        factor("escalation", "Har våldet blivit tätare eller grövre på senare tid?"),
        factor("sexual_violence", "Har han utsatt en partner för sexuellt våld?"),
        factor(
          "strangulation_or_weapon",
          "Har han tagit stryptag eller använt eller hotat med vapen?",
        ),
        factor("broken_bans", "Har han brutit mot kontaktförbud eller andra villkor?"),
      ],
    },
    {
      id: "person",
      title: "Hans egen situation",
      items: [
        factor("minimises", "Förnekar eller förminskar han våldet, eller lägger skulden på henne?"),
        factor(
          "attitudes",
          "Har han uppfattningar som ursäktar våld eller kontroll över en partner?",
        ),
        factor("substance", "Missbrukar han alkohol, narkotika eller läkemedel?"),
        factor("mental_health", "Har han allvarliga psykiska problem, eller talar om självmord?"),
        factor(
          "other_violence",
          "Har han använt våld mot andra än familjen, eller dömts för våldsbrott?",
        ),
      ],
    },
    {
      id: "situation",
      title: "Relationen och läget nu",
      items: [
        factor("separation", "Har de nyss separerat, eller planerar hon att lämna honom?"),
        factor("jealousy_control", "Är han svartsjuk, kontrollerande eller följer efter henne?"),
        factor("children_conflict", "Finns det en konflikt om barnen, vårdnad eller umgänge?"),
        factor("access_to_weapons", "Har han tillgång till vapen?"),
        factor("stress", "Har han just nu stora påfrestningar (arbete, pengar, boende)?"),
      ],
    },
  ],
  scoring: [
    {
      id: "violence_factors",
      label: "Riskfaktorer: våldet",
      kind: "section_sum",
      section: "violence",
    },
    {
      id: "person_factors",
      label: "Riskfaktorer: hans situation",
      kind: "section_sum",
      section: "person",
    },
    {
      id: "situation_factors",
      label: "Riskfaktorer: läget nu",
      kind: "section_sum",
      section: "situation",
    },
    {
      id: "lethal_signs",
      label: "Tecken på grovt eller dödligt våld (stryptag, vapen, dödshot)",
      kind: "any_yes",
      items: ["strangulation_or_weapon", "threats", "access_to_weapons"],
    },
  ],
  // Structured judgement: the factors are weighed, not counted to a level.
  thresholds: [],
  judgement: {
    levels: [
      { value: "low", label: "Låg" },
      { value: "medium", label: "Måttlig" },
      { value: "high", label: "Hög" },
    ],
    dimensions: [
      { value: "partner_soon", label: "Risk för nytt våld mot partnern den närmaste tiden" },
      { value: "children", label: "Risk för våld mot barnen" },
      { value: "severe", label: "Risk för grovt eller dödligt våld" },
    ],
    reasonsRequired: true,
  },
  reassessMonths: 3,
  reassessMonthsAtLevel: { high: 1 },
};

export const structuredRisk = InstrumentDefinition.parse(definition);
