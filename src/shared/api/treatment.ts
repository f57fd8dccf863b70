import { z } from "zod";
import { dayNotBefore, fieldRule, isoDate, multiline } from "./fields.ts";
import { CaseOutcomeBody } from "./outcomes.ts";

/**
 * Treatment of a person who uses violence (a perpetrator case at a treatment unit), and the
 * partner contact seen from his side (seed 004): he is informed, consents (or refuses, and
 * the team decides whether treatment goes on), and names the partners it covers — or the
 * exception that means a partner is not contacted. What he tells about how to reach her goes
 * to her own case behind an information barrier; his side keeps only who she is to him.
 */
export const referralSources = ["self", "social_services", "police_probation"] as const;
export const treatmentPhases = ["assessment", "treatment", "ended"] as const;
export const treatmentEndKinds = ["completed", "dropped_out", "ended_by_unit"] as const;
export const attendanceKinds = ["attended", "cancelled", "no_show"] as const;
export const partnerRelationships = ["current", "former"] as const;
export const partnerExceptionKinds = [
  "sheltered_housing",
  "abroad",
  "long_ended",
  "controlling_pattern",
] as const;

const day = (message: string) => isoDate({ message });

export const RegisterTreatmentBody = z
  .object({
    referralSource: z.enum(referralSources, { message: "Välj hur han kom till mottagningen." }),
    referredOn: day("Ange datumet då han kom i kontakt med mottagningen."),
  })
  .strict()
  .meta({ id: "RegisterTreatmentBody" });

export const StartTreatmentBody = z
  .object({ startedOn: day("Ange datumet då behandlingen började.") })
  .strict()
  .meta({ id: "StartTreatmentBody" });

export const RecordSessionBody = z
  .object({
    heldOn: day("Ange datumet för samtalet."),
    attendance: z.enum(attendanceKinds, { message: "Välj om han kom, avbokade eller uteblev." }),
  })
  .strict()
  .meta({ id: "RecordSessionBody" });

export const EndTreatmentBody = z
  .object({
    endedOn: day("Ange datumet då behandlingen avslutades."),
    kind: z.enum(treatmentEndKinds, { message: "Välj hur behandlingen avslutades." }),
    reason: multiline(z.string().trim().min(1, "Skriv varför behandlingen avslutas.").max(2000)),
    outcome: CaseOutcomeBody.nullable().default(null).meta({
      description:
        "Whether the treatment's goal was reached and his own view: required, as the end closes a treated case (outcomeRequired)",
    }),
  })
  .strict()
  .meta({ id: "EndTreatmentBody" });

export const PartnerInformationBody = z
  .object({ informedOn: day("Ange datumet då han fick information om partnerkontakt.") })
  .strict()
  .meta({ id: "PartnerInformationBody" });

/** How to reach her, as he tells it: stored on her case only, behind the barrier. */
export const PartnerDetails = z
  .object({
    givenName: z.string().trim().min(1, "Skriv partnerns förnamn.").max(100),
    familyName: z.string().trim().min(1, "Skriv partnerns efternamn.").max(100),
    identityNumber: z.string().trim().max(20).nullable().default(null),
    phone: z.string().trim().max(50).nullable().default(null),
    postalAddress: z.string().trim().max(300).nullable().default(null),
    email: z.email("Skriv en e-postadress som namn@exempel.se.").max(200).nullable().default(null),
  })
  .strict();

/** With his consent she must be reachable: a phone, an address or an e-mail address. */
function reachable(partner: unknown): boolean {
  if (typeof partner !== "object" || partner === null) return true;
  const p = partner as { phone?: unknown; postalAddress?: unknown; email?: unknown };
  return Boolean(p.phone || p.postalAddress || p.email);
}

