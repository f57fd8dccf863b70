import { z } from "zod";
import { RoleAssignmentView } from "./auth.ts";
import { multiline } from "./fields.ts";
import { Role, UnitKind } from "./roles.ts";

export const UnitView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: UnitKind,
    /** What letters and forms print as the unit's contact details. */
    contactPhone: z.string().nullable(),
    contactAddress: z.string().nullable(),
    contactEmail: z.string().nullable(),
    /** Partner contact: months after his treatment ends until her follow-up contact. */
    partnerFollowUpMonths: z.number().int(),
  })
  .meta({ id: "Unit" });
export type UnitView = z.infer<typeof UnitView>;
export const UnitList = z.object({ units: z.array(UnitView) }).meta({ id: "UnitList" });

export const UpdateUnitBody = z
  .object({
    contactPhone: z.string().trim().max(50).nullable(),
    contactAddress: multiline(z.string().trim().max(300)).nullable(),
    contactEmail: z.email("Skriv en e-postadress som namn@exempel.se.").max(200).nullable(),
    partnerFollowUpMonths: z
      .number()
      .int()
      .min(1, "Ange mellan 1 och 24 månader.")
      .max(24, "Ange mellan 1 och 24 månader."),
  })
  .partial()
  .strict()
  // An empty change would be an UPDATE of nothing: say so instead.
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Ange minst en uppgift att ändra.",
  })
  .meta({ id: "UpdateUnitBody" });

export const CreateUnitBody = z
  .object({ name: z.string().trim().min(2).max(100), kind: UnitKind })
  .strict()
  .meta({ id: "CreateUnitBody" });

export const UserView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    active: z.boolean(),
    mfaEnrolled: z.boolean(),
    roles: z.array(RoleAssignmentView),
  })
  .meta({ id: "User" });
export type UserView = z.infer<typeof UserView>;
export const UserList = z.object({ users: z.array(UserView) }).meta({ id: "UserList" });

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,62}$/,
    "2–63 tecken: a–z, 0–9, punkt, bindestreck eller understreck.",
  );

export const CreateUserBody = z
  .object({
    username: Username,
    displayName: z.string().trim().min(2).max(100),
    password: z.string().min(12, "Lösenordet måste ha minst 12 tecken.").max(256),
  })
  .strict()
  .meta({ id: "CreateUserBody" });

export const UpdateUserBody = z
  .object({
    displayName: z.string().trim().min(2).max(100).optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "UpdateUserBody" });

export const AddRoleBody = z
  .object({ unitId: z.uuid().nullable(), role: Role })
  .strict()
  .meta({ id: "AddRoleBody" });

export const IdParams = z.object({ id: z.uuid() });
