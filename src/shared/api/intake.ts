import { z } from "zod";
import { CaseView } from "./cases.ts";
import { isoDate, isoDateTime, multiline } from "./fields.ts";

export const intakeSources = [
  "the_person",
  "police",
  "health_care",
  "school",
  "other_authority",
  "ngo",
  "anonymous",
  "other",
] as const;
export const intakeChannels = ["phone", "visit", "letter", "email", "digital", "other"] as const;
export const intakeKinds = ["application", "report_of_concern", "request_for_information"] as const;

/**
 * Who reported, when someone other than the person did: an organisation and its contact
 * person, a professional's work details (never the protected person's).
 */
const reporterFields = {
  reporterOrganisation: z.string().trim().min(1).max(200).nullable().default(null),
  reporterName: z.string().trim().min(1).max(200).nullable().default(null),
  reporterPhone: z.string().trim().min(1).max(40).nullable().default(null),
  reporterEmail: z.email().max(200).nullable().default(null),
};

export const RecordIntakeBody = z
  .object({
    personId: z.uuid(),
    unitId: z.uuid(),
    source: z.enum(intakeSources),
    channel: z.enum(intakeChannels),
    receivedAt: isoDateTime({ offset: true }),
    kind: z.enum(intakeKinds).default("application").meta({
      description:
        "An application unless the worker records why it was only a request for information",
    }),
    askedAboutViolence: z.boolean().nullable().default(null).meta({
      description:
        "Was the person asked about violence? Required where the question fits (shared/intake-questions.ts); on a report of concern about a child it does not, and only null or false is accepted",
    }),
    violenceAnswer: multiline(z.string().trim().max(2000)).nullable().default(null),
    reportText: multiline(z.string().trim().min(1).max(8000)).nullable().default(null).meta({
      description: "What was reported: what the reporter or the person told, in their words",
    }),
    reportedOn: isoDate().nullable().default(null).meta({
      description:
        "The report's own date (may be before it reached the unit); not in the future, not after receivedAt's day",
    }),
    ...reporterFields,
    interpreterNeeded: z.boolean().default(false),
    interpreterLanguage: z.string().trim().max(100).nullable().default(null),
    childrenInHousehold: z.number().int().min(0).max(30).nullable().default(null),
    informationOnlyReason: multiline(z.string().trim().max(2000)).nullable().default(null),
  })
  .strict()
  .meta({ id: "RecordIntakeBody" });

export const IntakeView = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    unitId: z.uuid(),
    caseId: z.uuid().nullable(),
    source: z.enum(intakeSources),
    channel: z.enum(intakeChannels),
    receivedAt: z.string(),
    kind: z.enum(intakeKinds),
    /** null: the question did not fit (a report of concern about a child). */
    askedAboutViolence: z.boolean().nullable(),
    violenceAnswer: z.string().nullable(),
    reportText: z.string().nullable(),
    reportedOn: z.string().nullable(),
    reporterOrganisation: z.string().nullable(),
    reporterName: z.string().nullable(),
    reporterPhone: z.string().nullable(),
    reporterEmail: z.string().nullable(),
    interpreterNeeded: z.boolean(),
    interpreterLanguage: z.string().nullable(),
    childrenInHousehold: z.number().int().nullable(),
    informationOnlyReason: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: "Intake" });
export type IntakeView = z.infer<typeof IntakeView>;

export const RecordIntakeResult = z
  .object({
    intake: IntakeView,
    case: CaseView.nullable().meta({
      description: "The case opened or joined; null for a request for information",
    }),
    joinedExistingCase: z.boolean(),
  })
  .meta({ id: "RecordIntakeResult" });

export const IntakeList = z.object({ intakes: z.array(IntakeView) }).meta({ id: "IntakeList" });
