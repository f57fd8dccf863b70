import { z } from "zod";
import { isoDate, multiline, withoutIdentityNumber } from "./fields.ts";

/**
 * Competence-needs surveys (issue 17, item 4): a unit asks school principals and IFO managers
 * which topics they need competence in, through personal links that need no account. The
 * topic catalogue is seed 002's two questionnaires; a survey may add its own topics.
 */

export interface CatalogueTopic {
  label: string;
  /** "Verksamheten har ej behov": chosen alone or not at all. */
  noNeed: boolean;
}

const topic = (label: string, noNeed = false): CatalogueTopic => ({ label, noNeed });

/** Seed 002's lists, offered to pick from (the labels are the survey's data, in Swedish). */
export const topicCatalogue = [
  {
    key: "schools",
    group: "Rektorer",
    topics: [
      topic("Grundläggande kunskap HRV"),
      topic("Barnäktenskap och tvångsäktenskap"),
      topic("Könsstympning"),
      topic("Kultur, tradition och religion"),
      topic("Förebyggande arbete HRV"),
      topic("Grundläggande kunskap sex mot ersättning"),
      topic("Förebyggande arbete sex mot ersättning"),
      topic("Verksamheten har ej behov", true),
    ],
  },
  {
    key: "ifo",
    group: "IFO-chefer",
    topics: [
      topic("Grundläggande kunskap HRV"),
      topic("Barnäktenskap och tvångsäktenskap"),
      topic("Könsstympning"),
      topic("Kultur, tradition och religion"),
      topic("Hot- och riskbedömningar"),
      topic("LVU-utredningar"),
      topic("Insatser"),
      topic("Skyddsbedömningar"),
      topic("Förebyggande arbete"),
      topic("Verksamheten har ej behov", true),
      topic("Annat"),
    ],
  },
] as const;
export type CatalogueKey = (typeof topicCatalogue)[number]["key"];

export const defaultQuestion = "Inom vilka områden har verksamheten behov av kompetensinsatser?";

export const noIdentityNumberMessage =
  "Texten får inte innehålla personnummer. Skriv utan uppgifter om enskilda personer.";

const label = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `Ange ${what}.` })
    .max(max, { message: `${capitalise(what)} får vara högst ${max} tecken.` });
function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const distinct = (values: readonly string[]) =>
  new Set(values.map((v) => v.trim().toLowerCase())).size === values.length;

export const SurveyTopicInput = z
  .object({ label: label(200, "ämnet"), noNeed: z.boolean().default(false) })
  .strict();

const definition = {
  title: label(200, "en rubrik"),
  intro: multiline(
    z.string().max(4000, { message: "Inledningen får vara högst 4000 tecken." }),
  ).default(""),
  question: label(500, "frågan"),
  freeTextQuestion: label(500, "fritextfrågan")
    .nullable()
    .default(null)
    .meta({ description: "Optional; the form warns that answers must hold no personal data" }),
  groups: z
    .array(label(100, "gruppens namn"))
    .min(1, { message: "Ange minst en grupp av mottagare, t.ex. Rektorer." })
    .max(10, { message: "Högst 10 grupper." })
    .refine(distinct, { message: "Två grupper har samma namn." }),
  topics: z
    .array(SurveyTopicInput)
    .min(1, { message: "Välj minst ett ämne." })
    .max(40, { message: "Högst 40 ämnen." })
    .refine((t) => distinct(t.map((x) => x.label)), { message: "Två ämnen har samma namn." })
    .refine((t) => t.filter((x) => x.noNeed).length <= 1, {
      message: "Bara ett ämne kan betyda att verksamheten inte har behov.",
    }),
  closesOn: isoDate({ message: "Ange sista svarsdag (ÅÅÅÅ-MM-DD)." }),
};

export const SurveyBody = z.object({ unitId: z.uuid(), ...definition }).strict();
export type SurveyBody = z.input<typeof SurveyBody>;
export const SurveyUpdateBody = z.object(definition).strict();

export const RespondentInput = z
  .object({
    label: label(200, "mottagaren (t.ex. Rektor, Norra skolan)"),
    group: label(100, "gruppen"),
    email: z
      .email({ message: "Ange en giltig e-postadress." })
      .max(254, { message: "E-postadressen får vara högst 254 tecken." })
      .nullable()
      .default(null),
  })
  .strict();
export const RespondentsBody = z
  .object({
    respondents: z
      .array(RespondentInput)
      .min(1, { message: "Ange minst en mottagare." })
      .max(500, { message: "Högst 500 mottagare åt gången." }),
  })
  .strict();
