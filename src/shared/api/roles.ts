import { z } from "zod";

/** Roles are held per unit (administrator and analyst may hold theirs organisation-wide). */
export const roles = [
  "caseworker", // handläggare
  "therapist", // behandlare
  "protection_officer", // skyddshandläggare
  "unit_manager", // enhetschef
  "administrator", // systemförvaltare: manages users, never reads case data
  "analyst", // aggregated statistics only
  "consultant", // anonymised consultations only
  "housing_coordinator", // boendesamordnare: administers the places register (issue 16)
  "shelter_staff", // boendepersonal: staff of a shelter unit, see stays at their own place only
] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Roles that may be assigned to work on a case in their unit. */
export const caseworkRoles: readonly Role[] = ["caseworker", "therapist", "protection_officer"];
/**
 * Roles that may register a person (case work); administrators, analysts and consultants do
 * not handle persons. The server's rule (persons/register.ts) and the page's form both use it.
 */
export const registrarRoles: readonly Role[] = [
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
];
/** Roles that give service contacts in their unit (issue 17): frid_gives_service's (0056). */
export const serviceRoles: readonly Role[] = [
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
];
/** Roles that may be held without a unit. */
export const organisationWideRoles: readonly Role[] = ["administrator", "analyst"];

export const unitKinds = [
  "adult_services",
  "child_services",
  "crisis_centre",
  "resource_function",
  "shelter", // a shelter the organisation runs itself (as Trollhättan's Kriscentrum does)
] as const;
export const UnitKind = z.enum(unitKinds);
