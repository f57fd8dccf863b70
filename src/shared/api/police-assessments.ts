import { z } from "zod";
import { isoDate, multiline } from "./fields.ts";

/**
 * The police's own risk assessment, obtained with the client's consent and recorded beside
 * Frid's (HSLF-FS 2022:39: with consent, use the police's assessment). Frid records that it
 * was obtained, its level in the police's words, and the consent it rests on.
 */
export const RecordPoliceAssessmentBody = z
  .object({
    assessedOn: isoDate().meta({ description: "The day of the police's assessment" }),
    level: z.string().trim().min(1, "Skriv polisens bedömda nivå.").max(100),
    summary: multiline(z.string().trim().max(5000)).default(""),
    consentGivenOn: isoDate(),
    consentForm: z.enum(["written", "oral"]),
    consentReference: z
      .string()
      .trim()
      .min(
        1,
        "Ange var samtycket finns, t.ex. journalanteckningens datum eller blankettens nummer.",
      )
      .max(200),
  })
  .strict()
  .meta({ id: "RecordPoliceAssessmentBody" });

export const PoliceAssessmentView = z
  .object({
    id: z.uuid(),
    assessedOn: z.string(),
    level: z.string(),
    summary: z.string(),
    consentGivenOn: z.string(),
    consentForm: z.enum(["written", "oral"]),
    consentReference: z.string(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: "PoliceAssessment" });
export const PoliceAssessmentList = z
  .object({ policeAssessments: z.array(PoliceAssessmentView) })
  .meta({ id: "PoliceAssessmentList" });
