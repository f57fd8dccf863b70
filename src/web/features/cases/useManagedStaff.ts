import type { StaffMember } from "../../api/endpoints";
import { managedUnits } from "../../auth/permissions";
import { useApi, useMe } from "../../auth/useAuth";
import { type Query, useQuery } from "../../hooks/useQuery";

/**
 * Who works in the units the signed-in user manages, each once, by name: the choices of a
 * worker filter (the unit's cases, Att göra) and of the log review's user. Null for someone
 * who manages no unit (nothing is read).
 */
export function useManagedStaff(): Query<StaffMember[]> | null {
  const api = useApi();
  const me = useMe();
  const units = managedUnits(me.roles);
  const staff = useQuery(
    units.length > 0 ? ["staff", "managed", units.map((u) => u.id)] : null,
    async (signal) => {
      const lists = await Promise.all(units.map((u) => api.staff(u.id, signal)));
      // Someone working in two of the manager's units is listed once.
      const byId = new Map<string, StaffMember>();
      for (const member of lists.flatMap((l) => l.users)) byId.set(member.id, member);
      return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, "sv"));
    },
  );
  return units.length > 0 ? staff : null;
}

/** The worker filter's choices: "Ingen ansvarig", then each member of the managed units. */
export function workerOptions(
  staff: Query<StaffMember[]> | null,
  noneLabel: string,
): { value: string; label: string }[] {
  const members = staff?.state.status === "ready" ? staff.state.data : [];
  return [
    { value: "none", label: noneLabel },
    ...members.map((m) => ({ value: m.id, label: m.displayName })),
  ];
}
