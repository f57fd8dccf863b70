import type { Actor } from "../../access/actor.ts";
import { unitsWithRole } from "../../access/actor.ts";
import type { RoleName } from "../../db/types.ts";

/**
 * Who may do what with the register of places (the same rules as frid_does_case_work and
 * frid_administers_place in migration 0050; row-level security checks them again).
 */
const caseWorkRoles: readonly RoleName[] = [
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
  "housing_coordinator",
  "shelter_staff",
];

/** Sees the register and the vacancy board: anyone doing case work in the organisation. */
export const doesCaseWork = (actor: Actor) =>
  actor.roles.some((r) => caseWorkRoles.includes(r.role));

/** The units whose places the actor administers (register, change, close, address). */
export const administeredUnits = (actor: Actor) =>
  unitsWithRole(actor, ["unit_manager", "housing_coordinator"]);

/** A day is "soon" for an IVO permit when it lies within this many days. */
export const permitWarningDays = 60;
