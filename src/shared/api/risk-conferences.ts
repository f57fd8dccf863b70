import { z } from "zod";
import { int4, isoDate, multiline } from "./fields.ts";

/**
 * The multi-agency risk conference (issue 18, item 8): the criteria computed for a case, the
 * referral with its assessment snapshot, the conference with agencies, research answers,
 * agenda, action plan and follow-up, and the pack an agency's participants are shown.
 */

export const ConferenceCriteria = z
  .object({
    highRisk: z.object({
      met: z.boolean(),
      level: z.string().nullable(),
      raisedByJudgement: z.boolean(),
      reason: z.string(),
    }),
    escalation: z.object({ met: z.boolean(), incidents: z.number().int(), reason: z.string() }),
    repeat: z.object({
      flagged: z.boolean(),
      lastConferenceOn: z.string().nullable(),
      reason: z.string(),
    }),
    met: z.boolean().meta({ description: "High risk or escalation: the case may be referred" }),
  })
  .meta({ id: "ConferenceCriteria" });
export type ConferenceCriteria = z.infer<typeof ConferenceCriteria>;

/** The assessment as the referral copied it: what the conference saw, never re-keyed. */
export const AssessmentSnapshot = z
  .object({
    assessmentId: z.uuid(),
    instrument: z.object({ id: z.string(), version: z.number().int(), name: z.string() }),
    assessedOn: z.string(),
    suggestedLevel: z.string().nullable(),
    judgements: z.record(z.string(), z.string()),
    countedLevel: z.string().nullable(),
    reasons: z.string(),
    scores: z.array(z.object({ label: z.string(), value: z.number() })),
    flags: z.array(z.object({ label: z.string(), raised: z.boolean() })),
    yesAnswers: z.array(z.string()).meta({ description: "The questions answered yes" }),
  })
  .meta({ id: "AssessmentSnapshot" });
export type AssessmentSnapshot = z.infer<typeof AssessmentSnapshot>;

export const ReferToConferenceBody = z
  .object({
    addition: multiline(z.string().trim().max(4000)).default(""),
    consentId: z.uuid().optional(),
    secrecyRule: z.string().trim().min(1).max(60).optional(),
  })
  .strict()
  .refine((b) => (b.consentId === undefined) !== (b.secrecyRule === undefined), {
    message:
      "Ange personens samtycke eller den sekretessbrytande regel remissen görs med stöd av (en av dem).",
    path: ["consentId"],
  })
  .meta({ id: "ReferToConferenceBody" });

const optionalText = multiline(z.string().trim().max(4000)).optional();

export const UpdateConferenceBody = z
  .object({
    version: int4().meta({ description: "The version the change was made from" }),
    meetingOn: isoDate().nullable().optional(),
    chairId: z.uuid().nullable().optional(),
    staffIds: z.array(z.uuid()).max(30).optional(),
    agenda: optionalText,
    followUpOn: isoDate().nullable().optional(),
    followUpNotes: optionalText,
  })
  .strict()
  .meta({ id: "UpdateConferenceBody" });

export const ConferenceAgencyBody = z
  .object({
    contactIds: z.array(z.uuid()).max(20).default([]),
    research: multiline(z.string().trim().max(4000)).default(""),
  })
  .strict()
  .meta({ id: "ConferenceAgencyBody" });

export const ConferenceActionBody = z
  .object({
    description: multiline(
      z.string().trim().min(1, "Beskriv åtgärden.").max(2000, "Högst 2000 tecken."),
    ),
    ownerUserId: z.uuid().optional(),
    ownerContactId: z.uuid().optional(),
    dueOn: isoDate(),
  })
  .strict()
  .refine((b) => (b.ownerUserId === undefined) !== (b.ownerContactId === undefined), {
    message: "Välj en ansvarig: en medarbetare eller en kontaktperson hos en myndighet.",
    path: ["ownerUserId"],
  })
  .meta({ id: "ConferenceActionBody" });

export const UpdateActionBody = z
  .object({
    version: int4(),
    done: z.boolean(),
    notes: multiline(z.string().trim().max(2000)).default(""),
  })
  .strict()
  .meta({ id: "UpdateConferenceActionBody" });

const Named = z.object({ id: z.uuid(), name: z.string() });

export const ConferenceAction = z
  .object({
    id: z.uuid(),
    description: z.string(),
    owner: z.object({
      kind: z.enum(["user", "contact"]),
      id: z.uuid(),
      name: z.string(),
      agencyName: z.string().nullable(),
    }),
    dueOn: z.string(),
    doneOn: z.string().nullable(),
    notes: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ConferenceAction" });

export const ConferenceDisclosure = z
  .object({
    id: z.uuid(),
    agencyId: z.uuid().nullable(),
    recipient: z.string(),
    information: z.string(),
    disclosedOn: z.string(),
    ground: z.enum(["consent", "secrecy_rule", "court_request"]),
  })
  .meta({ id: "ConferenceDisclosure" });

export const RiskConferenceView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    referredOn: z.string(),
    referredBy: z.string(),
    assessment: AssessmentSnapshot.nullable(),
    criteria: ConferenceCriteria,
    addition: z.string(),
    consentId: z.uuid().nullable(),
    secrecyRule: z.string().nullable(),
    meetingOn: z.string().nullable(),
    chair: Named.nullable(),
    staff: z.array(Named),
    agenda: z.string(),
    followUpOn: z.string().nullable(),
    followUpNotes: z.string(),
    version: z.number().int(),
    agencies: z.array(
      z.object({
        agencyId: z.uuid(),
        agencyName: z.string(),
        contacts: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
        research: z.string(),
      }),
    ),
    actions: z.array(ConferenceAction),
    disclosures: z.array(ConferenceDisclosure),
  })
  .meta({ id: "RiskConference" });
export type RiskConferenceView = z.infer<typeof RiskConferenceView>;

export const RiskConferenceList = z
  .object({
    conferences: z.array(
      z.object({
        id: z.uuid(),
        referredOn: z.string(),
        meetingOn: z.string().nullable(),
        openActions: z.number().int(),
      }),
    ),
  })
  .meta({ id: "RiskConferenceList" });

/** What one agency's participants are shown: only what was disclosed to that agency. */
export const ConferencePack = z
  .object({
    conferenceId: z.uuid(),
    agency: Named,
    meetingOn: z.string().nullable(),
    disclosures: z.array(ConferenceDisclosure),
    actions: z.array(ConferenceAction),
  })
  .meta({ id: "ConferencePack" });

export const ConferenceAgencyParams = z.object({ id: z.uuid(), agencyId: z.uuid() });
