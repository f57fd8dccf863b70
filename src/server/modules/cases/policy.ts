import { allowedNextStatuses, type CaseStatus } from "../../../shared/case-status.ts";
import type { Actor } from "../../access/actor.ts";
import { hasRole } from "../../access/actor.ts";
import type { CaseTypeName } from "../../db/types.ts";

/**
 * Who may do what with a case they can see (seeing it at all is accessibleCases()).
 * Reads like the rule: an assigned worker works the case; the unit manager decides who
 * works it, who else may look, and where barriers go.
 */
export type CaseAction =
  | "case.open"
  | "case.assign"
  | "case.grant"
  | "barrier.create"
  | "case.status";

const caseworkAndManagers = [
  "caseworker",
  "therapist",
  "protection_officer",
  "unit_manager",
] as const;

export function can(
  actor: Actor,
  action: CaseAction,
  resource: { unitId: string; assignedToMe?: boolean },
): boolean {
  switch (action) {
    case "case.status":
      // The workers on the case move it along; the manager may too.
      return Boolean(resource.assignedToMe) || hasRole(actor, "unit_manager", resource.unitId);
    case "case.open":
      return caseworkAndManagers.some((role) => hasRole(actor, role, resource.unitId));
    case "case.assign":
    case "case.grant":
    case "barrier.create":
      return hasRole(actor, "unit_manager", resource.unitId);
  }
}

/** The statuses in which a decision on an intervention is made: the case has been looked into. */
export const decidableStatuses: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  "investigation",
  "implementation",
  "follow_up",
]);

export interface CaseState {
  unitId: string;
  assignedToMe: boolean;
  caseType: CaseTypeName;
  status: CaseStatus;
  /** Seen only through a break-glass grant (issue 19, item 6): reading, nothing else. */
  readOnly?: boolean;
}

/**
 * What the actor may do in a case they can see (a barrier against them hides it entirely:
 * they never get this far), from the case's state and their role. Sent with the case so the
 * page shows what the server allows, and checked by runCaseCommand (access/case-command.ts).
 */
export function abilities(actor: Actor, c: CaseState) {
  // Nothing in a closed case changes until it is reopened (a status change); nothing at all
  // changes through a break-glass grant, which is for reading in an emergency.
  const open = c.status !== "closed" && !c.readOnly;
  return {
    // Who works the case, who else may look and where barriers go stay the manager's to
    // decide on a closed case too: access, not content.
    assign: can(actor, "case.assign", c),
    grant: can(actor, "case.grant", c),
    barrier: can(actor, "barrier.create", c),
    nextStatuses:
      can(actor, "case.status", c) && !c.readOnly ? allowedNextStatuses(c.caseType, c.status) : [],
    // Whoever may see an open case documents in it (the journal's own rules handle drafts).
    writeJournal: open,
    change: open,
    // A decision needs the matter looked into first (and an open case: closed is not here).
    decide: decidableStatuses.has(c.status) && !c.readOnly,
  };
}

export type CaseAbilities = ReturnType<typeof abilities>;

/** The state abilities() needs, from a case row as the case queries read it. */
export function caseState(row: {
  unit_id: string;
  assigned_to_me: unknown;
  case_type: CaseTypeName;
  status: CaseStatus;
}): CaseState {
  return {
    unitId: row.unit_id,
    assignedToMe: Boolean(row.assigned_to_me),
    caseType: row.case_type,
    status: row.status,
  };
}

/**
 * Whether the actor sees the case only through a break-glass grant: not assigned, not its
 * unit's manager, and no live grant of their own but a break-glass one. From the case page's
 * live grants (no further read).
 */
export function readOnlyThroughGrants(
  actor: Actor,
  row: { unit_id: string; assigned_to_me: unknown; grants: { userId: string; kind: string }[] },
): boolean {
  if (row.assigned_to_me || hasRole(actor, "unit_manager", row.unit_id)) return false;
  const mine = row.grants.filter((g) => g.userId === actor.userId);
  return mine.length > 0 && mine.every((g) => g.kind === "break_glass");
}
