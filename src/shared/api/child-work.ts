import { z } from "zod";
import { containsIdentityNumber } from "../personal-identity-number.ts";
import { isoDate, multiline } from "./fields.ts";

/**
 * The children's crisis centre's work with a child (issue 17, item 2; seed 001): crisis talks
 * in a series (the Trappan model or another), police reports made, medical examinations,
 * consultations (samråd) with other agencies, and the child's own words where recorded. The
 * work is anchored in a case (the case's child, or a child related to the case's person) or
 * in the child's own service course (a service without a needs assessment).
 */
export const crisisTalkModels = ["trappan", "other"] as const;
export const reporterKinds = [
  "own_unit",
  "social_services",
  "school",
  "health_care",
  "custodian",
  "other",
] as const;
export const crimeCategories = [
  "assault",
  "gross_violation_of_integrity",
  "unlawful_threat",
  "sexual_crime",
  "child_witness_crime",
  "molestation",
  "stalking",
  "honour_oppression",
  "forced_marriage",
  "female_genital_mutilation",
  "other",
] as const;
export const medicalExamKinds = ["forensic", "paediatric", "other"] as const;
export const consultationAgencies = [
  "police",
  "prosecutor",
  "social_services",
  "health_care",
  "school",
  "barnahus",
  "forensic_medicine",
  "other",
] as const;
export const consultationBases = ["anonymised", "consent"] as const;

const day = (message: string) => isoDate({ message });
const optionalText = (max: number) =>
  multiline(z.string().trim().max(max, `Skriv högst ${max} tecken.`))
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

export const CaseChildWorkParams = z.object({ caseId: z.uuid() });
export const CourseChildWorkParams = z.object({ courseId: z.uuid() });
export const ChildWorkParams = z.object({ id: z.uuid() });

export const OpenCaseChildWorkBody = z
  .object({
    personId: z.uuid({ error: "Välj barnet." }),
    openedOn: day("Ange datumet då arbetet med barnet började."),
  })
  .strict()
  .meta({ id: "OpenCaseChildWorkBody" });

export const OpenCourseChildWorkBody = z
  .object({ openedOn: day("Ange datumet då arbetet med barnet började.") })
  .strict()
  .meta({ id: "OpenCourseChildWorkBody" });

export const StartSeriesBody = z
  .object({
    model: z.enum(crisisTalkModels, { message: "Välj modell för samtalsserien." }),
    plannedTalks: z
      .number({ message: "Ange antalet planerade samtal, 1–100." })
      .int({ message: "Ange antalet planerade samtal, 1–100." })
      .min(1, "Ange antalet planerade samtal, 1–100.")
      .max(100, "Ange antalet planerade samtal, 1–100.")
      .nullable()
      .default(null),
    startedOn: day("Ange datumet då serien börjar."),
  })
  .strict()
  .meta({ id: "StartCrisisTalkSeriesBody" });

export const RecordTalkBody = z
  .object({
    heldOn: day("Ange datumet för samtalet."),
    childWords: optionalText(8000).meta({ description: "The child's own words, as said" }),
    notes: optionalText(8000),
  })
  .strict()
  .meta({ id: "RecordCrisisTalkBody" });

export const EndSeriesBody = z
  .object({ endedOn: day("Ange datumet då serien avslutades.") })
  .strict()
  .meta({ id: "EndCrisisTalkSeriesBody" });

export const PoliceReportBody = z
  .object({
    reportedOn: day("Ange datumet för polisanmälan."),
    reporterKind: z.enum(reporterKinds, { message: "Välj vem som gjorde anmälan." }),
    crimeCategory: z.enum(crimeCategories, { message: "Välj brottskategori." }),
    notes: optionalText(4000),
  })
  .strict()
  .meta({ id: "ChildPoliceReportBody" });

export const MedicalExamBody = z
  .object({
    examinedOn: day("Ange datumet för undersökningen."),
    kind: z.enum(medicalExamKinds, { message: "Välj vilken sorts undersökning." }),
    place: z.string().trim().min(1, "Skriv var undersökningen gjordes.").max(200),
    notes: optionalText(4000),
  })
  .strict()
  .meta({ id: "ChildMedicalExamBody" });

export const identityNumberInAnonymised =
  "Ett avidentifierat samråd får inte innehålla personnummer eller samordningsnummer.";

