import type { Actor } from "../../access/actor.ts";
import { hasRole } from "../../access/actor.ts";

/**
 * Who may do what with a case they can see (seeing it at all is accessibleCases()).
 * Reads like the rule: an assigned worker works the case; the unit manager decides who
 * works it, who else may look, and where barriers go.
 */
export type CaseAction = "case.open" | "case.assign" | "case.grant" | "barrier.create";

const caseworkAndManagers = [
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
] as const;

export function can(actor: Actor, action: CaseAction, resource: { unitId: string }): boolean {
  switch (action) {
    case "case.open":
      return caseworkAndManagers.some((role) => hasRole(actor, role, resource.unitId));
    case "case.assign":
    case "case.grant":
    case "barrier.create":
      return hasRole(actor, "unit_manager", resource.unitId);
  }
}

export function abilities(actor: Actor, c: { unitId: string }) {
  return {
    assign: can(actor, "case.assign", c),
    grant: can(actor, "case.grant", c),
    barrier: can(actor, "barrier.create", c),
  };
}
