import { z } from "zod";
import { none } from "./none.ts";

/**
 * The audit events of the services around a case (issues 16–18): stays and shelters, the
 * children's crisis centre, places, agencies and agreements, consultations and competence,
 * service contacts, surveys, the chat, consents to share and disclosures. Part of
 * auditEventData (audit/events.ts).
 */
export const serviceEvents = {
  // Issue 16: the stay commands of both sides (side: the placing case or the shelter).
  "stay.check_in": z.object({ stayId: z.uuid(), side: z.enum(["case", "shelter"]) }).strict(),
  "stay.check_out": z
    .object({ stayId: z.uuid(), side: z.enum(["case", "shelter"]), endReason: z.string() })
    .strict(),
  "stay.note": z
    .object({
      stayId: z.uuid(),
      noteId: z.uuid(),
      kind: z.string(),
      side: z.enum(["case", "shelter"]),
    })
    .strict(),
  "stay.notes_read": z.object({ stayId: z.uuid(), side: z.enum(["case", "shelter"]) }).strict(),
  "shelter.stays_read": z.object({ stays: z.number().int() }).strict(),
  "shelter.stay_read": z.object({ stayId: z.uuid() }).strict(),
  // Stays (issue 16, modules/stays): the case side's commands and reads of a stay.
  "stay.start": z
    .object({ stayId: z.uuid(), placeId: z.uuid(), children: z.number().int() })
    .strict(),
  "stay.read": z.object({ stayId: z.uuid().optional() }).strict(),
  "stay.move": z.object({ stayId: z.uuid(), placeId: z.uuid() }).strict(),
  "stay.update": z
    .object({ stayId: z.uuid(), change: z.enum(["planned_end", "cancel", "follow_up"]) })
    .strict(),
  "stay.child": z.object({ stayId: z.uuid(), childId: z.uuid() }).strict(),
  // Issue 17: the children's crisis centre's work with a child (modules/child-work).
  "child_work.open": z
    .object({ childWorkId: z.uuid(), anchor: z.enum(["case", "course"]) })
    .strict(),
  "child_work.read": z.object({ childWorkIds: z.array(z.uuid()) }).strict(),
  "child_work.record": z
    .object({
      childWorkId: z.uuid(),
      what: z.enum([
        "series_start",
        "talk",
        "series_end",
        "police_report",
        "medical_exam",
        "consultation",
      ]),
      recordId: z.uuid(),
    })
    .strict(),
  "child_work.close": z.object({ childWorkId: z.uuid() }).strict(),
  // Places (issue 16): the register itself holds no client's data and its reads are not
  // logged; a refused look, every change, every reading of an address and a case's holds
  // and enquiries are.
  "place.read": none,
  "place.create": z.object({ placeId: z.uuid() }).strict(),
  "place.update": z.object({ placeId: z.uuid(), fields: z.array(z.string()) }).strict(),
  "place.close": z.object({ placeId: z.uuid(), closedOn: z.string() }).strict(),
  "place.contact": z
    .object({ placeId: z.uuid(), contactId: z.uuid(), change: z.enum(["added", "removed"]) })
    .strict(),
  "place.address_read": z.object({ placeId: z.uuid() }).strict(),
  "place.address_save": z.object({ placeId: z.uuid() }).strict(),
  // The agency directory and agreements (issue 18): no client's data, reads not logged; a
  // refused look, every change and every refusal are.
  "agency.read": none,
  "agency.create": z.object({ agencyId: z.uuid() }).strict(),
  "agency.update": z.object({ agencyId: z.uuid(), fields: z.array(z.string()) }).strict(),
  "agency.archive": z.object({ agencyId: z.uuid() }).strict(),
  "agency.unit": z
    .object({ agencyId: z.uuid(), unitId: z.uuid(), change: z.enum(["added", "changed"]) })
    .strict(),
  "agency.contact": z
    .object({
      agencyId: z.uuid(),
      contactId: z.uuid(),
      change: z.enum(["added", "changed", "confirmed", "archived"]),
    })
    .strict(),
  "agreement.read": none,
  "agreement.create": z.object({ agreementId: z.uuid() }).strict(),
  "agreement.update": z.object({ agreementId: z.uuid(), fields: z.array(z.string()) }).strict(),
  "agreement.follow_up": z.object({ agreementId: z.uuid(), followUpId: z.uuid() }).strict(),
  "assignment.create": z.object({ assignmentId: z.uuid() }).strict(),
  "assignment.update": z.object({ assignmentId: z.uuid() }).strict(),
  "routine.read": none,
  "routine.create": z.object({ routineId: z.uuid() }).strict(),
  "routine.update": z.object({ routineId: z.uuid(), fields: z.array(z.string()) }).strict(),
  "routine.revise": z.object({ routineId: z.uuid(), supersededId: z.uuid() }).strict(),
  "routine.document": z.object({ routineId: z.uuid(), sha256: z.string() }).strict(),
  "routine.document_read": z.object({ routineId: z.uuid() }).strict(),
  "routine.approver": z.object({ approverId: z.uuid(), management: z.boolean() }).strict(),
  "hold.create": z
    .object({ holdId: z.uuid(), placeId: z.uuid(), persons: z.number().int() })
    .strict(),
  "hold.release": z.object({ holdId: z.uuid() }).strict(),
  "hold.read": none,
  "enquiry.create": z.object({ enquiryId: z.uuid(), placeId: z.uuid() }).strict(),
  "enquiry.answer": z.object({ enquiryId: z.uuid(), outcome: z.string() }).strict(),
  "enquiry.read": none,
  // Issue 17: the consultation log (never an individual; free text about a situation) and
  // the competence register (staff names): every read, change and refusal is logged.
  "consultation.log": z.object({ consultationId: z.uuid(), namesConfirmed: z.boolean() }).strict(),
  "consultation.read": z
    .object({ consultationId: z.uuid().optional(), shown: z.number().int().optional() })
    .strict(),
  "consultation.update": z
    .object({ consultationId: z.uuid(), fields: z.array(z.string()), namesConfirmed: z.boolean() })
    .strict(),
  "competence.read": z.object({ year: z.number().int().optional() }).strict(),
  // The action plan (issue 20, item 1): the organisation's own, no client's data; every read,
  // change and refusal logged all the same.
  "action_plan.read": z
    .object({ planId: z.uuid().optional(), year: z.number().int().optional() })
    .strict(),
  "action_plan.change": z
    .object({
      planId: z.uuid(),
      change: z.enum([
        "created",
        "updated",
        "area_added",
        "area_renamed",
        "goal_added",
        "goal_updated",
        "activity_added",
        "activity_updated",
        "followed_up",
      ]),
      recordId: z.uuid(),
    })
    .strict(),
  "competence.change": z
    .object({
      record: z.enum(["training", "instructor", "meeting", "supervision", "study_visit"]),
      recordId: z.uuid(),
      change: z.enum(["created", "updated", "removed"]),
    })
    .strict(),

  // Service contacts (issue 17): every read names the course (resource) and its person when
  // identified; a page of the list names its courses and persons.
  "service_contact.record": z
    .object({ contactId: z.uuid(), courseId: z.uuid(), newCourse: z.boolean() })
    .strict(),
  "service_contact.intake": z
    .object({ contactId: z.uuid(), intakeId: z.uuid(), caseId: z.uuid().nullable() })
    .strict(),
  "service_course.read": none,
  "service_course.list": z.object({ courseIds: z.array(z.uuid()) }).strict(),
  "service_course.responsible": z.object({ userId: z.uuid() }).strict(),
  "service_course.close": none,

  // Competence-needs surveys (issue 17): staff's reads and changes; answers through a link
  // are never audited (no account, and an answer must not be traceable to its respondent).
  "survey.read": none,
  "survey.create": none,
  "survey.update": none,
  "survey.respondents": z
    .object({ change: z.enum(["added", "removed"]), count: z.number().int() })
    .strict(),
  // toEmail: how many links the request asked to send by e-mail (sent after the commit)
  "survey.open": z.object({ links: z.number().int(), toEmail: z.number().int() }).strict(),
  "survey.link": z.object({ respondentId: z.uuid(), toEmail: z.boolean() }).strict(),
  "survey.close": none,
  "survey.results": z
    .object({ format: z.enum(["json", "xlsx", "csv"]), answered: z.number().int() })
    .strict(),

  // The young people's chat (issue 17): events name the conversation, never an address.
  "chat.settings": z.object({ enabled: z.boolean(), retentionHours: z.number().int() }).strict(),
  "chat.queue": none,
  "chat.read": none,
  "chat.take": none,
  "chat.answer": none,
  "chat.close": none,
  "chat.consent": none,
  "chat.hand_over": z.object({ unitId: z.uuid() }).strict(),
  "chat.intake": z.object({ intakeId: z.uuid() }).strict(),
  // Consents to share and disclosures (issue 18): the revocation is consent.revoke.
  "sharing_consent.read": z.object({ shown: z.number().int() }).strict(),
  "sharing_consent.record": z.object({ consentId: z.uuid(), givers: z.number().int() }).strict(),
  "sharing_consent.giver": z.object({ consentId: z.uuid(), giverId: z.uuid() }).strict(),
  "disclosure.read": z.object({ shown: z.number().int() }).strict(),
  "disclosure.record": z
    .object({
      disclosureId: z.uuid(),
      ground: z.enum(["consent", "secrecy_rule", "court_request"]),
      documentId: z.uuid(),
    })
    .strict(),
} as const;
