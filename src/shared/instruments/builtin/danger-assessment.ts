import { InstrumentDefinition, type InstrumentDefinitionInput } from "../definition.ts";
import { riskJudgement, riskReassessment } from "./risk-levels.ts";

/*
 * Danger assessment (farlighetsbedömning): yes/no questions about known risk factors for
 * continued or lethal violence, answered together with the client. Written in Frid's own
 * words — not the wording of any published form.
 */
const yesNo = (id: string, label: string, help?: string) => ({
  id,
  type: "yes_no_unknown" as const,
  label,
  required: true,
  ...(help ? { help } : {}),
});

const definition: InstrumentDefinitionInput = {
  id: "danger_assessment",
  version: 1,
  name: "Farlighetsbedömning",
  kind: "danger_assessment",
  caseTypes: ["adult_victim", "partner_contact"],
  sourceNote:
    "Följer praxis för strukturerade farlighetsbedömningar i socialtjänsten (jfr Socialstyrelsens FREDA-farlighetsbedömning och DASH). Frågorna är formulerade av Frid. Summan läses försiktigt, bredvid den utsattas egen bedömning.",
  sections: [
    {
      id: "violence",
      title: "Våldet",
      items: [
        yesNo("more_often", "Har våldet blivit vanligare det senaste året?"),
        yesNo("more_severe", "Har våldet blivit grövre det senaste året?"),
        yesNo(
          "strangulation",
          "Har hen tagit stryptag eller på annat sätt hindrat dig från att andas?",
        ),
        yesNo("weapon_used", "Har hen använt eller hotat med vapen, kniv eller annat tillhygge?"),
        yesNo("threats_to_kill", "Har hen hotat att döda dig eller någon som står dig nära?"),
        yesNo("sexual_violence", "Har hen tvingat dig till sexuella handlingar?"),
        yesNo("violence_in_pregnancy", "Har hen utsatt dig för våld när du var gravid?"),
      ],
    },
    {
      id: "control",
      title: "Kontroll och förföljelse",
      items: [
        yesNo(
          "jealousy_control",
          "Är hen starkt svartsjuk eller kontrollerar vad du gör och vem du träffar?",
        ),
        yesNo("stalking", "Följer, övervakar eller trakasserar hen dig, också digitalt?"),
        yesNo("separation", "Har ni nyligen separerat, eller planerar du att lämna hen?"),
        yesNo(
          "contact_ban_broken",
          "Har hen brutit mot ett kontaktförbud eller en överenskommelse om att hålla sig borta?",
        ),
      ],
    },
    {
      id: "person_using_violence",
      title: "Den som utövar våldet",
      items: [
        yesNo("access_to_weapons", "Har hen tillgång till skjutvapen?"),
        yesNo(
          "substance_use",
          "Använder hen alkohol eller droger på ett sätt som gör hen farligare?",
        ),
        yesNo("suicide_threats", "Har hen hotat att ta sitt eget liv?"),
        yesNo("violent_to_others", "Har hen varit våldsam mot tidigare partner eller andra?"),
      ],
    },
    {
      id: "children_and_fear",
      title: "Barnen och din egen bedömning",
      items: [
        yesNo("violence_against_children", "Har hen utsatt barnen för våld eller hot?"),
        yesNo("pregnant_now", "Är du gravid eller har du nyligen fött barn?"),
        yesNo("client_fears", "Tror du att hen kan skada dig allvarligt eller döda dig?"),
        {
          id: "client_own_words",
          type: "text" as const,
          label: "Med egna ord: vad är du mest rädd för?",
        },
      ],
    },
  ],
  scoring: [
    { id: "yes_count", label: "Antal ja", kind: "count_yes" },
    {
      id: "lethal_signs",
      label: "Tecken på dödligt våld (stryptag, vapen, dödshot)",
      kind: "any_yes",
      items: ["strangulation", "weapon_used", "threats_to_kill"],
    },
  ],
  thresholds: [
    { rule: "yes_count", atLeast: 4, level: "medium" },
    { rule: "yes_count", atLeast: 8, level: "high" },
    { rule: "yes_count", atLeast: 12, level: "very_high" },
    { rule: "lethal_signs", atLeast: 1, level: "high" },
  ],
  judgement: riskJudgement,
  ...riskReassessment,
};

export const dangerAssessment = InstrumentDefinition.parse(definition);

/**
 * Answers to every yes/no question of the danger assessment: "yes" for those named, "no" for
 * the rest — how the demo and the tests fill one in without listing its questions again.
 */
export function dangerAnswers(yes: readonly string[] = []): Record<string, "yes" | "no"> {
  return Object.fromEntries(
    dangerAssessment.sections
      .flatMap((s) => s.items)
      .filter((i) => i.type === "yes_no_unknown")
      .map((i) => [i.id, yes.includes(i.id) ? "yes" : "no"]),
  );
}
