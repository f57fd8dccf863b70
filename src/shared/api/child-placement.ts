import { z } from "zod";
import { StatutoryLastDay } from "./deadlines.ts";
import { isoDate, multiline } from "./fields.ts";

/**
 * A child accompanying a parent to sheltered housing gets a decision of their own
 * (SoL 2025:400, the 2024 reform). It rests either on both custodians' consent, or on
 * lag (2024:79): without the other custodian's consent, by the administrative court's
 * decision; an immediate decision by the committee goes to the court within one week, the
 * court rules within one week, and the committee reviews the placement at least every six
 * months. Consents are records of their own (who, form, date), never a flag.
 */
export const PlacementBasis = z.enum(["custodians_consent", "court_2024_79"]);
export type PlacementBasis = z.infer<typeof PlacementBasis>;
export const ConsentForm = z.enum(["written", "oral"]);

export const CustodianConsent = z
  .object({
    custodianName: z.string().trim().min(1, "Skriv vårdnadshavarens namn.").max(200),
    form: ConsentForm,
    givenOn: isoDate(),
  })
  .strict();

export const ChildPlacementBody = z
  .object({
    basis: PlacementBasis,
    consents: z
      .array(CustodianConsent)
      .max(2, "Ett barn har högst två vårdnadshavare.")
      .default([]),
    soleCustody: z.boolean().default(false).meta({
      description: "The one consenting custodian has sole custody (one consent is then enough)",
    }),
    immediate: z.boolean().default(false).meta({
      description:
        "lag (2024:79): an immediate decision by the committee, to the court within 1 week",
    }),
    locationWithheld: z.boolean().default(false).meta({
      description: "The housing's location is kept from the other custodian",
    }),
  })
  .strict()
  .meta({ id: "ChildPlacementBody" });
export type ChildPlacementBody = z.infer<typeof ChildPlacementBody>;

export const CourtOutcome = z.enum(["approved", "rejected"]);

export const RecordCourtStepBody = z
  .object({
    submittedOn: isoDate()
      .optional()
      .meta({ description: "The day the decision went to the court" }),
    ruledOn: isoDate().optional(),
    outcome: CourtOutcome.optional().meta({ description: "Required with ruledOn" }),
  })
  .strict()
  .meta({ id: "RecordCourtStepBody" });

export const RevokeConsentBody = z
  .object({
    revokedOn: isoDate(),
    reason: multiline(
      z.string().trim().min(1, "Skriv hur och varför samtycket återkallades.").max(2000),
    ),
  })
  .strict()
  .meta({ id: "RevokeConsentBody" });

export const RecordPlacementReviewBody = z
  .object({
    reviewedOn: isoDate(),
    continues: z.boolean().meta({ description: "false: the placement ends on reviewedOn" }),
    notes: multiline(z.string().trim().min(1).max(10_000)),
  })
  .strict()
  .meta({ id: "RecordPlacementReviewBody" });

export const ChildPlacementView = z
  .object({
    basis: PlacementBasis,
    consents: z.array(
      z.object({
        id: z.uuid(),
        custodianName: z.string(),
        form: ConsentForm,
        givenOn: z.string(),
        revokedOn: z.string().nullable(),
        revokedReason: z.string().nullable(),
      }),
    ),
    consentRevoked: z.boolean().meta({
      description:
        "A consent placement whose consent was withdrawn: it has lost its basis until it ends or the court decides",
    }),
    soleCustody: z.boolean(),
    immediate: z.boolean(),
    locationWithheld: z.boolean(),
    courtSubmittedOn: z.string().nullable(),
    courtSubmissionDue: z.string().nullable().meta({
      description:
        "Court track: the last day to submit to the court (YYYY-MM-DD) — statutory for an immediate decision, Frid's working rule for an application",
    }),
    courtSubmissionLastDay: StatutoryLastDay.nullable().meta({
      description: "An immediate decision's statutory last day under lag (1930:173)",
    }),
    inForce: z.boolean().meta({
      description: "false: an application still waiting for the court, or a placement that ended",
    }),
    courtRuledOn: z.string().nullable(),
    courtOutcome: CourtOutcome.nullable(),
    courtRulingDue: z
      .string()
      .nullable()
      .meta({ description: "Immediate decisions: the day the court should have ruled by" }),
    courtRulingLastDay: StatutoryLastDay.nullable(),
    reviews: z.array(
      z.object({
        reviewedOn: z.string(),
        continues: z.boolean(),
        notes: z.string(),
        recordedBy: z.string(),
      }),
    ),
    nextReviewDue: z.string().nullable().meta({
      description: "Court-track placements: review at least every 6 months; null once ended",
    }),
    nextReviewLastDay: StatutoryLastDay.nullable(),
    endedOn: z.string().nullable(),
  })
  .meta({ id: "ChildPlacement" });
export type ChildPlacementView = z.infer<typeof ChildPlacementView>;
