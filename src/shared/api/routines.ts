import { z } from "zod";
import { fieldRule, int4, isoDate } from "./fields.ts";

/**
 * The routines register (issue 20, item 2): the organisation's written routines, each in an
 * area as Öppna jämförelser names them, approved by a body or role, with a review date, an
 * owner, its document, and the new version that superseded it. The areas are a catalogue in
 * the database (routine_area, 0088); this list is the same catalogue for the code.
 */
export const routineAreas = [
  "detect_violence_children",
  "detect_violence_adults",
  "detect_violence_substance_abuse",
  "detect_violence_financial_aid",
  "detect_violence_elderly_care",
  "detect_violence_disability",
  "children_schooling_sheltered_housing",
  "protected_personal_data",
  "competence_plan",
  "support_talks_perpetrators",
  "agreements_followed_up",
  "group_level_follow_up",
] as const;
export const RoutineArea = z.enum(routineAreas, { error: "Välj ett av områdena." });
export type RoutineArea = z.infer<typeof RoutineArea>;
export const isRoutineArea = (code: string): code is RoutineArea =>
  (routineAreas as readonly string[]).includes(code);

export const routineMediaTypes = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.oasis.opendocument.text",
] as const;
export type RoutineMediaType = (typeof routineMediaTypes)[number];

const text = (what: string, max: number) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .min(1, { error: `Ange ${what}.` })
    .max(max, { error: `Högst ${max} tecken.` });

const day = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
/** The review comes after the approval (a malformed date is that field's own problem). */
const reviewAfterApproval = fieldRule("reviewAfterApproval", "reviewOn", (body) => {
  const [approved, review] = [day(body.approvedOn), day(body.reviewOn)];
  return !(approved && review && review <= approved);
});

const RoutineFields = z.object({
  title: text("rutinens namn", 200),
  area: RoutineArea,
  approverId: z.uuid({ error: "Välj vem som har fastställt rutinen." }),
  approvedOn: isoDate({ error: "Ange när rutinen fastställdes." }),
  reviewOn: isoDate({ error: "Ange när rutinen senast ska revideras." }),
  ownerId: z.uuid({ error: "Välj rutinens ägare." }),
});

export const RoutineBody = RoutineFields.strict()
  .check(reviewAfterApproval)
  .meta({ id: "RoutineBody" });
export type RoutineBody = z.input<typeof RoutineBody>;

/** Changes a routine in place (a correction); a new version is a revision instead. */
export const UpdateRoutineBody = RoutineFields.extend({
  version: int4().min(1).meta({ description: "The routine's version (stale: 409)" }),
})
  .strict()
  .check(reviewAfterApproval)
  .meta({ id: "UpdateRoutineBody" });
export type UpdateRoutineBody = z.input<typeof UpdateRoutineBody>;

export const ApproverBody = z
  .object({
    name: text("vem som fastställer (t.ex. Socialnämnden)", 120),
    management: z.boolean({ error: "Ange om det är ledningen." }),
  })
  .strict()
  .meta({ id: "RoutineApproverBody" });
export type ApproverBody = z.input<typeof ApproverBody>;

export const RoutineParams = z.object({ routineId: z.uuid() });
export const RegisterQuery = z
  .object({
    onDate: isoDate({ error: "Ange dagen som ÅÅÅÅ-MM-DD." })
      .optional()
      .meta({ description: "The day the answers and statuses hold on (default today)" }),
  })
  .strict();
export const DocumentQuery = z
  .object({
    filename: text("filens namn", 200),
    version: z.coerce.number().int().min(1).max(2_147_483_647),
  })
  .strict();

export const RoutineApprover = z
  .object({ id: z.uuid(), name: z.string(), management: z.boolean() })
  .meta({ id: "RoutineApprover" });
export type RoutineApprover = z.infer<typeof RoutineApprover>;

export const RoutineStatus = z.enum([
  "current",
  "not_approved_by_management",
  "stale",
  "superseded",
  "not_yet_approved",
]);
export type RoutineStatus = z.infer<typeof RoutineStatus>;

export const RoutineView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    area: RoutineArea,
    approver: RoutineApprover,
    approvedOn: z.string(),
    reviewOn: z.string(),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    document: z
      .object({
        filename: z.string(),
        mediaType: z.enum(routineMediaTypes),
        sizeBytes: z.number().int(),
      })
      .nullable(),
    supersedesId: z.uuid().nullable(),
    supersededById: z.uuid().nullable(),
    status: RoutineStatus,
    reviewSoon: z.boolean().meta({
      description: "In force, and its review date within 60 days or passed: time to revise",
    }),
    version: z.number().int(),
  })
  .meta({ id: "RoutineView" });
export type RoutineView = z.infer<typeof RoutineView>;

export const OpenComparisonsAnswer = z
  .object({
    area: RoutineArea,
    question: z.string(),
    answer: z.enum(["yes", "no"]),
    routines: z.array(z.object({ id: z.uuid(), title: z.string(), reviewOn: z.string() })),
    missing: z.array(z.string()).meta({ description: "What is missing for a yes (Swedish)" }),
  })
  .meta({ id: "OpenComparisonsAnswer" });
export type OpenComparisonsAnswer = z.infer<typeof OpenComparisonsAnswer>;

export const RoutineRegister = z
  .object({
    routines: z.array(RoutineView),
    areas: z.array(z.object({ code: RoutineArea, name: z.string(), question: z.string() })),
    approvers: z.array(RoutineApprover),
    owners: z.array(z.object({ id: z.uuid(), name: z.string() })),
    onDate: z.string(),
    answers: z.array(OpenComparisonsAnswer),
    abilities: z.object({ keep: z.boolean() }),
  })
  .meta({ id: "RoutineRegister" });
export type RoutineRegister = z.infer<typeof RoutineRegister>;
