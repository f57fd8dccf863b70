import { z } from "zod";
import { isoDate } from "./fields.ts";

/**
 * Partner contact in figures for a period (issue: statistics hooks; the yearly follow-up
 * builds on them). Counts only, never a person. Outside the unit (an analyst's
 * organisation-wide view) a count from 1 to 4 is shown as null: small numbers can point at
 * a person (domain.md: counts below 5 are suppressed in any report that leaves the unit).
 */
export const StatisticsQuery = z
  .object({
    from: isoDate({ message: "Ange periodens första dag." }),
    to: isoDate({ message: "Ange periodens sista dag." }),
    unitId: z.uuid().optional(),
  })
  .strict();

const count = z.number().int().nullable().meta({ description: "null: 1–4, suppressed" });

export const PartnerContactStatistics = z
  .object({
    from: z.string(),
    to: z.string(),
    scope: z.enum(["unit", "organisation"]),
    suppressed: z.boolean().meta({ description: "Whether counts of 1–4 are hidden" }),
    treatment: z.object({
      inTreatment: count,
      referred: z.object({ self: count, social_services: count, police_probation: count }),
      ended: z.object({ completed: count, dropped_out: count, ended_by_unit: count }),
    }),
    partnerContact: z.object({
      informed: count,
      consentGiven: count,
      consentWithdrawn: count,
      refused: count,
      refusedAndContinued: count,
      exceptions: z.object({
        sheltered_housing: count,
        abroad: count,
        long_ended: count,
        controlling_pattern: count,
      }),
    }),
    partners: z.object({
      contacted: count,
      reached: count,
      accepted: count,
      declined: count,
      notReachable: count,
    }),
    alerts: z.object({
      raised: count,
      fromTreatmentSide: count,
      fromPartnerSide: count,
      acknowledged: count,
      unacknowledged: count,
      medianMinutesToAcknowledge: z.number().nullable(),
      longestMinutesToAcknowledge: z.number().nullable(),
    }),
  })
  .meta({ id: "PartnerContactStatistics" });
export type PartnerContactStatistics = z.infer<typeof PartnerContactStatistics>;

/** The yearly follow-up of sheltered housing and emergency flats (issue 16). */
export const StayStatisticsQuery = z
  .object({
    year: z.coerce
      .number({ message: "Ange året, t.ex. 2026." })
      .int({ message: "Ange året, t.ex. 2026." })
      .min(2000, { message: "Ange ett år från 2000." })
      .max(2999, { message: "Ange ett år före 3000." }),
    unitId: z.uuid().optional(),
  })
  .strict();

export const StayStatistics = z
  .object({
    year: z.number().int(),
    scope: z.enum(["unit", "organisation"]),
    suppressed: z.boolean(),
    personsGranted: z.object({
      emergency_flat: count,
      sheltered_housing: count,
      other_housing: count,
    }),
    accompanyingChildren: count,
    nights: z.object({ adults: count, children: count }),
    staysEnded: z.object({
      own_housing: count,
      back_home: count,
      other_municipality: count,
      left_without_notice: count,
      other: count,
    }),
    enquiries: z.object({
      placed: count,
      no_space: count,
      declined_by_person: count,
      not_suitable: count,
    }),
    places: z.array(
      z.object({
        placeId: z.uuid(),
        name: z.string(),
        kind: z.string(),
        personNights: count,
        householdNights: count,
        capacityNights: z.number().int(),
        occupancy: z
          .number()
          .nullable()
          .meta({ description: "0–1; null when suppressed or no capacity" }),
      }),
    ),
  })
  .meta({ id: "StayStatistics" });
export type StayStatistics = z.infer<typeof StayStatistics>;

/** Seed 001's table is a year's: the same question as the stays' (a year, a unit). */
export const CrisisCentreYearQuery = StayStatisticsQuery;

const yearCount = z.number().int().nullable().meta({ description: "null: 1–4, suppressed" });

export const CrisisCentreYear = z
  .object({
    year: z.number().int(),
    scope: z.enum(["unit", "organisation"]),
    suppressed: z.boolean(),
    currentChildren: yearCount.meta({ description: "Aktuella barn: work open in the year" }),
    policeReports: yearCount,
    medicalExams: yearCount,
    childrenInCrisisTalks: yearCount.meta({ description: "Children with a crisis talk held" }),
    consultations: yearCount.meta({ description: "Samråd about a child" }),
    studyVisitsAndTrainings: yearCount.meta({
      description: "Studiebesök/utbildningar: the register's study visits plus trainings",
    }),
    supervisionSessions: yearCount.meta({ description: "Handledning av personalgrupper" }),
    register: z.literal("organisation").meta({
      description:
        "The competence register's rows (the last two) are the organisation's: it has no unit",
    }),
  })
  .meta({ id: "CrisisCentreYear" });
export type CrisisCentreYear = z.infer<typeof CrisisCentreYear>;