export type RespondentsBody = z.input<typeof RespondentsBody>;

export const OpenSurveyBody = z
  .object({
    sendEmails: z.boolean().default(false).meta({
      description: "Send each respondent with an e-mail address their link (FRID_SMTP_URL)",
    }),
  })
  .strict();
export const IssueLinkBody = z.object({ sendEmail: z.boolean().default(false) }).strict();

export const SurveyParams = z.object({ surveyId: z.uuid() });
export const RespondentParams = z.object({ surveyId: z.uuid(), respondentId: z.uuid() });
// Any text: a malformed link is an unknown one (the same 404), never a different answer.
export const LinkParams = z.object({ token: z.string().max(200) });

export const SurveyState = z.enum(["draft", "open", "closed"]);
export type SurveyState = z.infer<typeof SurveyState>;

export const SurveySummary = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  state: SurveyState,
  closesOn: z.string(),
  respondents: z.number().int(),
  answered: z.number().int(),
});
export const SurveyList = z.object({
  surveys: z.array(SurveySummary),
  units: z
    .array(z.object({ id: z.uuid(), name: z.string() }))
    .meta({ description: "The units where the caller makes surveys" }),
});

export const SurveyTopicView = z.object({ id: z.uuid(), label: z.string(), noNeed: z.boolean() });
export const RespondentView = z.object({
  id: z.uuid(),
  label: z.string(),
  group: z.string(),
  email: z.string().nullable(),
  link: z.enum(["none", "issued", "answered"]),
  linkIssuedAt: z.string().nullable(),
});
export const SurveyView = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    title: z.string(),
    intro: z.string(),
    question: z.string(),
    freeTextQuestion: z.string().nullable(),
    groups: z.array(z.string()),
    topics: z.array(SurveyTopicView),
    closesOn: z.string(),
    state: SurveyState,
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    respondents: z.array(RespondentView),
    mailConfigured: z.boolean(),
  })
  .meta({ id: "Survey" });
export type SurveyView = z.infer<typeof SurveyView>;

export const IssuedLink = z.object({
  respondentId: z.uuid(),
  label: z.string(),
  group: z.string(),
  token: z.string(),
  path: z.string().meta({ description: "The answer page: /enkat/{token}" }),
  emailed: z.boolean().nullable().meta({ description: "null: not asked to send" }),
});
export const IssuedLinks = z.object({
  survey: SurveyView,
  links: z.array(IssuedLink).meta({ description: "Shown once: only the tokens' hashes are kept" }),
});
export type IssuedLinks = z.infer<typeof IssuedLinks>;

export const ResultRow = z.object({
  topicId: z.uuid(),
  label: z.string(),
  count: z.number().int(),
  share: z.number().nullable().meta({ description: "Per cent of those who answered, one decimal" }),
});
export const ResultTable = z.object({
  group: z.string().nullable().meta({ description: "null: all groups together" }),
  invited: z.number().int(),
  answered: z.number().int(),
  rows: z.array(ResultRow),
});
export const SurveyResults = z.object({
  surveyId: z.uuid(),
  title: z.string(),
  state: SurveyState,
  closesOn: z.string(),
  tables: z.array(ResultTable),
  freeTextQuestion: z.string().nullable(),
  freeTextAnswers: z.array(z.object({ group: z.string(), text: z.string() })),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

/** The share in per cent with one decimal, rounded half up (5 of 11 → 45.5); null of none. */
export function shareOf(count: number, answered: number): number | null {
  if (answered === 0) return null;
  return Math.round((count * 1000) / answered) / 10;
}

/** What a link shows: the questions, nothing else. */
export const PublicSurvey = z.object({
  title: z.string(),
  intro: z.string(),
  question: z.string(),
  freeTextQuestion: z.string().nullable(),
  closesOn: z.string(),
  topics: z.array(SurveyTopicView),
});
export type PublicSurvey = z.infer<typeof PublicSurvey>;

export const AnswerBody = z
  .object({
    topics: z.array(z.uuid({ message: "Välj bland enkätens alternativ." })).max(100),
    freeText: multiline(
      withoutIdentityNumber(
        z.string().trim().max(2000, { message: "Svaret får vara högst 2000 tecken." }),
        noIdentityNumberMessage,
      ),
    )
      .nullable()
      .default(null),
  })
  .strict();
export type AnswerBody = z.input<typeof AnswerBody>;
export const AnswerResult = z.object({ answered: z.literal(true) });
