import { z } from "zod";
import { none } from "./none.ts";

/**
 * The audit events of casework (issues 1–15, 18): persons, cases and intakes, the
 * investigation and its decisions, assessments and plans, the journal, documents, referrals,
 * risk conferences, treatment and partner contact, notifications. Part of auditEventData
 * (audit/events.ts), which says what every event's data may hold.
 */
export const caseworkEvents = {
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
  "statistics.read": z
    .object({
      report: z.string(),
      from: z.string(),
      to: z.string(),
      // The yearly report covers a set of units (issue 20).
      units: z.array(z.uuid()).optional(),
    })
    .strict(),
  "adult_population.update": z
    .object({
      year: z.number().int(),
      adults: z.object({ from: z.number().int().nullable(), to: z.number().int() }),
    })
    .strict(),
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
} as const;
