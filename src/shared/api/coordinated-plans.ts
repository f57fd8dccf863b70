import { z } from "zod";
import { agencyKinds } from "./collaboration.ts";
import { int4, isoDate, multiline } from "./fields.ts";

/**
 * SIP, the coordinated individual plan (samordnad individuell plan; issue 18, item 6), made
 * with the region and only with the person's consent. Every agency the plan is shared with
 * joins on a consent to share naming that agency (one consent per agency, each checked). The
 * plan is edited as a whole with its `version`: a save from a stale version answers 409.
 */

const key = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, "Ogiltig nyckel.");

/** Who takes part: an agency's contact, a worker of social services, she herself, her supporters. */
export const participantKinds = ["agency", "social_services", "person", "supporter"] as const;
export type ParticipantKind = (typeof participantKinds)[number];

export const PlanParticipant = z
  .object({
    key,
    kind: z.enum(participantKinds),
    /** An agency participant: the agency (it must have joined the plan on a consent). */
    agencyId: z.uuid().nullable(),
    /** An agency participant's contact person from the directory, if named there. */
    contactId: z.uuid().nullable(),
    /** A worker of social services: her Frid account. */
    userId: z.uuid().nullable(),
    name: z.string().trim().min(1, "Skriv deltagarens namn.").max(200),
    role: z.string().trim().max(200),
  })
  .strict();
export type PlanParticipant = z.infer<typeof PlanParticipant>;

export const PlanResponsibility = z
  .object({
    key,
    /** The participant (and so the agency) that carries it. */
    participantKey: key,
    what: multiline(z.string().trim().min(1, "Skriv vad som ska göras.").max(2000)),
    dueOn: isoDate(),
    doneOn: isoDate().nullable(),
  })
  .strict();
export type PlanResponsibility = z.infer<typeof PlanResponsibility>;

export const PlanMeeting = z
  .object({
    plannedOn: isoDate(),
    heldOn: isoDate().nullable(),
    notes: multiline(z.string().trim().max(4000)),
  })
  .strict();
export type PlanMeeting = z.infer<typeof PlanMeeting>;

/** Her own goals, in her words. */
const Goal = multiline(z.string().trim().min(1, "Skriv målet.").max(2000));

export const OpenCoordinatedPlanBody = z
  .object({
    agencyId: z.uuid().meta({ description: "The region's agency the plan is made with" }),
    consentId: z
      .uuid()
      .meta({ description: "Her consent to share with that agency (scope 'sharing')" }),
  })
  .strict()
  .meta({ id: "OpenCoordinatedPlanBody" });

export const SaveCoordinatedPlanBody = z
  .object({
    version: int4().min(1).meta({ description: "The version the change was made from" }),
    goals: z.array(Goal).max(30),
    participants: z.array(PlanParticipant).max(40),
    responsibilities: z.array(PlanResponsibility).max(80),
    meetings: z.array(PlanMeeting).max(40),
    coordinatorKey: key.nullable(),
    followUpOn: isoDate().nullable(),
    followedUpOn: isoDate().nullable(),
    followUpFindings: multiline(z.string().trim().max(4000)),
    /** For an agency joining with this save: the consent it joins on, one per new agency. */
    newAgencies: z.array(z.object({ agencyId: z.uuid(), consentId: z.uuid() }).strict()).max(10),
  })
  .strict()
  .meta({ id: "SaveCoordinatedPlanBody" });
export type SaveCoordinatedPlanBody = z.infer<typeof SaveCoordinatedPlanBody>;

export const PlanAgency = z.object({
  agencyId: z.uuid(),
  name: z.string(),
  kind: z.enum(agencyKinds),
  consentId: z.uuid(),
  joinedOn: z.string(),
  /** Whether its consent holds today: without it the plan is not printed or shared further. */
  consentValid: z.boolean(),
});
export type PlanAgency = z.infer<typeof PlanAgency>;

export const CoordinatedPlanView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    openedOn: z.string(),
    version: z.number().int(),
    agencies: z.array(PlanAgency),
    goals: z.array(z.string()),
    participants: z.array(PlanParticipant),
    responsibilities: z.array(PlanResponsibility),
    meetings: z.array(PlanMeeting),
    coordinatorKey: z.string().nullable(),
    followUpOn: z.string().nullable(),
    followedUpOn: z.string().nullable(),
    followUpFindings: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: "CoordinatedPlanView" });
export type CoordinatedPlanView = z.infer<typeof CoordinatedPlanView>;

export const CoordinatedPlanList = z
  .object({ plans: z.array(CoordinatedPlanView) })
  .meta({ id: "CoordinatedPlanList" });

/** What a plan may draw on: her consents to share, and the contacts of the directory. */
export const CoordinatedPlanOptions = z
  .object({
    consents: z.array(
      z.object({
        id: z.uuid(),
        agencyId: z.uuid(),
        agencyName: z.string(),
        agencyKind: z.enum(agencyKinds),
        information: z.string(),
        givenOn: z.string(),
        expiresOn: z.string().nullable(),
        valid: z.boolean(),
      }),
    ),
    contacts: z.array(
      z.object({ id: z.uuid(), agencyId: z.uuid(), name: z.string(), role: z.string() }),
    ),
  })
  .meta({ id: "CoordinatedPlanOptions" });
export type CoordinatedPlanOptions = z.infer<typeof CoordinatedPlanOptions>;

/** The agencies of the region a SIP is made with (the plan is the municipality's and the region's together). */
export const regionAgencyKinds = ["health_centre", "psychiatry", "hospital", "region"] as const;
