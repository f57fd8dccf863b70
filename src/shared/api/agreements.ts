import { z } from "zod";
import { dayNotBefore, int4, isoDate, multiline } from "./fields.ts";

/**
 * Collaboration agreements (issue 18, item 2): parties from the agency directory, areas,
 * goals, responsible persons (our users and the agencies' contact persons), signed date and a
 * follow-up no later than 24 months on; follow-ups with what was found; and the committee's
 * assignments to voluntary organisations.
 */
export const agreementAreas = [
  "reports_of_concern",
  "children_witnessed_violence",
  "protected_personal_data",
  "out_of_hours",
  "other",
] as const;
export const AgreementArea = z.enum(agreementAreas, { error: "Välj ett av områdena." });
export type AgreementArea = z.infer<typeof AgreementArea>;

const text = (what: string, max: number) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .min(1, { error: `Ange ${what}.` })
    .max(max, { error: `Högst ${max} tecken.` });

export const AgreementBody = z
  .object({
    title: text("överenskommelsens namn", 200),
    unitId: z.uuid({ error: "Välj vilken enhet som äger överenskommelsen." }),
    partyIds: z
      .array(z.uuid())
      .min(1, { error: "Välj minst en part ur aktörsregistret." })
      .max(20, { error: "Högst 20 parter." }),
    areas: z
      .array(AgreementArea)
      .min(1, { error: "Välj minst ett område." })
      .max(agreementAreas.length),
    goals: multiline(text("målen", 4000)),
    responsibleUserIds: z.array(z.uuid()).max(20).default([]),
    responsibleContactIds: z.array(z.uuid()).max(20).default([]),
    signedOn: isoDate({ error: "Ange när överenskommelsen undertecknades." }),
    nextFollowUpOn: isoDate({ error: "Ange när överenskommelsen ska följas upp." }),
    documentReference: z
      .string()
      .trim()
      .max(200, { error: "Högst 200 tecken." })
      .nullable()
      .default(null)
      .transform((v) => (v === "" ? null : v))
      .meta({ description: "Where the signed original is kept (e.g. the registry number)" }),
  })
  .strict()
  .meta({ id: "AgreementBody" });
export type AgreementBody = z.input<typeof AgreementBody>;

export const UpdateAgreementBody = AgreementBody.omit({ nextFollowUpOn: true })
  .extend({
    endedOn: isoDate().nullable().default(null),
    version: int4().min(1),
  })
  .strict()
  .meta({ id: "UpdateAgreementBody" });

export const FollowUpBody = z
  .object({
    followedUpOn: isoDate({ error: "Ange när uppföljningen gjordes." }),
    findings: multiline(text("vad uppföljningen visade", 4000)),
    nextFollowUpOn: isoDate({ error: "Ange nästa uppföljning." }),
    version: int4()
      .min(1)
      .meta({ description: "The agreement's version the follow-up answers (stale: 409)" }),
  })
  .strict()
  .meta({ id: "AgreementFollowUpBody" });
export type FollowUpBody = z.input<typeof FollowUpBody>;

const Party = z.object({ agencyId: z.uuid(), name: z.string(), kind: z.string() });
const Responsible = z.object({
  userId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  name: z.string(),
  agencyName: z.string().nullable(),
});

export const AgreementFollowUp = z.object({
  id: z.uuid(),
  followedUpOn: z.string(),
  findings: z.string(),
  nextFollowUpOn: z.string(),
  recordedBy: z.string(),
});

export const AgreementView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    parties: z.array(Party),
    areas: z.array(AgreementArea),
    goals: z.string(),
    responsible: z.array(Responsible),
    signedOn: z.string(),
    nextFollowUpOn: z.string(),
    followUpOverdue: z.boolean(),
    endedOn: z.string().nullable(),
    documentReference: z.string().nullable(),
    version: z.number().int(),
    mayChange: z.boolean(),
    mayFollowUp: z.boolean(),
    followUps: z.array(AgreementFollowUp),
  })
  .meta({ id: "AgreementView" });
export type AgreementView = z.infer<typeof AgreementView>;

export const AgreementSummary = AgreementView.pick({
  id: true,
  title: true,
  unit: true,
  parties: true,
  areas: true,
  signedOn: true,
  nextFollowUpOn: true,
  followUpOverdue: true,
  endedOn: true,
}).meta({ id: "AgreementSummary" });

export const AssignmentBody = z
  .object({
    unitId: z.uuid({ error: "Välj vilken enhet som ger uppdraget." }),
    agencyId: z.uuid({ error: "Välj organisationen ur aktörsregistret." }),
    decidedOn: isoDate({ error: "Ange nämndens beslutsdatum." }),
    decisionReference: text("beslutets diarienummer eller paragraf", 200),
    legalBasis: multiline(text("den rättsliga grunden", 1000)),
    scope: multiline(text("vad uppdraget omfattar", 4000)),
    validFrom: isoDate({ error: "Ange från när uppdraget gäller." }),
    validUntil: isoDate().nullable().default(null),
    followUpOn: isoDate().nullable().default(null),
  })
  .strict()
  .check(dayNotBefore("validUntil", "validFrom", "periodEndBeforeStart"))
  .meta({ id: "AssignmentBody" });
export type AssignmentBody = z.input<typeof AssignmentBody>;

export const UpdateAssignmentBody = AssignmentBody.safeExtend({ version: int4().min(1) }).meta({
  id: "UpdateAssignmentBody",
});

export const AssignmentView = z
  .object({
    id: z.uuid(),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    agency: z.object({ id: z.uuid(), name: z.string() }),
    decidedOn: z.string(),
    decisionReference: z.string(),
    legalBasis: z.string(),
    scope: z.string(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    followUpOn: z.string().nullable(),
    version: z.number().int(),
    mayChange: z.boolean(),
  })
  .meta({ id: "AssignmentView" });
export type AssignmentView = z.infer<typeof AssignmentView>;

export const AgreementList = z
  .object({
    agreements: z.array(AgreementSummary),
    assignments: z.array(AssignmentView),
    managedUnits: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .meta({ description: "Units whose agreements the caller may add" }),
  })
  .meta({ id: "AgreementList" });
export type AgreementList = z.infer<typeof AgreementList>;

/** Suggestions for an assignment's legal basis (free text: these only help). */
export const legalBasisSuggestions = [
  "SoL (2025:400) – nämndens ansvar för stöd och hjälp till brottsoffer och våldsutsatta",
  "Kommunallagen (2017:725) 10 kap. – överlämnande av vården av en kommunal angelägenhet",
  "Idéburet offentligt partnerskap (IOP)",
] as const;

export const AgreementParams = z.object({ agreementId: z.uuid() });
export const AssignmentParams = z.object({ assignmentId: z.uuid() });
