import type { Actor } from "../../access/actor.ts";
import { doesCaseWork } from "../places/policy.ts";

/**
 * Who may do what with the agency directory (the same rules as frid_keeps_directory and
 * frid_keeps_agency in migration 0064; row-level security checks them again). The directory
 * holds professionals' work contacts, no client's data: everyone doing case work reads it.
 */

/** Keeps the whole directory: a unit manager or an administrator of the organisation. */
export const keepsDirectory = (actor: Actor) =>
  actor.roles.some((r) => r.role === "unit_manager" || r.role === "administrator");

/** Reads the directory: anyone doing case work, and its keepers. */
export const readsDirectory = (actor: Actor) => doesCaseWork(actor) || keepsDirectory(actor);

/** Keeps one agency: a keeper of the directory, or the agency's owner. */
export const keepsAgency = (actor: Actor, agency: { owner_id: string }) =>
  keepsDirectory(actor) || agency.owner_id === actor.userId;
