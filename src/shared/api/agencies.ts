import { z } from "zod";
import { agencyKinds } from "./collaboration.ts";
import { int4, multiline } from "./fields.ts";

/**
 * The agency directory (issue 18, item 1): agencies, their units and contact persons. No
 * client's data: read by everyone doing case work, kept by the agency's owner, unit managers
 * and administrators.
 */
export const AgencyKind = z.enum(agencyKinds, { error: "Välj vilken sorts aktör det är." });

const name = (what: string) =>
  z
    .string({ error: `Ange ${what}.` })
    .trim()
    .min(1, { error: `Ange ${what}.` })
    .max(200, { error: "Högst 200 tecken." });
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Högst ${max} tecken.` })
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

export const AgencyQuery = z.object({
  kind: AgencyKind.optional(),
  q: z.string().trim().max(100).optional().meta({ description: "Part of the name" }),
  municipality: z.string().trim().max(100).optional(),
  archived: z.enum(["true", "false"]).default("false").meta({ description: "Archived ones too" }),
});
export type AgencyQuery = z.input<typeof AgencyQuery>;

export const AgencyBody = z
  .object({
    kind: AgencyKind,
    name: name("aktörens namn"),
    municipality: optional(100),
    ownerId: z
      .uuid({ error: "Välj vem som ansvarar för uppgifterna." })
      .optional()
      .meta({ description: "Who keeps the agency current; none: the one who adds it" }),
    notes: multiline(z.string().max(2000, { error: "Högst 2000 tecken." })).default(""),
  })
  .strict()
  .meta({ id: "AgencyBody" });
export type AgencyBody = z.input<typeof AgencyBody>;

export const UpdateAgencyBody = AgencyBody.extend({ version: int4().min(1) })
  .strict()
  .meta({ id: "UpdateAgencyBody" });

export const AgencyUnitBody = z
  .object({ name: name("enhetens namn"), archived: z.boolean().default(false) })
  .strict()
  .meta({ id: "AgencyUnitBody" });

export const AgencyContactBody = z
  .object({
    agencyUnitId: z.uuid().nullable().default(null),
    name: name("kontaktpersonens namn"),
    role: name("kontaktpersonens roll"),
    phone: optional(40),
    email: z
      .email({ error: "Ange en e-postadress som namn@example.se." })
      .max(254)
      .nullable()
      .default(null),
  })
  .strict()
  .meta({ id: "AgencyContactBody" });
export type AgencyContactBody = z.input<typeof AgencyContactBody>;

export const UpdateAgencyContactBody = AgencyContactBody.extend({ version: int4().min(1) })
  .strict()
  .meta({ id: "UpdateAgencyContactBody" });
export const VersionBody = z
  .object({ version: int4().min(1) })
  .strict()
  .meta({ id: "VersionBody" });

export const AgencyContact = z
  .object({
    id: z.uuid(),
    agencyUnitId: z.uuid().nullable(),
    name: z.string(),
    role: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    confirmedOn: z.string(),
    confirmedBy: z.string().meta({ description: "Who confirmed it (display name)" }),
    unconfirmed: z.boolean().meta({ description: "Not confirmed for 12 months" }),
    archived: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "AgencyContact" });
export type AgencyContact = z.infer<typeof AgencyContact>;

export const AgencyUnit = z
  .object({ id: z.uuid(), name: z.string(), archived: z.boolean() })
  .meta({ id: "AgencyUnit" });

export const AgencyView = z
  .object({
    id: z.uuid(),
    kind: AgencyKind,
    name: z.string(),
    municipality: z.string().nullable(),
    owner: z.object({ userId: z.uuid(), displayName: z.string() }),
    notes: z.string(),
    archived: z.boolean(),
    version: z.number().int(),
    mayChange: z.boolean().meta({ description: "The caller keeps this agency" }),
    units: z.array(AgencyUnit),
    contacts: z.array(AgencyContact),
  })
  .meta({ id: "AgencyView" });
export type AgencyView = z.infer<typeof AgencyView>;

export const AgencySummary = z
  .object({
    id: z.uuid(),
    kind: AgencyKind,
    name: z.string(),
    municipality: z.string().nullable(),
    ownerName: z.string(),
    archived: z.boolean(),
    contacts: z.number().int(),
    unconfirmedContacts: z.number().int(),
  })
  .meta({ id: "AgencySummary" });
export type AgencySummary = z.infer<typeof AgencySummary>;

export const AgencyList = z
  .object({
    agencies: z.array(AgencySummary),
    mayAdd: z.boolean().meta({ description: "The caller keeps the directory" }),
  })
  .meta({ id: "AgencyList" });
export type AgencyList = z.infer<typeof AgencyList>;

export const AgencyParams = z.object({ agencyId: z.uuid() });
export const AgencyUnitParams = z.object({ agencyId: z.uuid(), unitId: z.uuid() });
export const AgencyContactParams = z.object({ agencyId: z.uuid(), contactId: z.uuid() });
