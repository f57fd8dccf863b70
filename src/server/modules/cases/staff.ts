import type { Actor } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { assignableStaff } from "./queries.ts";

/**
 * Who can be assigned cases in a unit, for a member of that unit only (anyone else gets the
 * answer an unknown unit gets): each person once, with their roles there.
 */
export async function unitStaff(database: DatabaseHandle, actor: Actor, unitId: string) {
  if (!actor.roles.some((r) => r.unitId === unitId)) {
    throw new AppError(404, "not_found", "Enheten finns inte, eller så saknar du behörighet.");
  }
  const rows = await withActor(database.db, actor, (trx) =>
    assignableStaff(trx, actor.orgId, unitId),
  );
  const users = new Map<string, { id: string; displayName: string; roles: string[] }>();
  for (const r of rows) {
    const u = users.get(r.id) ?? { id: r.id, displayName: r.display_name, roles: [] };
    u.roles.push(r.role);
    users.set(r.id, u);
  }
  return { users: [...users.values()] };
}
