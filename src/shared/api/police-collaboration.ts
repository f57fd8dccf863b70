import { z } from "zod";
import { policeIncidentCategories } from "./collaboration.ts";
import { int4, isoDate, multiline } from "./fields.ts";

/**
 * Police collaboration in a case (issue 18, item 9; migration 0069): the incidents reported
 * to the police (0063's police_incident, counted by a risk conference's escalation), the
 * restraining orders (kontaktförbud, lag 1988:688) and the safety alarms the police or the
 * municipality supplied, each of which may name the police's risk assessment it followed.
 */

/** Kontaktförbud; avseende gemensam bostad; utvidgat; särskilt utvidgat (electronic monitoring). */
export const restrainingOrderKinds = [
  "contact",
  "shared_home",
  "extended",
  "extended_monitored",
] as const;
export type RestrainingOrderKind = (typeof restrainingOrderKinds)[number];
/** Applied for, granted, rejected, ended early (hävt). */
export const restrainingOrderStatuses = ["applied", "granted", "rejected", "ended_early"] as const;
export type RestrainingOrderStatus = (typeof restrainingOrderStatuses)[number];
/** Skyddslarm (the police's) or trygghetslarm (the municipality's). */
export const safetyAlarmKinds = ["protection_alarm", "safety_alarm"] as const;
export type SafetyAlarmKind = (typeof safetyAlarmKinds)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));
const optionalDay = () => isoDate().nullable().default(null);
const note = () => multiline(z.string().trim().max(2000)).default("");

export const RecordPoliceIncidentBody = z
  .object({
    occurredOn: isoDate().meta({ description: "The day of the incident" }),
    reportedOn: optionalDay().meta({ description: "The day it was reported to the police" }),
    policeReference: optionalText(100),
    crimeCategory: z.enum(policeIncidentCategories),
    description: note(),
  })
  .strict()
  .meta({ id: "RecordPoliceIncidentBody" });

export const RestrainingOrderBody = z
  .object({
    kind: z.enum(restrainingOrderKinds),
    status: z.enum(restrainingOrderStatuses),
    protectedPersonId: z.uuid().meta({ description: "The case's person or a related child" }),
    againstRelationId: z.uuid().nullable().default(null).meta({
      description: "A relation of the case the order is against (or againstName)",
    }),
    againstName: optionalText(200),
    appliedOn: optionalDay(),
    validFrom: optionalDay(),
    validUntil: optionalDay(),
    endedOn: optionalDay(),
    reference: optionalText(100).meta({ description: "The police's or prosecutor's reference" }),
    decidedBy: optionalText(200),
    policeAssessmentId: z.uuid().nullable().default(null),
    renewalConsideredOn: optionalDay().meta({
      description: "The day the worker asked whether a new order is needed",
    }),
    note: note(),
  })
  .strict()
  .meta({ id: "RestrainingOrderBody" });
export const UpdateRestrainingOrderBody = RestrainingOrderBody.extend({
  version: int4().min(1),
})
  .strict()
  .meta({ id: "UpdateRestrainingOrderBody" });

export const SafetyAlarmBody = z
  .object({
    kind: z.enum(safetyAlarmKinds),
    validFrom: isoDate(),
    validUntil: optionalDay(),
    followUpOn: optionalDay().meta({ description: "The next follow-up of the alarm" }),
    followedUpOn: optionalDay().meta({ description: "The last follow-up done" }),
    suppliedBy: z.string().trim().min(1, "Ange vem som tillhandahåller larmet.").max(200),
    returnedOn: optionalDay(),
    policeAssessmentId: z.uuid().nullable().default(null),
    note: note(),
  })
  .strict()
  .meta({ id: "SafetyAlarmBody" });
export const UpdateSafetyAlarmBody = SafetyAlarmBody.extend({ version: int4().min(1) })
  .strict()
  .meta({ id: "UpdateSafetyAlarmBody" });

export const RestrainingOrderParams = z.object({ id: z.uuid(), orderId: z.uuid() });
export const SafetyAlarmParams = z.object({ id: z.uuid(), alarmId: z.uuid() });

const PoliceIncidentView = z.object({
  id: z.uuid(),
  occurredOn: z.string(),
  reportedOn: z.string().nullable(),
  policeReference: z.string().nullable(),
  crimeCategory: z.enum(policeIncidentCategories),
  description: z.string(),
  recordedBy: z.string(),
});
const RestrainingOrderView = z.object({
  id: z.uuid(),
  kind: z.enum(restrainingOrderKinds),
  status: z.enum(restrainingOrderStatuses),
  protectedPersonId: z.uuid(),
  protectedPersonName: z.string(),
  againstRelationId: z.uuid().nullable(),
  againstName: z.string().meta({ description: "As the case knows him: never more" }),
  appliedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  endedOn: z.string().nullable(),
  reference: z.string().nullable(),
  decidedBy: z.string().nullable(),
  policeAssessmentId: z.uuid().nullable(),
  renewalConsideredOn: z.string().nullable(),
  note: z.string(),
  version: z.number().int(),
});
const SafetyAlarmView = z.object({
  id: z.uuid(),
  kind: z.enum(safetyAlarmKinds),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  followUpOn: z.string().nullable(),
  followedUpOn: z.string().nullable(),
  suppliedBy: z.string(),
  returnedOn: z.string().nullable(),
  policeAssessmentId: z.uuid().nullable(),
  note: z.string(),
  version: z.number().int(),
});
const Choice = z.object({ id: z.uuid(), name: z.string() });

export const PoliceCollaborationView = z
  .object({
    incidents: z.array(PoliceIncidentView),
    restrainingOrders: z.array(RestrainingOrderView),
    safetyAlarms: z.array(SafetyAlarmView),
    /** The police's latest risk assessment in the case (modules/police-assessments). */
    latestPoliceAssessment: z
      .object({ id: z.uuid(), assessedOn: z.string(), level: z.string() })
      .nullable(),
    /** Every police assessment, for an order or alarm to name the one it followed. */
    policeAssessments: z.array(
      z.object({ id: z.uuid(), assessedOn: z.string(), level: z.string() }),
    ),
    /** Whom an order may protect: the case's person and her related children. */
    protectable: z.array(Choice),
    /** Whom an order may be against: the case's relations (other than her children). */
    relations: z.array(Choice),
  })
  .meta({ id: "PoliceCollaboration" });
