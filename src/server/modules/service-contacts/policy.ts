import { serviceRoles } from "../../../shared/api/service-contacts.ts";
import { type Actor, unitsWithRole } from "../../access/actor.ts";

/**
 * Who may do what with service contacts (issue 17), the application's side of 0056's rules:
 * a course is seen by its responsible worker, by every worker of one of its contacts and by
 * the managers of its unit (frid_can_see_service_course); contacts are given by the unit's
 * case workers and managers (frid_gives_service), never by a consultant, an analyst or an
 * administrator.
 */

/** Units where the actor gives service contacts. */
export const serviceUnits = (actor: Actor) => unitsWithRole(actor, serviceRoles);

export const givesService = (actor: Actor, unitId: string) => serviceUnits(actor).includes(unitId);

/** Units whose courses the actor sees all of, as their manager. */
export const managedServiceUnits = (actor: Actor) => unitsWithRole(actor, ["unit_manager"]);

export const managesUnit = (actor: Actor, unitId: string) =>
  managedServiceUnits(actor).includes(unitId);
