import { type Actor, unitsWithRole } from "../../access/actor.ts";
import { readsDirectory } from "../agencies/policy.ts";

/**
 * Who may do what with agreements and assignments (the same rules as frid_manages_agreement
 * and frid_follows_up_agreement in migration 0064; row-level security checks them again).
 * Agreements are the organisation's own, no client's data: whoever reads the directory reads
 * them.
 */
export const readsAgreements = readsDirectory;

/** The units whose agreements and assignments the actor adds and changes. */
export const managedUnits = (actor: Actor) => unitsWithRole(actor, ["unit_manager"]);

/** Changes an agreement or assignment: a unit manager of its owning unit. */
export const managesUnit = (actor: Actor, unitId: string) => managedUnits(actor).includes(unitId);

/** Records a follow-up: a manager of the owning unit, or one of its responsible users. */
export const followsUp = (actor: Actor, unitId: string, responsibleUserIds: readonly string[]) =>
  managesUnit(actor, unitId) || responsibleUserIds.includes(actor.userId);
