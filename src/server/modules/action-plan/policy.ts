import { type Actor, hasRole, unitsWithRole } from "../../access/actor.ts";

/**
 * Who does what with the action plan (the same rules as frid_keeps_action_plan and
 * frid_reads_action_plan in migration 0087; row-level security checks them again). The plan
 * is the organisation's own, no client's data.
 */

/** Keeps the plan (adds and changes): a unit manager of any unit, or an administrator. */
export const keepsActionPlan = (actor: Actor) =>
  actor.roles.some((r) => r.role === "unit_manager" || r.role === "administrator");

/** Reads the plan: those who keep it, and analysts. */
export const readsActionPlan = (actor: Actor) =>
  keepsActionPlan(actor) || hasRole(actor, "analyst");

/**
 * Counts a computed indicator: frid_report counts the cases of the units the actor reports on
 * (a unit manager's units, an analyst's whole organisation: frid_reported_units, 0042); an
 * administrator reports on none, so a value counted for her would be a false zero.
 */
export const countsIndicators = (actor: Actor) =>
  hasRole(actor, "analyst") || unitsWithRole(actor, ["unit_manager"]).length > 0;
