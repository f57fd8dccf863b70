import { sql } from "kysely";
import type { Actor } from "./actor.ts";
import { hasRole } from "./actor.ts";
import type { Trx } from "./transaction.ts";

/**
 * Whether the actor sees this case only through a break-glass grant (issue 19, item 6): then
 * they may read it and nothing else. Row-level security lets any live grant see the case, so
 * the case command (case-command.ts) asks this of every command on a case. Only a reader who
 * is neither assigned nor the unit's manager — one who holds a grant — costs a read, so the
 * everyday command pays nothing.
 */
export async function seesOnlyByBreakGlass(
  trx: Trx,
  actor: Actor,
  row: { id: string; unit_id: string; assigned_to_me: unknown },
): Promise<boolean> {
  if (row.assigned_to_me || hasRole(actor, "unit_manager", row.unit_id)) return false;
  const grants = await trx
    .selectFrom("access_grant")
    .select("kind")
    .where("case_id", "=", row.id)
    .where("user_id", "=", actor.userId)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .execute();
  return grants.length > 0 && grants.every((g) => g.kind === "break_glass");
}

/** The answer to a change tried through a break-glass grant. */
export const breakGlassReadOnly =
  "Nödåtkomst ger bara läsning. Be ärendets handläggare eller enhetschef om ändringen behövs.";

/**
 * The cases among these that the actor works other than by break-glass: a person's details
 * change only for someone who may change one of her cases.
 */
export async function casesNotOnlyByBreakGlass<C extends { id: string; unitId: string }>(
  trx: Trx,
  actor: Actor,
  cases: C[],
): Promise<C[]> {
  const kept: C[] = [];
  for (const c of cases) {
    const row = { id: c.id, unit_id: c.unitId, assigned_to_me: false };
    if (!(await seesOnlyByBreakGlass(trx, actor, row))) kept.push(c);
  }
  return kept;
}
