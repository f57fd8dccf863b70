import type { Role } from "../../../shared/api/roles.ts";
import { type Actor, unitsWithRole } from "../../access/actor.ts";

/** Who answers a unit's chat: every role there but administrator, analyst and shelter staff. */
export const chatRoles: readonly Role[] = [
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
  "consultant",
  "housing_coordinator",
];

/** The units whose chat (and hand-overs) the actor answers. */
export const chatUnitsOf = (actor: Actor): string[] => unitsWithRole(actor, chatRoles);

/** The units whose chat settings the actor sets: those they manage. */
export const managedUnitsOf = (actor: Actor): string[] => unitsWithRole(actor, ["unit_manager"]);

/** Answers no chat at all (403 rather than an empty queue, so the page can say why). */
export const answersNoChat = (actor: Actor): boolean => chatUnitsOf(actor).length === 0;
