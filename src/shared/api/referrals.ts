import { z } from "zod";
import { CaseView } from "./cases.ts";
import { agencyKinds, disclosureChannels, disclosureGrounds } from "./collaboration.ts";
import { isoDate, isoDateTime, multiline } from "./fields.ts";
import { IntakeView } from "./intake.ts";

/**
 * Referrals out and in (issue 18, item 5; migration 0066). Out: to a unit of an agency in the
 * directory, made as a draft, the disclosures for it made through the disclosure API (context
 * 'referral'), then sent; in: from the police, health care, a school, recorded as the intake
 * it becomes. Each is answered with its date: the agency's answer to ours, ours to the sender.
 */

export const referralDirections = ["out", "in"] as const;
export type ReferralDirection = (typeof referralDirections)[number];
export const referralAnswers = ["accepted", "declined", "other"] as const;
export type ReferralAnswer = (typeof referralAnswers)[number];
/** Where a referral in can come from when its sender is named rather than in the directory. */
export const referralSenderSources = [
  "police",
  "health_care",
  "school",
  "other_authority",
  "ngo",
  "other",
] as const;

const reason = multiline(
  z.string().trim().min(1, "Skriv vad remissen gäller och vad som efterfrågas.").max(4000),
);

export const CreateReferralBody = z
  .object({
    agencyId: z.uuid(),
    agencyUnitId: z.uuid(),
    agencyContactId: z.uuid().nullable().default(null),
    reason,
    sharesInformation: z.boolean().meta({
      description:
        "Does the referral share client information? Then it is sent only once a disclosure has been made for it",
    }),
  })
  .strict()
  .meta({ id: "CreateReferralBody" });

export const SendReferralBody = z
  .object({ sentOn: isoDate(), channel: z.enum(disclosureChannels) })
  .strict()
  .meta({ id: "SendReferralBody" });

export const AnswerReferralBody = z
  .object({
    answer: z.enum(referralAnswers),
    text: multiline(z.string().trim().max(2000)).default(""),
    answeredOn: isoDate(),
  })
  .strict()
  .meta({ id: "AnswerReferralBody" });

export const IncomingReferralBody = z
  .object({
    personId: z.uuid(),
    unitId: z.uuid(),
    kind: z.enum(["application", "report_of_concern"]).meta({
      description: "An adult's application, or a report of concern about a child",
    }),
    agencyId: z.uuid().nullable().default(null),
    senderName: z.string().trim().min(1).max(200).nullable().default(null),
    senderSource: z.enum(referralSenderSources).nullable().default(null).meta({
      description: "What kind of sender a named one is (an agency's kind says it otherwise)",
    }),
    senderContact: z.string().trim().min(1).max(200).nullable().default(null),
    senderReference: z.string().trim().min(1).max(100).nullable().default(null),
    sentOn: isoDate().nullable().default(null).meta({ description: "The referral's own date" }),
    receivedAt: isoDateTime({ offset: true }),
    channel: z.enum(["phone", "visit", "letter", "email", "digital", "other"]),
    reason,
    askedAboutViolence: z.boolean().nullable().default(null),
  })
  .strict()
  .meta({ id: "IncomingReferralBody" });

export const ReferralAnswerDaysBody = z
  .object({ days: z.number().int().min(1).max(90) })
  .strict()
  .meta({ id: "ReferralAnswerDaysBody" });

export const ReferralDisclosureView = z
  .object({
    id: z.uuid(),
    information: z.string(),
    recipient: z.string(),
    channel: z.enum(disclosureChannels),
    ground: z.enum(disclosureGrounds),
    disclosedOn: z.string(),
  })
  .meta({ id: "ReferralDisclosure" });

export const ReferralView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    direction: z.enum(referralDirections),
    agencyId: z.uuid().nullable(),
    agencyName: z.string().nullable(),
    agencyUnitId: z.uuid().nullable(),
    agencyUnitName: z.string().nullable(),
    contactName: z.string().nullable(),
    senderName: z.string().nullable(),
    senderReference: z.string().nullable(),
    reason: z.string(),
    sharesInformation: z.boolean(),
    channel: z.enum(disclosureChannels).nullable(),
    sentOn: z.string().nullable(),
    receivedOn: z.string().nullable(),
    intakeId: z.uuid().nullable(),
    answer: z.enum(referralAnswers).nullable(),
    answerText: z.string().nullable(),
    answeredOn: z.string().nullable(),
    answeredBy: z.string().nullable(),
    /** The day an answer is due: sent or received + the unit's days; null for a draft or once answered. */
    answerDueOn: z.string().nullable(),
    disclosures: z.array(ReferralDisclosureView),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "Referral" });
export type ReferralView = z.infer<typeof ReferralView>;

/** The directory's agencies a referral out may go to: their units and contact persons. */
export const ReferralRecipient = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(agencyKinds),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    contacts: z.array(
      z.object({ id: z.uuid(), name: z.string(), role: z.string(), unitId: z.uuid().nullable() }),
    ),
  })
  .meta({ id: "ReferralRecipient" });
export type ReferralRecipient = z.infer<typeof ReferralRecipient>;

export const ReferralList = z
  .object({
    referrals: z.array(ReferralView),
    answerDays: z.number().int(),
  })
  .meta({ id: "ReferralList" });

export const IncomingReferralResult = z
  .object({
    referral: ReferralView.nullable().meta({
      description: "null: the intake joined an open case the recorder does not work (as case)",
    }),
    intake: IntakeView,
    case: CaseView.nullable(),
    joinedExistingCase: z.boolean(),
  })
  .meta({ id: "IncomingReferralResult" });

export const ReferralAnswerDays = z
  .object({ unitId: z.uuid(), days: z.number().int() })
  .meta({ id: "ReferralAnswerDays" });

export const ReferralParams = z.object({ id: z.uuid(), referralId: z.uuid() });

export const ReferralRecipientList = z
  .object({ recipients: z.array(ReferralRecipient) })
  .meta({ id: "ReferralRecipientList" });
