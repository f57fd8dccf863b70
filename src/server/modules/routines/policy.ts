import type { Actor } from "../../access/actor.ts";
import { keepsDirectory } from "../agencies/policy.ts";

/**
 * Who may do what with the routines register (the same rules as the policies of migration
 * 0088; row-level security checks them again). Routines are the organisation's own written
 * routines, not secret and no client's data: everyone with a role in the organisation reads
 * the register and downloads the documents; managers and administrators keep it, as they
 * keep the agency directory.
 */
export const readsRoutines = (actor: Actor) => actor.roles.length > 0;

export const keepsRoutines = keepsDirectory;
