import {
  intakeChannelOf,
  type RecordServiceContactInput,
  reportTextOf,
  type ServiceChannel,
  type ServiceContactKind,
  type ServiceContactView,
  type ServiceOutcome,
  serviceChannels,
  serviceContactKinds,
  type ViolenceKind,
} from "../../../shared/api/service-contacts";
import { containsIdentityNumber } from "../../../shared/personal-identity-number";
import { localDateTimeInputs, localDateTimeIso } from "../../i18n/dates";
import type { PlainMessageKey } from "../../i18n/messages";
import type { IntakeDraft } from "../cases/casework-model";
import { emptyIntakeDraft } from "../cases/casework-model";

/** Who the contact was with: a registered person, a first name and birth year, or nobody named. */
export type Who = "identified" | "first_name" | "anonymous";
export type RecordableOutcome = Exclude<ServiceOutcome, "intake_made">;

export interface ContactDraft {
  kind: ServiceContactKind;
  channel: ServiceChannel;
  date: string;
  time: string;
  duration: string;
  violenceKinds: ViolenceKind[];
  topic: string;
  summary: string;
  outcome: RecordableOutcome;
  referredTo: string;
}

export interface CourseDraft {
  unitId: string;
  who: Who;
  personId: string;
  personName: string;
  firstName: string;
  birthYear: string;
  sex: "" | "female" | "male" | "other";
  isChild: boolean;
}

export const emptyContact = (now: Date): ContactDraft => ({
  kind: "phone_advice",
  channel: "phone",
  ...localDateTimeInputs(now),
  duration: "",
  violenceKinds: [],
  topic: "",
  summary: "",
  outcome: "advice_given",
  referredTo: "",
});

export const emptyCourse = (unitId: string, personId = ""): CourseDraft => ({
  unitId,
  who: personId ? "identified" : "anonymous",
  personId,
  personName: "",
  firstName: "",
  birthYear: "",
  sex: "",
  isChild: false,
});

/** The channel a kind of contact usually takes, so the form starts with it. */
export const usualChannel: Record<ServiceContactKind, ServiceChannel> = {
  phone_advice: "phone",
  counselling_visit: "visit",
  authority_support: "visit",
  group_session: "visit",
};

export const isContactKind = (v: string): v is ServiceContactKind =>
  (serviceContactKinds as readonly string[]).includes(v);
export const isChannel = (v: string): v is ServiceChannel =>
  (serviceChannels as readonly string[]).includes(v);

type Checked<T> = { ok: true; body: T } | { ok: false; fields: Record<string, PlainMessageKey> };
const text = (value: string) => (value.trim() === "" ? null : value.trim());

/**
 * The form → POST /api/service-contacts, checked as the server will check it so the worker
 * sees every problem at once. An identity number in a first name, topic or referral is
 * refused here too: a contact that is not identified must stay so.
 */
export function contactBody(
  contact: ContactDraft,
  course: CourseDraft | { courseId: string },
): Checked<RecordServiceContactInput> {
  const fields: Record<string, PlainMessageKey> = {};
  const occurredAt = localDateTimeIso(contact.date, contact.time);
  if (!occurredAt) fields.occurredAt = "serviceContacts.occurredAtInvalid";
  const duration = Number(contact.duration);
  if (!/^\d+$/.test(contact.duration.trim()) || duration < 1 || duration > 1440)
    fields.durationMinutes = "serviceContacts.durationInvalid";
  if (!text(contact.topic)) fields.topic = "serviceContacts.topicRequired";
  if (contact.outcome === "referred" && !text(contact.referredTo))
    fields.referredTo = "serviceContacts.referredToRequired";
  for (const [name, value] of [
    ["topic", contact.topic],
    ["referredTo", contact.referredTo],
  ] as const)
    if (containsIdentityNumber(value)) fields[name] = "serviceContacts.noIdentityNumber";
  const courseFields =
    "courseId" in course ? { courseId: course.courseId } : newCourse(course, fields);
  if (Object.keys(fields).length > 0 || !occurredAt) return { ok: false, fields };
  return {
    ok: true,
    body: {
      ...courseFields,
      kind: contact.kind,
      channel: contact.channel,
      occurredAt,
      durationMinutes: duration,
      violenceKinds: contact.violenceKinds,
      topic: contact.topic.trim(),
      summary: text(contact.summary),
      outcome: contact.outcome,
      referredTo: contact.outcome === "referred" ? text(contact.referredTo) : null,
    },
  };
}

function newCourse(course: CourseDraft, fields: Record<string, PlainMessageKey>) {
  const year = course.birthYear.trim();
  const birthYear = /^\d{4}$/.test(year) ? Number(year) : null;
  if (year !== "" && (birthYear === null || birthYear < 1900 || birthYear > 2100))
    fields.birthYear = "serviceContacts.birthYearInvalid";
  if (course.who === "identified" && !course.personId)
    fields.personId = "serviceContacts.choosePerson";
  if (course.who === "first_name") {
    if (!text(course.firstName)) fields.firstName = "serviceContacts.firstNameRequired";
    else if (containsIdentityNumber(course.firstName))
      fields.firstName = "serviceContacts.noIdentityNumber";
    if (year === "") fields.birthYear = "serviceContacts.birthYearRequired";
  }
  const subject =
    course.who === "identified"
      ? { kind: "identified" as const, personId: course.personId }
      : course.who === "first_name"
        ? {
            kind: "first_name" as const,
            firstName: course.firstName.trim(),
            birthYear: birthYear ?? 0,
          }
        : { kind: "anonymous" as const, birthYear };
  return {
    course: {
      unitId: course.unitId,
      subject,
      sex: course.sex === "" ? null : course.sex,
      isChild: course.isChild,
    },
  };
}

/**
 * The intake form's draft for a contact turned into an intake: the person came by the
 * contact's channel at its time, told what the worker wrote (topic and summary), and was
 * asked about violence when the contact records kinds of violence.
 */
export function intakeDraftOf(contact: ServiceContactView, unitId: string): IntakeDraft {
  const draft = emptyIntakeDraft(unitId, localDateTimeInputs(contact.occurredAt));
  return {
    ...draft,
    source: "the_person",
    channel: intakeChannelOf[contact.channel],
    reportText: reportTextOf(contact),
    askedAboutViolence: contact.violenceKinds.length > 0 ? "yes" : "",
  };
}
