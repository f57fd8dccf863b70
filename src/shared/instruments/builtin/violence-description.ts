import { InstrumentDefinition, type InstrumentDefinitionInput } from "../definition.ts";

/*
 * Description of violence (våldsbeskrivning): each kind of violence, how often and when
 * last, the injuries and who was exposed. Frid's own words.
 */
const kinds = [
  ["physical", "Fysiskt våld", "Slag, sparkar, knuffar, grepp, bett, kast med föremål."],
  ["psychological", "Psykiskt våld", "Hot, förnedring, isolering, kontroll, att bli nedtryckt."],
  ["sexual", "Sexuellt våld", "Tvång eller påtryckning till sexuella handlingar."],
  ["material", "Materiellt våld", "Att förstöra saker, kläder, telefon eller husdjur."],
  ["latent", "Latent våld", "Underförstådda hot: blickar, tystnad, minnet av tidigare våld."],
  ["economic", "Ekonomiskt våld", "Kontroll över pengar, lån i ditt namn, stoppat arbete."],
  ["neglect", "Försummelse", "Att inte få mat, medicin, vård eller hjälp du behöver."],
  [
    "honour",
    "Hedersrelaterat våld och förtryck",
    "Kontroll i familjens namn, tvångsäktenskap eller barnäktenskap, könsstympning.",
  ],
  ["digital", "Digitalt våld", "Övervakning av mobil och konton, spridning av bilder, spårning."],
] as const;

const frequency = [
  { value: 0, label: "Aldrig" },
  { value: 1, label: "Någon gång" },
  { value: 2, label: "Varje månad" },
  { value: 3, label: "Varje vecka" },
  { value: 4, label: "Dagligen" },
];

const definition: InstrumentDefinitionInput = {
  id: "violence_description",
  version: 1,
  name: "Beskrivning av våldet",
  kind: "violence_description",
  caseTypes: ["adult_victim", "partner_contact"],
  sourceNote:
    "Följer Socialstyrelsens indelning av våldets former och praxis att beskriva art, frekvens och senaste tillfälle (jfr FREDA-beskrivning). Frågorna är formulerade av Frid.",
  sections: [
    ...kinds.map(([id, title, help]) => ({
      id,
      title,
      help,
      items: [
        {
          id: `${id}_frequency`,
          type: "frequency" as const,
          label: "Hur ofta?",
          steps: frequency,
          required: true,
        },
        { id: `${id}_last`, type: "date" as const, label: "Senaste gången" },
      ],
    })),
    {
      id: "consequences",
      title: "Skador och vilka som utsattes",
      items: [
        {
          id: "injuries",
          type: "multi_choice",
          label: "Skador",
          options: [
            { value: "bruises", label: "Blåmärken eller rodnad" },
            { value: "wounds", label: "Sår eller brännskador" },
            { value: "fractures", label: "Benbrott" },
            { value: "head", label: "Huvudskada eller medvetslöshet" },
            { value: "psychological", label: "Psykisk ohälsa" },
          ],
        },
        {
          id: "exposed",
          type: "multi_choice",
          label: "Vilka utsattes?",
          options: [
            { value: "client", label: "Klienten" },
            { value: "children", label: "Barnen" },
            { value: "others", label: "Andra" },
          ],
          required: true,
        },
        { id: "description", type: "text", label: "Med egna ord" },
      ],
    },
  ],
  scoring: [
    {
      id: "frequency_total",
      label: "Samlad frekvens",
      kind: "weighted_sum",
      weights: Object.fromEntries(kinds.map(([id]) => [`${id}_frequency`, 1])),
    },
  ],
  thresholds: [],
  judgement: {
    levels: [
      { value: "limited", label: "Begränsat" },
      { value: "extensive", label: "Omfattande" },
      { value: "severe", label: "Mycket allvarligt" },
    ],
    dimensions: [{ value: "extent", label: "Våldets omfattning" }],
    reasonsRequired: false,
  },
  reassessMonths: 6,
};

export const violenceDescription = InstrumentDefinition.parse(definition);