export const AddPartnerBody = z
  .object({
    relationship: z.enum(partnerRelationships, {
      message: "Välj om det är en nuvarande eller tidigare partner.",
    }),
    /** His consent to contact this partner; absent when an exception applies. */
    consent: z
      .object({
        form: z.enum(["written", "oral"], { message: "Välj skriftligt eller muntligt samtycke." }),
        givenOn: day("Ange datumet för samtycket."),
      })
      .strict()
      .nullable()
      .default(null),
    partner: PartnerDetails.nullable().default(null),
    exception: z
      .object({
        kind: z.enum(partnerExceptionKinds, { message: "Välj varför partnern inte kontaktas." }),
        reason: multiline(z.string().trim().min(1, "Skriv skälet till undantaget.").max(2000)),
        teamDecidedOn: day("Ange datumet för teamets beslut.").nullable().default(null),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .check(fieldRule("consentOrException", "consent", (b) => !(!b.consent && !b.exception)))
  .check(fieldRule("partnerNeedsReach", "partner.phone", (b) => reachable(b.partner)))
  .check(
    fieldRule("controllingNeedsTeamDecision", "exception.teamDecidedOn", (b) => {
      const e = b.exception as { kind?: unknown; teamDecidedOn?: unknown } | null | undefined;
      return !(e?.kind === "controlling_pattern" && !e.teamDecidedOn);
    }),
  )
  .meta({ id: "AddPartnerBody" });

export const PartnerRefusalBody = z
  .object({
    refusedOn: day("Ange datumet då han sa nej till partnerkontakt."),
    teamDecidedOn: day("Ange datumet för teamets beslut."),
    continueTreatment: z.boolean({ message: "Välj om behandlingen fortsätter." }),
    reasoning: multiline(z.string().trim().min(1, "Skriv teamets motivering.").max(2000)),
    outcome: CaseOutcomeBody.nullable().default(null).meta({
      description:
        "When the treatment does not continue it ends and closes the case: whether its goal was reached, required as for any end (EndTreatmentBody)",
    }),
  })
  .strict()
  .check(dayNotBefore("teamDecidedOn", "refusedOn", "teamDecisionBeforeRefusal"))
  .meta({ id: "PartnerRefusalBody" });

export const WithdrawConsentBody = z
  .object({ withdrawnOn: day("Ange datumet då samtycket återkallades.") })
  .strict()
  .meta({ id: "WithdrawConsentBody" });

export const SessionView = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  attendance: z.enum(attendanceKinds),
  recordedBy: z.string(),
});

export const PartnerView = z.object({
  id: z.uuid(),
  relationship: z.enum(partnerRelationships),
  consent: z
    .object({
      form: z.enum(["written", "oral"]),
      givenOn: z.string(),
      withdrawnOn: z.string().nullable(),
    })
    .nullable(),
  exception: z
    .object({
      kind: z.enum(partnerExceptionKinds),
      reason: z.string(),
      teamDecidedOn: z.string().nullable(),
    })
    .nullable(),
  /** A partner case was opened behind the barrier; nothing about it is shown here. */
  contactOpened: z.boolean(),
  recordedAt: z.string(),
});

export const TreatmentView = z
  .object({
    referralSource: z.enum(referralSources),
    referredOn: z.string(),
    phase: z.enum(treatmentPhases),
    startedOn: z.string().nullable(),
    ended: z
      .object({
        on: z.string(),
        kind: z.enum(treatmentEndKinds),
        reason: z.string(),
        by: z.string(),
      })
      .nullable(),
    sessions: z.array(SessionView),
    partnerContact: z.object({
      informedOn: z.string().nullable(),
      refusal: z
        .object({
          refusedOn: z.string(),
          teamDecidedOn: z.string(),
          continueTreatment: z.boolean(),
          reasoning: z.string(),
        })
        .nullable(),
      partners: z.array(PartnerView),
    }),
  })
  .meta({ id: "Treatment" });
export type TreatmentView = z.infer<typeof TreatmentView>;

export const TreatmentResult = z
  .object({ treatment: TreatmentView.nullable() })
  .meta({ id: "TreatmentResult" });
