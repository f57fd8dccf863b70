import { z } from "zod";
import { CaseView } from "./cases.ts";
import { isoDateTime, multiline } from "./fields.ts";

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
    askedAboutViolence: z.boolean().meta({ description: "Was the person asked about violence?" }),
    violenceAnswer: multiline(z.string().trim().max(2000)).nullable().default(null),
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
    askedAboutViolence: z.boolean(),
    violenceAnswer: z.string().nullable(),
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
