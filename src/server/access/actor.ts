import type { RoleName } from "../db/types.ts";

export interface RoleHeld {
  id: string;
  unitId: string | null;
  unitName: string | null;
  role: RoleName;
}

/** The logged-in user a request acts for, as the session and role tables say now. */
export interface Actor {
  userId: string;
  orgId: string;
  username: string;
  displayName: string;
  roles: RoleHeld[];
}

/** What the audit trail records about the request besides the actor. */
export interface RequestMeta {
  requestId: string;
  clientAddress: string | null;
}

export function hasRole(actor: Actor, role: RoleName, unitId?: string): boolean {
  return actor.roles.some((r) => r.role === role && (unitId === undefined || r.unitId === unitId));
}

export function unitsWithRole(actor: Actor, roles: readonly RoleName[]): string[] {
  return [
    ...new Set(
      actor.roles.filter((r) => r.unitId && roles.includes(r.role)).map((r) => r.unitId as string),
    ),
  ];
}

/** The role to record in the audit trail for an action in a unit (or the first held). */
export function roleIn(actor: Actor, unitId?: string | null): RoleName | null {
  const inUnit = unitId ? actor.roles.find((r) => r.unitId === unitId) : undefined;
  return (inUnit ?? actor.roles[0])?.role ?? null;
}