export const ConsultationBody = z
  .object({
    heldOn: day("Ange datumet för samrådet."),
    agencies: z
      .array(z.enum(consultationAgencies, { message: "Välj bland myndigheterna i listan." }))
      .min(1, "Välj minst en myndighet som deltog.")
      .max(8)
      .refine((a) => new Set(a).size === a.length, { message: "En myndighet står två gånger." }),
    participants: multiline(
      z.string().trim().min(1, "Skriv vilka som deltog (roller, inte namn).").max(1000),
    ),
    basis: z.enum(consultationBases, { message: "Välj avidentifierat eller med samtycke." }),
    consentNote: optionalText(1000).meta({
      description: "Who consented and how; required with basis consent",
    }),
    notes: optionalText(4000),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.basis === "consent" && !body.consentNote)
      ctx.addIssue({
        code: "custom",
        path: ["consentNote"],
        message: "Skriv vem som samtyckt och hur.",
      });
    if (body.basis !== "anonymised") return;
    for (const field of ["participants", "notes", "consentNote"] as const) {
      const text = body[field];
      if (text && containsIdentityNumber(text))
        ctx.addIssue({ code: "custom", path: [field], message: identityNumberInAnonymised });
    }
  })
  .meta({ id: "ChildConsultationBody" });

export const CloseChildWorkBody = z
  .object({ closedOn: day("Ange datumet då arbetet med barnet avslutades.") })
  .strict()
  .meta({ id: "CloseChildWorkBody" });

const Talk = z.object({
  id: z.uuid(),
  number: z.number().int(),
  heldOn: z.string(),
  childWords: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
});

const Series = z.object({
  id: z.uuid(),
  model: z.enum(crisisTalkModels),
  plannedTalks: z.number().int().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  worker: z.string(),
  talks: z.array(Talk),
  nextNumber: z.number().int().meta({ description: "The number the next talk will get" }),
});

export const ChildWorkView = z
  .object({
    id: z.uuid(),
    anchor: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("case"), caseId: z.uuid(), personId: z.uuid() }),
      z.object({ kind: z.literal("course"), courseId: z.uuid() }),
    ]),
    /** The child as the caller may name them: a name, a first name, or nothing (anonymous). */
    childName: z.string().nullable(),
    unitName: z.string(),
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    mayChange: z.boolean(),
    series: z.array(Series),
    policeReports: z.array(
      z.object({
        id: z.uuid(),
        reportedOn: z.string(),
        reporterKind: z.enum(reporterKinds),
        reporter: z.string().nullable(),
        crimeCategory: z.enum(crimeCategories),
        notes: z.string().nullable(),
      }),
    ),
    medicalExams: z.array(
      z.object({
        id: z.uuid(),
        examinedOn: z.string(),
        kind: z.enum(medicalExamKinds),
        place: z.string(),
        notes: z.string().nullable(),
      }),
    ),
    consultations: z.array(
      z.object({
        id: z.uuid(),
        heldOn: z.string(),
        agencies: z.array(z.enum(consultationAgencies)),
        participants: z.string(),
        basis: z.enum(consultationBases),
        consentNote: z.string().nullable(),
        notes: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ChildWorkView" });
export type ChildWork = z.infer<typeof ChildWorkView>;

export const ChildWorkResult = z.object({ work: ChildWorkView }).meta({ id: "ChildWorkResult" });

export const CaseChildWorkResult = z
  .object({
    works: z.array(ChildWorkView),
    /** The case's children who have no work here yet (the case's own child, or related ones). */
    children: z.array(z.object({ personId: z.uuid(), name: z.string() })),
    mayOpen: z.boolean(),
  })
  .meta({ id: "CaseChildWorkResult" });

export const CourseChildWorkResult = z
  .object({ work: ChildWorkView.nullable(), mayOpen: z.boolean() })
  .meta({ id: "CourseChildWorkResult" });

/** The crisis centre's figures of a period (modules/statistics/crisis-centre.ts). */
export const CrisisCentreQuery = z
  .object({
    from: isoDate({ message: "Ange periodens första dag." }),
    to: isoDate({ message: "Ange periodens sista dag." }),
    unitId: z.uuid().optional(),
  })
  .strict();

const count = z.number().int().nullable().meta({ description: "null: 1–4, suppressed" });

export const CrisisCentreStatistics = z
  .object({
    from: z.string(),
    to: z.string(),
    scope: z.enum(["unit", "organisation"]),
    suppressed: z.boolean(),
    currentChildren: count,
    policeReports: count,
    medicalExams: count,
    childrenInCrisisTalks: count,
    consultations: count,
    crisisTalks: count,
    seriesStarted: count,
    seriesEnded: count,
  })
  .meta({ id: "CrisisCentreStatistics" });
