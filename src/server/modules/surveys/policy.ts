import { type Actor, unitsWithRole } from "../../access/actor.ts";

/**
 * Who makes and reads a unit's competence-needs surveys: its consultants (the resource
 * function's staff) and managers — frid_makes_surveys in migration 0060; row-level security
 * checks it again.
 */
export const surveyUnits = (actor: Actor) => unitsWithRole(actor, ["consultant", "unit_manager"]);

/** The most links opened or sent in one request (a county's principals are about 200). */
export const maxRespondents = 500;
