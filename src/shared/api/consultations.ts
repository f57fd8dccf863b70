import { z } from "zod";
import { identityNumberInText } from "../validation-messages.ts";
import {
  fieldRule,
  int4,
  int4Param,
  isoDate,
  isoDateTime,
  multiline,
  withoutIdentityNumber,
} from "./fields.ts";
import { listPageFields, listQuery, timePlaceCursor } from "./paging.ts";

/**
 * Consultations to professionals (issue 17, item 3): the resource function's log of advice
 * to schools, social services, health care, police and Barnahus. It never holds the
 * individual concerned: every text refuses an identity or coordination number (400, naming
 * the field) and the server warns on what looks like a name (422 `names_to_confirm`, saved
 * only with `confirmNames: true`; shared/likely-names.ts).
 */
export const askerOrganisationKinds = [
  "school",
  "social_services",
  "health_care",
  "police",
  "barnahus",
  "other",
] as const;
export const AskerOrganisationKind = z.enum(askerOrganisationKinds);
export type AskerOrganisationKind = z.infer<typeof AskerOrganisationKind>;

export const consultationTopics = [
  "honour_related_violence",
  "child_and_forced_marriage",
  "female_genital_mutilation",
  "trafficking",
  "sex_for_compensation",
  "risk_assessment",
  "protection",
  "lvu_investigation",
  "other",
] as const;
export const ConsultationTopic = z.enum(consultationTopics);
export type ConsultationTopic = z.infer<typeof ConsultationTopic>;

export const consultationStages = [
  "before_report",
  "at_report",
  "during_investigation",
  "after",
] as const;
export const ConsultationStage = z.enum(consultationStages);
export type ConsultationStage = z.infer<typeof ConsultationStage>;

export const followUps = ["none", "planned", "done"] as const;
export const FollowUp = z.enum(followUps);
export type FollowUp = z.infer<typeof FollowUp>;

/** The Swedish name of each text field, for the messages that name it. */
export const consultationFieldNames = {
  askerOrganisationName: "Organisationens namn",
  municipality: "Kommun",
  askerRole: "Yrkesroll",
  question: "Frågan",
  advice: "Rådet",
  followUpNote: "Uppföljningen",
} as const;
export type ConsultationTextField = keyof typeof consultationFieldNames;

/** A text of the log: never an identity number (the message names the field). */
const text = (field: ConsultationTextField, max: number, lines = false) => {
  const base = z.string().trim().max(max);
  return withoutIdentityNumber(
    lines ? multiline(base) : base,
    identityNumberInText(consultationFieldNames[field]),
  );
};
const required = (field: ConsultationTextField, max: number, lines = false) =>
  text(field, max, lines).refine((t) => t.length > 0, { message: "Fältet får inte vara tomt." });
const optional = (field: ConsultationTextField, max: number, lines = false) =>
  text(field, max, lines)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

const followUpFields = {
  followUp: FollowUp,
  followUpOn: isoDate().nullable().default(null).meta({
    description: "planned: the day it is planned for (required); done: the day it was done",
  }),
  followUpNote: optional("followUpNote", 2000, true),
};

const followUpRules = [
  fieldRule("followUpNeedsDay", "followUpOn", (b) => b.followUp !== "planned" || !!b.followUpOn),
  fieldRule("noFollowUpNoDay", "followUpOn", (b) => b.followUp !== "none" || !b.followUpOn),
] as const;

const confirmNames = z.boolean().default(false).meta({
  description:
    "true: save although a text looks like it names a person (the 422 names_to_confirm answer)",
});

