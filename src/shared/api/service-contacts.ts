import { z } from "zod";
import { isoDate, isoDateTime, multiline, withoutIdentityNumber } from "./fields.ts";
import { RecordIntakeBody, RecordIntakeResult } from "./intake.ts";
import { listPageFields, listQuery, timePlaceCursor } from "./paging.ts";

export { serviceRoles } from "./roles.ts";

/**
 * Service contacts (serviceinsatser, issue 17 item 1): advice and support given without a
 * needs assessment, often to someone who will not give their name. One person's contacts at a
 * unit are one course (a single phone call is a course of one). The codes live here once; the
 * children's crisis-centre work builds on the course shapes below.
 */

export const serviceContactKinds = [
  "phone_advice",
  "counselling_visit",
  "authority_support",
  "group_session",
] as const;
export type ServiceContactKind = (typeof serviceContactKinds)[number];

export const serviceChannels = ["phone", "visit", "video", "chat", "email", "other"] as const;
export type ServiceChannel = (typeof serviceChannels)[number];

/** The kinds of violence asked about or told of (migration 0056 checks the same list). */
export const violenceKinds = [
  "physical",
  "psychological",
  "sexual",
  "economic",
  "material",
  "latent",
  "neglect",
  "honour",
  "digital",
] as const;
export type ViolenceKind = (typeof violenceKinds)[number];

/** What came of a contact; intake_made only through the intake route (one click). */
export const serviceOutcomes = ["advice_given", "referred", "intake_made", "none"] as const;
export type ServiceOutcome = (typeof serviceOutcomes)[number];
export const recordableOutcomes = ["advice_given", "referred", "none"] as const;

export const subjectKinds = ["identified", "first_name", "anonymous"] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const courseSexes = ["female", "male", "other"] as const;

export const identityNumberRefused =
  "Skriv inte personnummer här. En kontakt som inte är identifierad ska inte gå att koppla till någon.";

/** A text that may never identify anyone: a personal identity number in it is refused. */
const unidentifying = (schema: z.ZodString) => withoutIdentityNumber(schema, identityNumberRefused);

const birthYear = z.number().int().min(1900).max(2100);

export const CourseSubject = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("identified"), personId: z.uuid() }).strict(),
  z
    .object({
      kind: z.literal("first_name"),
      firstName: unidentifying(z.string().trim().min(1).max(100)),
      birthYear,
    })
    .strict(),
  z
    .object({ kind: z.literal("anonymous"), birthYear: birthYear.nullable().default(null) })
    .strict(),
]);
export type CourseSubject = z.infer<typeof CourseSubject>;

export const NewCourse = z
  .object({
    unitId: z.uuid(),
    subject: CourseSubject,
    sex: z.enum(courseSexes).nullable().default(null),
    isChild: z.boolean().default(false),
  })
  .strict();

export const RecordServiceContactBody = z
  .object({
    courseId: z.uuid().optional().meta({
      description: "A further contact in this course; leave out and give `course` for a new one",
    }),
    course: NewCourse.optional(),
    kind: z.enum(serviceContactKinds),
    channel: z.enum(serviceChannels),
    occurredAt: isoDateTime({ offset: true }),
    durationMinutes: z.number().int().min(1).max(1440),
    violenceKinds: z.array(z.enum(violenceKinds)).max(violenceKinds.length).default([]),
    topic: unidentifying(z.string().trim().min(1).max(200)),
    summary: multiline(z.string().trim().max(8000)).nullable().default(null).meta({
      description: "What was said, as the worker writes it; carried into an intake made from it",
    }),
    outcome: z.enum(recordableOutcomes),
    referredTo: unidentifying(z.string().trim().min(1).max(200)).nullable().default(null),
  })
  .strict()
  .meta({ id: "RecordServiceContactBody" });
export type RecordServiceContactInput = z.input<typeof RecordServiceContactBody>;

export const ServiceContactView = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    kind: z.enum(serviceContactKinds),
    channel: z.enum(serviceChannels),
    occurredAt: z.string(),
    durationMinutes: z.number().int(),
    workerId: z.uuid(),
    workerName: z.string(),
    violenceKinds: z.array(z.enum(violenceKinds)),
    topic: z.string(),
    summary: z.string().nullable(),
    outcome: z.enum(serviceOutcomes),
    referredTo: z.string().nullable(),
    intakeId: z.uuid().nullable(),
    caseId: z.uuid().nullable().meta({ description: "The case the intake opened or joined" }),
  })
  .meta({ id: "ServiceContact" });
export type ServiceContactView = z.infer<typeof ServiceContactView>;

