import { z } from "zod";
import type { AuditActionCode } from "../../shared/api/audit-actions.ts";
import { anomalyKinds, conclusions } from "../../shared/api/log-review.ts";
import {
  checklistItems,
  consultationKinds,
  consultationOutcomes,
  revealReasonCodes,
} from "../../shared/api/protection.ts";

/**
 * Every kind of audit event, with the schema of its `data`. Adding an action means adding
 * it here; recordAudit() accepts nothing else. Data never holds what the event is about in
 * clear text beyond ids and counts: the person is in person_id, the reason in reason.
 */
const none = z.object({}).strict();
/** A changed setting's old and new value (retention rules). */
const ruleChange = <T extends z.ZodType>(v: T) => z.object({ from: v, to: v }).strict();

export const auditEventData = {
  "login.succeeded": none,
  "login.failed": z
    .object({ why: z.enum(["bad_password", "unknown_user", "locked", "inactive", "throttled"]) })
    .strict(),
  "login.mfa_failed": none,
  "login.mfa_succeeded": none,
  logout: none,
  "mfa.enrolled": none,
  "password.changed": none,

  "person.register": z.object({ existing: z.boolean() }).strict(),
  "person.read": none,
  "person.update": z
    .object({
      fields: z.array(z.string()),
      protectionLevel: z.object({ from: z.string(), to: z.string() }).strict().optional(),
    })
    .strict(),
  "relation.add": z.object({ otherPersonId: z.uuid(), kind: z.string() }).strict(),
  "relation.read": none,
  "person.search": z
    .object({ queryKind: z.enum(["identity_number", "name"]), resultCount: z.number().int() })
    .strict(),

  "case.open": none,
  "intake.record": z
    .object({ intakeId: z.uuid(), kind: z.string(), caseId: z.uuid().nullable() })
    .strict(),
  "intake.read": none,
  "child.protection_assessment": z
    .object({ intakeId: z.uuid(), needsImmediateProtection: z.boolean() })
    .strict(),
  "child.preliminary_decision": z.object({ openInvestigation: z.boolean() }).strict(),
  "child.extension": z.object({ extendedUntil: z.string() }).strict(),
  "child.read": none,
  "case.read": none,
  "worklist.read": none,
  "investigation.read": none,
  "investigation.save": z.object({ sections: z.array(z.string()) }).strict(),
  "investigation.complete": none,
  "investigation.print": z.object({ children: z.number().int() }).strict(),
  "decision.record": z
    .object({ decisionId: z.uuid(), interventionKind: z.string(), outcome: z.string() })
    .strict(),
  "decision.read": none,
  "decision.letter": z
    .object({ decisionId: z.uuid(), delivery: z.enum(["post", "forwarding", "hand_over"]) })
    .strict(),
  "placement.court": z
    .object({ decisionId: z.uuid(), step: z.enum(["submitted", "ruled"]) })
    .strict(),
  "consent.revoke": z.object({ consentId: z.uuid() }).strict(),
  "placement.review": z.object({ decisionId: z.uuid(), continues: z.boolean() }).strict(),
  "assessment.start": z.object({ assessmentId: z.uuid(), instrument: z.string() }).strict(),
  "assessment.save": z.object({ assessmentId: z.uuid() }).strict(),
  "assessment.complete": z
    .object({ assessmentId: z.uuid(), judgements: z.record(z.string(), z.string()) })
    .strict(),
  "assessment.read": none,
  "safety_plan.save": z.object({ version: z.number().int() }).strict(),
  "safety_plan.read": none,
  "safety_plan.print": z.object({ version: z.number().int() }).strict(),
  // SIP (issue 18): printing discloses the plan to its agencies, one disclosure row each.
  "coordinated_plan.open": z.object({ agencyId: z.uuid(), consentId: z.uuid() }).strict(),
  "coordinated_plan.read": none,
  "coordinated_plan.save": z
    .object({ version: z.number().int(), agenciesJoined: z.number().int() })
    .strict(),
  "coordinated_plan.print": z
    .object({ version: z.number().int(), disclosures: z.number().int() })
    .strict(),
  "police_assessment.record": z.object({ policeAssessmentId: z.uuid() }).strict(),
  "police_assessment.read": none,
  // Police collaboration in a case (issue 18, modules/police-collaboration).
  "police_collaboration.read": none,
  "police_incident.record": z.object({ incidentId: z.uuid() }).strict(),
  "restraining_order.record": z.object({ orderId: z.uuid(), status: z.string() }).strict(),
  "restraining_order.update": z.object({ orderId: z.uuid(), status: z.string() }).strict(),
  "safety_alarm.record": z.object({ alarmId: z.uuid() }).strict(),
  "safety_alarm.update": z.object({ alarmId: z.uuid() }).strict(),
  // A case's anonymised consultations (issue 18, modules/case-consultations).
  "case_consultation.read": none,
  "case_consultation.record": z
    .object({ consultationId: z.uuid(), namesConfirmed: z.boolean() })
    .strict(),
  "referral.read": none,
  "referral.create": z.object({ referralId: z.uuid() }).strict(),
  "referral.send": z.object({ referralId: z.uuid(), disclosures: z.number().int() }).strict(),
  "referral.answer": z.object({ referralId: z.uuid(), answer: z.string() }).strict(),
  "referral.receive": z.object({ referralId: z.uuid(), intakeId: z.uuid() }).strict(),
  "referral.answer_days": z.object({ days: z.number().int() }).strict(),
  "risk_conference.criteria": none,
  "risk_conference.refer": z.object({ conferenceId: z.uuid(), repeat: z.boolean() }).strict(),
  "risk_conference.read": z.object({ conferenceId: z.uuid().optional() }).strict(),
  "risk_conference.update": z
    .object({ conferenceId: z.uuid(), fields: z.array(z.string()) })
    .strict(),
  "risk_conference.agency": z.object({ conferenceId: z.uuid(), agencyId: z.uuid() }).strict(),
  "risk_conference.action": z.object({ conferenceId: z.uuid(), actionId: z.uuid() }).strict(),
  "risk_conference.action_update": z.object({ actionId: z.uuid(), done: z.boolean() }).strict(),
  "risk_conference.action_read": z.object({ actionId: z.uuid() }).strict(),
  "risk_conference.pack": z.object({ conferenceId: z.uuid(), agencyId: z.uuid() }).strict(),
  "treatment.register": z.object({ referralSource: z.string() }).strict(),
  "treatment.read": none,
  "treatment.start": none,
  "treatment.session": z.object({ sessionId: z.uuid(), attendance: z.string() }).strict(),
  "treatment.end": z
    .object({ kind: z.string(), consentDocumentsDestroyed: z.number().int() })
    .strict(),
  "partner_contact.inform": none,
  "partner_contact.add_partner": z
    .object({
      partnerId: z.uuid(),
      partnerCaseId: z.uuid().nullable(),
      exception: z.string().nullable(),
    })
    .strict(),
  "partner_contact.refusal": z.object({ continueTreatment: z.boolean() }).strict(),
  "partner_case.read": none,
  "partner_case.contact": z.object({ method: z.string(), outcome: z.string() }).strict(),
  "partner_case.support": z.object({ kind: z.string() }).strict(),
  "partner_contact.consent_form": none,
  "partner_case.letter": none,
  "partner_case.sms": none,
  "document.list": none,
  "document.upload": z.object({ documentId: z.uuid(), kind: z.string() }).strict(),
  "document.read": z.object({ documentId: z.uuid() }).strict(),
  // keyId: the record key destroyed after the commit (ADR 0023); null for a document stored
  // before 0078 that had none.
  "document.destroy": z
    .object({
      documentId: z.uuid(),
      kind: z.string(),
      sha256: z.string(),
      keyId: z.uuid().nullable(),
    })
    .strict(),
  "statistics.read": z.object({ report: z.string(), from: z.string(), to: z.string() }).strict(),
  "stay_cost.read": z.object({ stayId: z.uuid() }).strict(),
  "stay_invoice.record": z.object({ stayId: z.uuid(), invoiceId: z.uuid().optional() }).strict(),
  // One event per report read or downloaded, naming every case whose stay it counted.
  "cost_report.read": z
    .object({ month: z.string(), format: z.enum(["json", "xlsx", "csv"]), stays: z.number().int() })
    .strict(),
  // reportedByHand: placements of children under fingerade personuppgifter left out (issue 19).
  "national_register.export": z
    .object({ year: z.number().int(), rows: z.number().int(), reportedByHand: z.number().int() })
    .strict(),
  "barrier_event.send": z
    .object({ eventId: z.uuid(), kind: z.string(), side: z.enum(["sender", "receiver"]) })
    .strict(),
  "barrier_event.read": none,
  "barrier_event.acknowledge": z.object({ eventId: z.uuid() }).strict(),
  "task.read": none,
  "task.complete": z.object({ taskId: z.uuid(), kind: z.string() }).strict(),
  "task.create": z.object({ taskId: z.uuid(), kind: z.string() }).strict(),
  "plan.save": z
    .object({ planId: z.uuid(), decisionId: z.uuid(), version: z.number().int() })
    .strict(),
  "plan.read": none,
  "follow_up.record": z.object({ planId: z.uuid(), outcome: z.string() }).strict(),
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
  "case.list": z.object({ scope: z.enum(["mine", "all"]) }).strict(),
  // A case number typed (found: shown to the caller); the case is named when it exists.
  "case.search": z.object({ found: z.boolean() }).strict(),
  "case.assign": z.object({ userId: z.uuid() }).strict(),
  "case.unassign": z.object({ userId: z.uuid() }).strict(),
  "case.status": z
    .object({ from: z.string(), to: z.string(), reason: z.string().nullable() })
    .strict(),
  "case.grant": z.object({ userId: z.uuid(), expiresAt: z.string() }).strict(),
  "journal.read": none,
  "journal.print": z
    .object({ from: z.iso.date(), to: z.iso.date(), entries: z.number().int() })
    .strict(),
  // One event per page of hits, naming every case shown (case_ids) and its person.
  "journal.search": z.object({ resultCount: z.number().int() }).strict(),
  "journal.write": z.object({ entryId: z.uuid(), correctsId: z.uuid().nullable() }).strict(),
  "journal.update": z.object({ entryId: z.uuid() }).strict(),
  "journal.sign": z.object({ entryId: z.uuid() }).strict(),
  "barrier.create": z.object({ otherCaseId: z.uuid() }).strict(),
  "notification.list": none,
  "notification.mark_read": z.object({ notificationId: z.string() }).strict(),
  "notification.mark_all_read": z.object({ count: z.number().int() }).strict(),
  "notification.settings": z.object({ digest: z.boolean() }).strict(),
  "notification.digest": z.object({ day: z.string() }).strict(),

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
  // Reveal with a reason and the protection officer (issue 19, items 2 and 3). The reveal's
  // reason, chosen or written, is the event's reason.
  "person.reveal": z
    .object({ reasonCode: z.enum(revealReasonCodes), expiresAt: z.string() })
    .strict(),
  "protection.consult": z
    .object({
      consultationId: z.uuid(),
      kind: z.enum(consultationKinds),
      outcome: z.enum(consultationOutcomes),
    })
    .strict(),
  "protection.persons_read": z.object({ shown: z.number().int() }).strict(),
  "protection.reveals_read": z.object({ reveals: z.number().int() }).strict(),
  "protection.checklist_read": none,
  "protection.checklist": z.object({ item: z.enum(checklistItems), done: z.boolean() }).strict(),

  "audit.review": z.object({ subject: z.enum(["person", "user"]), subjectId: z.uuid() }).strict(),
  // Break-glass (issue 19, item 6): why a request was refused is for the trail, not the worker.
  "break_glass.open": z.object({ grantId: z.uuid(), expiresAt: z.string() }).strict(),
  "break_glass.denied": z.object({ why: z.enum(["no_role", "not_found", "barred"]) }).strict(),
  "break_glass.read": z.object({ grantId: z.uuid().nullable(), shown: z.number().int() }).strict(),
  "break_glass.review": z
    .object({ grantId: z.uuid(), conclusion: z.enum(["justified", "not_justified"]) })
    .strict(),
  // Systematic log review (issue 19, item 7): the anomaly list read (the persons it named in
  // person_ids), a conclusion about one anomaly, a review plan made, changed or done.
  "audit.anomalies": z
    .object({ from: z.string(), to: z.string(), shown: z.number().int() })
    .strict(),
  "audit.conclusion": z
    .object({
      kind: z.enum(anomalyKinds),
      key: z.string(),
      conclusion: z.enum(conclusions),
    })
    .strict(),
  "audit.review_plan": z
    .object({ planId: z.uuid(), change: z.enum(["created", "ended", "done"]) })
    .strict(),

  // Gallring (issue 19, item 8): counts and ids only; a removal names the record it removed.
  // A rule's change: each changed field from and to (its period and source are not personal
  // data), and whether the change cleared the record of who verified the source.
  "retention.rule_update": z
    .object({
      ruleCode: z.string(),
      changes: z
        .object({
          years: ruleChange(z.number().int()),
          active: ruleChange(z.boolean()),
          legalSource: ruleChange(z.string()),
          verifiedOn: ruleChange(z.string().nullable()),
        })
        .partial()
        .strict(),
      verificationCleared: z.boolean(),
    })
    .strict(),
  "retention.dry_run": z
    .object({ runId: z.uuid(), remove: z.number().int(), kept: z.number().int() })
    .strict(),
  "retention.read": z.object({ runId: z.uuid() }).strict(),
  "retention.remove": z
    .object({
      runId: z.uuid(),
      recordType: z.enum(["person", "case", "document", "journal_narrative"]),
      recordId: z.uuid(),
      ruleCode: z.string(),
    })
    .strict(),

  "admin.unit.create": none,
  "admin.unit.update": z.object({ fields: z.array(z.string()) }).strict(),
  "admin.instrument.import": z
    .object({ instrument: z.string(), outcome: z.enum(["stored", "already_there"]) })
    .strict(),
  "admin.user.create": none,
  "admin.user.update": z.object({ fields: z.array(z.string()) }).strict(),
  "admin.role.add": z.object({ role: z.string(), unitId: z.uuid().nullable() }).strict(),
  "admin.role.remove": z.object({ role: z.string(), unitId: z.uuid().nullable() }).strict(),
  "admin.mfa.reset": none,
  "admin.denied": z.object({ route: z.string() }).strict(),
  // The shared list and this table must name the same actions (missing or extra: a type error).
} as const satisfies Record<AuditActionCode, z.ZodObject>;

export type AuditAction = keyof typeof auditEventData;
export type AuditData<A extends AuditAction> = z.input<(typeof auditEventData)[A]>;

export const auditResourceTypes = [
  "session",
  "user",
  "unit",
  "person",
  "case",
  "barrier",
  "audit",
  "place",
  "agency",
  "agreement",
  // A risk conference's action, named so to its owner outside the case (issue 18, item 8).
  "conference_action",
  // A unit's log review plan, named so by a notice of its due review (issue 19, item 7).
  "log_review_plan",
  "consultation",
  "competence",
  "service_course",
  "survey",
  "chat_conversation",
  // A break-glass access under review, named so to a manager who may not see the case (issue 19).
  "break_glass",
  "retention",
] as const;
export type AuditResourceType = (typeof auditResourceTypes)[number];
