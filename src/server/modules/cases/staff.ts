import type { Actor, RequestMeta } from "../../access/actor.ts";
import { runCaseCommand } from "../../access/case-command.ts";
import { withActor } from "../../access/transaction.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { assignableStaff, barredFrom } from "./queries.ts";

type StaffRow = Awaited<ReturnType<typeof assignableStaff>>[number];

/** Each person once, with their roles in the unit. */
function byUser(rows: readonly StaffRow[]) {
  const users = new Map<string, { id: string; displayName: string; roles: string[] }>();
  for (const r of rows) {
    const u = users.get(r.id) ?? { id: r.id, displayName: r.display_name, roles: [] };
    u.roles.push(r.role);
    users.set(r.id, u);
  }
  return [...users.values()];
}

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
  return { users: byUser(rows) };
}

/**
 * Who the unit manager may assign to this case or give access to it: the unit's staff
 * without anyone an information barrier keeps from it (assignCase and grantAccess refuse
 * them), so the forms offer only those. A read of the case: 404 audited when it is not
 * visible, 403 audited for anyone but its unit's manager.
 */
export function assignableToCase(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  caseId: string,
) {
  return runCaseCommand(database, actor, meta, {
    caseId,
    action: "case.read",
    requires: [
      { role: "case.assign", refusal: "Bara enhetschefen för ärendets enhet fördelar det." },
    ],
    run: async ({ trx, case: c }) => {
      const users = [];
      // One after another: the queries share the transaction's one connection.
      for (const u of byUser(await assignableStaff(trx, actor.orgId, c.unit_id))) {
        if (!(await barredFrom(trx, caseId, u.id))) users.push(u);
      }
      return { users };
    },
  });
}