/** The course's person as the caller may see them. */
export const CourseSubjectView = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("identified"),
    personId: z.uuid(),
    name: z.string().nullable().meta({
      description: "null when the caller may not see the person's record",
    }),
  }),
  z.object({ kind: z.literal("first_name"), firstName: z.string(), birthYear: z.number().int() }),
  z.object({ kind: z.literal("anonymous"), birthYear: z.number().int().nullable() }),
]);
export type CourseSubjectView = z.infer<typeof CourseSubjectView>;

export const ServiceCourseSummary = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    subject: CourseSubjectView,
    sex: z.enum(courseSexes).nullable(),
    isChild: z.boolean(),
    responsibleId: z.uuid(),
    responsibleName: z.string(),
    contacts: z.number().int(),
    firstAt: z.string(),
    lastAt: z.string(),
    totalMinutes: z.number().int(),
    closedAt: z.string().nullable(),
    lastKind: z.enum(serviceContactKinds),
    lastTopic: z.string(),
  })
  .meta({ id: "ServiceCourseSummary" });
export type ServiceCourseSummary = z.infer<typeof ServiceCourseSummary>;

export const ServiceCourseView = ServiceCourseSummary.extend({
  contactList: z.array(ServiceContactView).meta({ description: "Newest first" }),
  mayChangeResponsible: z.boolean(),
}).meta({ id: "ServiceCourse" });
export type ServiceCourseView = z.infer<typeof ServiceCourseView>;

export const RecordServiceContactResult = z
  .object({ contactId: z.uuid(), course: ServiceCourseView })
  .meta({ id: "RecordServiceContactResult" });

export const ServiceCourseQuery = listQuery(timePlaceCursor)
  .extend({
    unitId: z.uuid().optional(),
    from: isoDate().optional().meta({ description: "Courses with a contact on or after this day" }),
    to: isoDate().optional().meta({ description: "…and on or before this day" }),
    kind: z.enum(serviceContactKinds).optional(),
    mine: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => v === "true")
      .meta({
        description: "true: only courses with a contact of mine or that I am responsible for",
      }),
  })
  .strict();

export const ServiceCoursePage = z
  .object({ courses: z.array(ServiceCourseSummary), ...listPageFields })
  .meta({ id: "ServiceCoursePage" });
export type ServiceCoursePage = z.infer<typeof ServiceCoursePage>;

export const PersonServiceCourses = z
  .object({ courses: z.array(ServiceCourseSummary) })
  .meta({ id: "PersonServiceCourses" });

export const ResponsibleBody = z.object({ userId: z.uuid() }).strict();

/**
 * The intake made from a contact: the intake's own fields but what the contact already says —
 * when it came in and how (the contact's time and channel); the report text defaults to what
 * was said. personId only for a course that is not identified (registered first).
 */
export const ContactIntakeBody = RecordIntakeBody.omit({
  personId: true,
  channel: true,
  receivedAt: true,
})
  .extend({ personId: z.uuid().optional() })
  .strict()
  .meta({ id: "ContactIntakeBody" });
export type ContactIntakeInput = z.input<typeof ContactIntakeBody>;

export const ContactIntakeResult = RecordIntakeResult.extend({
  courseId: z.uuid(),
}).meta({ id: "ContactIntakeResult" });

/** The contact's channel as an intake names it. */
export const intakeChannelOf = {
  phone: "phone",
  visit: "visit",
  video: "digital",
  chat: "digital",
  email: "email",
  other: "other",
} as const satisfies Record<ServiceChannel, string>;

/** The report text an intake made from a contact starts with: the topic and what was said. */
export function reportTextOf(contact: { topic: string; summary: string | null }): string {
  return contact.summary ? `${contact.topic}\n\n${contact.summary}` : contact.topic;
}

export const ServiceFiguresQuery = z
  .object({ from: isoDate(), to: isoDate(), unitId: z.uuid().optional() })
  .strict();

const counts = <K extends readonly string[]>(keys: K) =>
  z.object(
    Object.fromEntries(keys.map((k) => [k, z.number().int().nullable()])) as {
      [P in K[number]]: z.ZodNullable<z.ZodNumber>;
    },
  );

export const ServiceFigures = z
  .object({
    from: z.string(),
    to: z.string(),
    scope: z.enum(["unit", "organisation"]),
    suppressed: z.boolean(),
    contacts: z.number().int().nullable(),
    byKind: counts(serviceContactKinds),
    byChannel: counts(serviceChannels),
    bySubject: counts(subjectKinds),
    courses: z.number().int().nullable(),
    persons: z.number().int().nullable().meta({
      description: "Courses counted once per identified person; each other course is one person",
    }),
    women: z.number().int().nullable(),
    men: z.number().int().nullable(),
    children: z.number().int().nullable(),
    minutes: z.number().int().nullable(),
    referred: z.number().int().nullable(),
    intakesMade: z.number().int().nullable(),
  })
  .meta({ id: "ServiceFigures" });
export type ServiceFigures = z.infer<typeof ServiceFigures>;
