import { z } from "zod";
import { dayNotBefore, int4, int4Param, isoDate, multiline } from "./fields.ts";

/**
 * The competence register (issue 17, item 5): trainings with their participants as counts
 * per organisation and role, the kvinnofridsinstruktörer and their follow-up meetings,
 * supervision given to staff groups and study visits received. Staff data, never a client's.
 * Kept by unit managers and consultants, read by anyone doing case work or consulting.
 */
export const trainingKinds = ["course", "instructor_training", "joint_day", "other"] as const;
export const TrainingKind = z.enum(trainingKinds);
export type TrainingKind = z.infer<typeof TrainingKind>;

export const jointAgencies = [
  "police",
  "health_care",
  "social_services",
  "school",
  "prosecutor",
  "voluntary_organisation",
  "other",
] as const;
export const JointAgency = z.enum(jointAgencies);
export type JointAgency = z.infer<typeof JointAgency>;

const name = z.string().trim().min(1).max(200);
const optionalText = (max: number) =>
  multiline(z.string().trim().max(max))
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

/** A short optional text: empty is none. */
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

/** Hours in tenths at most (a half-day: 3.5). */
export const hours = (max: number) =>
  z
    .number()
    .min(0.1, { message: "Ange minst 0,1 timme." })
    .max(max)
    .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, {
      message: "Ange timmar med högst en decimal.",
    });

export const ParticipantGroup = z
  .object({
    organisation: name.meta({ description: "e.g. Socialtjänsten, Polisen, Vårdcentralen" }),
    role: optionalLine(100),
    participants: int4().min(1).max(10_000),
  })
  .strict();

export const TrainingBody = z
  .object({
    kind: TrainingKind,
    title: name,
    startsOn: isoDate(),
    endsOn: isoDate().nullable().default(null),
    sessions: int4().min(1).max(100).default(1).meta({ description: "Six half-days: 6" }),
    hours: hours(2000).meta({ description: "Hours of training in all" }),
    organiser: name,
    targetGroup: optionalLine(200),
    jointWith: z.array(JointAgency).max(jointAgencies.length).default([]),
    participants: z.array(ParticipantGroup).max(50).default([]),
    instructorIds: z
      .array(z.uuid())
      .max(50)
      .default([])
      .meta({ description: "Instructors who led it (they count as active that year)" }),
    notes: optionalText(2000),
  })
  .strict()
  .check(dayNotBefore("endsOn", "startsOn", "periodEndBeforeStart"))
  .meta({ id: "TrainingBody" });
export type TrainingBody = z.input<typeof TrainingBody>;

const version = int4()
  .min(1)
  .meta({ description: "The version the change was made from; a stale one answers 409" });

export const UpdateTrainingBody = z
  .object({ ...TrainingBody.shape, version })
  .strict()
  .check(dayNotBefore("endsOn", "startsOn", "periodEndBeforeStart"))
  .meta({ id: "UpdateTrainingBody" });

export const InstructorBody = z
  .object({
    name,
    administration: name.meta({ description: "The förvaltning the instructor works in" }),
    trainedOn: isoDate(),
    active: z.boolean().default(true),
  })
  .strict()
  .meta({ id: "InstructorBody" });
export type InstructorBody = z.input<typeof InstructorBody>;

export const UpdateInstructorBody = z
  .object({ ...InstructorBody.shape, version })
  .strict()
  .meta({ id: "UpdateInstructorBody" });

export const MeetingBody = z
  .object({
    heldOn: isoDate(),
    topic: name,
    hours: hours(100).nullable().default(null),
    attendeeIds: z.array(z.uuid()).max(200).default([]),
  })
  .strict()
  .meta({ id: "InstructorMeetingBody" });
export type MeetingBody = z.input<typeof MeetingBody>;

export const SupervisionBody = z
  .object({
    heldOn: isoDate(),
    staffGroup: name,
    hours: hours(100),
    givenBy: name,
    notes: optionalText(2000),
  })
  .strict()
  .meta({ id: "SupervisionBody" });
export type SupervisionBody = z.input<typeof SupervisionBody>;

export const StudyVisitBody = z
  .object({
    visitedOn: isoDate(),
    visitorsOrganisation: name,
    visitors: int4().min(1).max(10_000),
    notes: optionalText(2000),
  })
  .strict()
  .meta({ id: "StudyVisitBody" });
export type StudyVisitBody = z.input<typeof StudyVisitBody>;

export const CompetenceParams = z.object({ id: z.uuid() }).strict();
export const CompetenceQuery = z.object({ year: int4Param().min(2000).max(2999) }).strict();

export const TrainingView = z.object({
  id: z.uuid(),
  kind: TrainingKind,
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  sessions: z.number().int(),
  hours: z.number(),
  organiser: z.string(),
  targetGroup: z.string().nullable(),
  jointWith: z.array(JointAgency),
  participants: z.array(
    z.object({ organisation: z.string(), role: z.string().nullable(), participants: z.number() }),
  ),
  instructorIds: z.array(z.uuid()),
  notes: z.string().nullable(),
  version: z.number().int(),
});
export type TrainingView = z.infer<typeof TrainingView>;

export const InstructorView = z.object({
  id: z.uuid(),
  name: z.string(),
  administration: z.string(),
  trainedOn: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type InstructorView = z.infer<typeof InstructorView>;

export const MeetingView = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  topic: z.string(),
  hours: z.number().nullable(),
  attendeeIds: z.array(z.uuid()),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const SupervisionView = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  staffGroup: z.string(),
  hours: z.number(),
  givenBy: z.string(),
  notes: z.string().nullable(),
});
export type SupervisionView = z.infer<typeof SupervisionView>;

export const StudyVisitView = z.object({
  id: z.uuid(),
  visitedOn: z.string(),
  visitorsOrganisation: z.string(),
  visitors: z.number().int(),
  notes: z.string().nullable(),
});
export type StudyVisitView = z.infer<typeof StudyVisitView>;

/** The register for one year: its trainings, meetings, supervision and visits; every instructor. */
export const CompetenceRegister = z
  .object({
    year: z.number().int(),
    mayKeep: z.boolean().meta({ description: "The caller may add, change and remove entries" }),
    trainings: z.array(TrainingView),
    instructors: z.array(InstructorView),
    meetings: z.array(MeetingView),
    supervision: z.array(SupervisionView),
    studyVisits: z.array(StudyVisitView),
  })
  .meta({ id: "CompetenceRegister" });
export type CompetenceRegister = z.infer<typeof CompetenceRegister>;

export const CompetenceFigures = z
  .object({
    year: z.number().int(),
    trainings: z.number().int(),
    trainingHours: z.number(),
    participants: z.number().int(),
    jointTrainings: z.number().int(),
    instructorsTrained: z.number().int(),
    instructorsActive: z.number().int(),
    followUpMeetings: z.number().int(),
    supervisionSessions: z.number().int(),
    supervisionHours: z.number(),
    studyVisits: z.number().int(),
    studyVisitors: z.number().int(),
  })
  .meta({ id: "CompetenceFigures" });
export type CompetenceFigures = z.infer<typeof CompetenceFigures>;
