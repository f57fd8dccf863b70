import { z } from "zod";
import { RiskConferenceView } from "./risk-conferences.ts";

/**
 * One risk-conference action as its owner sees it (issue 18, item 8): what to do, by when,
 * from the conference of which day, done or not. Never the case, its person, nor the
 * conference's other content: the owner may not work the case.
 */
export const OwnConferenceAction = z
  .object({
    id: z.uuid(),
    description: z.string(),
    conferenceDay: z.string().meta({ description: "The conference's day (or its referral's)" }),
    dueOn: z.string(),
    doneOn: z.string().nullable(),
    notes: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "OwnConferenceAction" });
export type OwnConferenceAction = z.infer<typeof OwnConferenceAction>;

/**
 * A follow-up's answer: the whole conference to one who may see its case, the action alone
 * to its owner who may not.
 */
export const ConferenceActionFollowUp = z
  .union([RiskConferenceView, OwnConferenceAction])
  .meta({ id: "ConferenceActionFollowUp" });
