import { z } from "zod";
import { identityNumberInText } from "../validation-messages.ts";
import { isoDate, multiline, withoutIdentityNumber } from "./fields.ts";

/**
 * An anonymised case consultation (issue 18, item 7; migration 0069): advice sought about
 * the case's child or adult WITHOUT consent, so recorded without identity. Only the case id
 * links it to the person, on the worker's side; the texts never name her (identity numbers
 * refused, names warned on) and it is never disclosed to another agency.
 */

export const caseConsultationAbout = ["child", "adult"] as const;

/** Each text field's name as the form says it (in refusals and name warnings). */
export const caseConsultationFieldNames = {
  withWhom: "Med vem",
  question: "Frågan",
  advice: "Rådet",
} as const;
export type CaseConsultationTextField = keyof typeof caseConsultationFieldNames;

const text = (field: CaseConsultationTextField, max: number) =>
  withoutIdentityNumber(
    multiline(z.string().trim().max(max)),
    identityNumberInText(caseConsultationFieldNames[field]),
  );

export const CaseConsultationBody = z
  .object({
    heldOn: isoDate(),
    about: z.enum(caseConsultationAbout),
    agencyId: z.uuid().nullable().default(null).meta({ description: "An agency of the directory" }),
    withWhom: text("withWhom", 200)
      .nullable()
      .default(null)
      .transform((v) => (v === "" ? null : v))
      .meta({ description: "Free text when the agency is not in the directory, or a function" }),
    question: text("question", 4000).refine((t) => t.length > 0, {
      message: "Skriv frågan ni tog upp.",
    }),
    advice: text("advice", 4000).default(""),
    confirmNames: z.boolean().default(false),
  })
  .strict()
  .meta({ id: "CaseConsultationBody" });

export const CaseConsultationView = z
  .object({
    id: z.uuid(),
    heldOn: z.string(),
    about: z.enum(caseConsultationAbout),
    agencyId: z.uuid().nullable(),
    agencyName: z.string().nullable(),
    withWhom: z.string().nullable(),
    question: z.string(),
    advice: z.string(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: "CaseConsultation" });

export const CaseConsultationList = z
  .object({
    consultations: z.array(CaseConsultationView),
    /** The directory's agencies to choose among. */
    agencies: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: "CaseConsultationList" });
