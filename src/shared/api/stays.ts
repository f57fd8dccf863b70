import { z } from "zod";
import { dayNotBefore, isoDate, multiline } from "./fields.ts";
import { ProtectionLevel } from "./persons.ts";

/**
 * A stay in sheltered housing, an emergency flat or other housing (issue 16): from a granted
 * decision on the adult's case, with the children who come along. The case side's view: the
 * place's name and kind, never its address.
 */

export const housingKinds = ["sheltered_housing", "emergency_flat", "other_housing"] as const;
export const PlaceKind = z.enum(housingKinds);
export type PlaceKind = z.infer<typeof PlaceKind>;
export const stayEndReasons = [
  "own_housing",
  "back_home",
  "other_municipality",
  "left_without_notice",
  "other",
] as const;
export const schoolKinds = ["preschool", "school", "none_needed"] as const;

export const StayParams = z.object({ stayId: z.uuid() });
export const StayChildParams = z.object({ stayId: z.uuid(), personId: z.uuid() });

export const StartStayBody = z
  .object({
    decisionId: z.uuid({ error: "Välj ett beviljat beslut om boende." }),
    placeId: z.uuid({ error: "Välj ett boende." }),
    plannedFrom: isoDate(),
    plannedTo: isoDate().nullable().default(null).meta({
      description: "The planned last day; null: the decision's period_to",
    }),
    children: z
      .array(z.uuid())
      .max(15)
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, { message: "Ett barn står två gånger." })
      .meta({ description: "The case person's children who come along (person ids)" }),
    holdId: z.uuid().nullable().default(null).meta({
      description: "A hold on the place for this case, which becomes the stay",
    }),
  })
  .strict()
  .check(dayNotBefore("plannedTo", "plannedFrom", "periodEndBeforeStart"))
  .meta({ id: "StartStayBody" });
export type StartStayBody = z.input<typeof StartStayBody>;

export const MoveStayBody = z
  .object({ placeId: z.uuid({ error: "Välj ett boende." }), movedOn: isoDate() })
  .strict()
  .meta({ id: "MoveStayBody" });

export const PlannedEndBody = z
  .object({ plannedTo: isoDate().nullable() })
  .strict()
  .meta({ id: "StayPlannedEndBody" });

export const StayFollowUpBody = z
  .object({
    followedUpOn: isoDate(),
    note: multiline(z.string().trim().max(4000)).nullable().default(null),
  })
  .strict()
  .meta({ id: "StayFollowUpBody" });

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const ChildSchoolBody = z
  .object({
    schoolKind: z
      .enum(schoolKinds, { error: "Välj förskola, skola eller inget behov." })
      .nullable(),
    schoolName: optionalText(200),
    schoolMunicipality: optionalText(100),
    schoolContactedOn: isoDate().nullable().default(null),
    schoolArrangedOn: isoDate().nullable().default(null),
    schoolTransport: optionalText(500),
    shelterContactPerson: optionalText(200),
    childView: multiline(z.string().trim().max(4000)).nullable().default(null),
  })
  .strict()
  .meta({ id: "StayChildSchoolBody" });
export type ChildSchoolBody = z.input<typeof ChildSchoolBody>;

export const StayPlace = z.object({ id: z.uuid(), name: z.string(), kind: PlaceKind });

export const StayMember = z.object({
  personId: z.uuid(),
  role: z.enum(["adult", "child"]),
  name: z
    .string()
    .meta({ description: 'As lists show her: "Skyddad identitet" for a fictitious identity' }),
  protectionLevel: ProtectionLevel,
  childDecisionId: z.uuid().nullable(),
  schoolKind: z.enum(schoolKinds).nullable(),
  schoolName: z.string().nullable(),
  schoolMunicipality: z.string().nullable(),
  schoolContactedOn: z.string().nullable(),
  schoolArrangedOn: z.string().nullable(),
  schoolTransport: z.string().nullable(),
  shelterContactPerson: z.string().nullable(),
  childView: z.string().nullable(),
});

export const StayView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseReference: z.string(),
    decisionId: z.uuid(),
    interventionKind: PlaceKind,
    decisionPeriodTo: z.string().nullable(),
    status: z.enum(["planned", "ongoing", "ended", "cancelled"]),
    plannedFrom: z.string(),
    plannedTo: z.string().nullable(),
    arrivedOn: z.string().nullable(),
    leftOn: z.string().nullable(),
    endReason: z.enum(stayEndReasons).nullable(),
    wentTo: z.string().nullable(),
    followedUpOn: z.string().nullable(),
    followUpNote: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    place: StayPlace.meta({ description: "Where the stay is now (its latest segment)" }),
    segments: z.array(
      z.object({ id: z.uuid(), place: StayPlace, fromOn: z.string(), toOn: z.string().nullable() }),
    ),
    members: z.array(StayMember),
  })
  .meta({ id: "Stay" });
export type StayView = z.infer<typeof StayView>;

export const StayList = z.object({ stays: z.array(StayView) }).meta({ id: "StayList" });