export const ConsultationBody = z
  .object({
    unitId: z.uuid().meta({ description: "The resource function or crisis centre that advised" }),
    occurredAt: isoDateTime({ offset: true }),
    askerOrganisationKind: AskerOrganisationKind,
    askerOrganisationName: optional("askerOrganisationName", 200),
    municipality: required("municipality", 100),
    askerRole: required("askerRole", 100),
    topics: z.array(ConsultationTopic).min(1).max(consultationTopics.length),
    stage: ConsultationStage,
    minutes: int4().min(1).max(1440),
    question: required("question", 4000, true),
    advice: optional("advice", 4000, true),
    ...followUpFields,
    confirmNames,
  })
  .strict()
  .check(...followUpRules)
  .meta({ id: "ConsultationBody" });
export type ConsultationBody = z.input<typeof ConsultationBody>;

export const UpdateConsultationBody = z
  .object({
    ...ConsultationBody.shape,
    version: int4()
      .min(1)
      .meta({ description: "The version the change was made from; a stale one answers 409" }),
  })
  .omit({ unitId: true })
  .strict()
  .check(...followUpRules)
  .meta({ id: "UpdateConsultationBody" });
export type UpdateConsultationBody = z.input<typeof UpdateConsultationBody>;

export const ConsultationParams = z.object({ id: z.uuid() }).strict();

export const ConsultationView = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    occurredAt: z.string(),
    askerOrganisationKind: AskerOrganisationKind,
    askerOrganisationName: z.string().nullable(),
    municipality: z.string(),
    askerRole: z.string(),
    topics: z.array(ConsultationTopic),
    stage: ConsultationStage,
    minutes: z.number().int(),
    question: z.string(),
    advice: z.string().nullable(),
    followUp: FollowUp,
    followUpOn: z.string().nullable(),
    followUpNote: z.string().nullable(),
    workerName: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Consultation" });
export type ConsultationView = z.infer<typeof ConsultationView>;

export const ConsultationListQuery = listQuery(timePlaceCursor)
  .extend({
    unitId: z.uuid().optional().meta({ description: "One unit's log; default: all the caller's" }),
    from: isoDate().optional().meta({ description: "First day (Swedish time)" }),
    to: isoDate().optional().meta({ description: "Last day (Swedish time)" }),
    topic: ConsultationTopic.optional(),
    followUp: FollowUp.optional(),
  })
  .strict();

export const ConsultationList = z
  .object({
    items: z.array(ConsultationView),
    ...listPageFields,
    /** The units whose log the caller keeps (the form's choice of unit). */
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: "ConsultationList" });
export type ConsultationList = z.infer<typeof ConsultationList>;

export const ConsultationFiguresQuery = z
  .object({
    unitId: z.uuid(),
    year: int4Param().min(2000).max(2999),
    quarter: int4Param().min(1).max(4).optional(),
  })
  .strict();

const counted = z.object({ count: z.number().int(), minutes: z.number().int() });
const row = <K extends z.ZodType>(key: K) => counted.extend({ key });

/**
 * A period's figures: each consultation counted once in the totals, by organisation kind,
 * municipality and stage; by topic once per topic it touched (a consultation about honour and
 * forced marriage counts under both, so topics add up to more than the total).
 */
export const ConsultationFiguresPeriod = z.object({
  period: z.string().meta({ description: "2026 or 2026-Q1" }),
  from: z.string(),
  to: z.string(),
  total: counted,
  byOrganisationKind: z.array(row(AskerOrganisationKind)),
  byMunicipality: z.array(row(z.string())),
  byTopic: z.array(row(ConsultationTopic)),
  byStage: z.array(row(ConsultationStage)),
});
export type ConsultationFiguresPeriod = z.infer<typeof ConsultationFiguresPeriod>;

export const ConsultationFigures = z
  .object({
    unitId: z.uuid(),
    year: z.number().int(),
    /** The year (or the quarter asked for) … */
    period: ConsultationFiguresPeriod,
    /** … and, for a year, each of its quarters. */
    quarters: z.array(ConsultationFiguresPeriod),
  })
  .meta({ id: "ConsultationFigures" });
export type ConsultationFigures = z.infer<typeof ConsultationFigures>;
