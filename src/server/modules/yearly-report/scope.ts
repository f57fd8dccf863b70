import { type Actor, hasRole, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { withActor } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Whose yearly report the actor may run, for which units, and whether it leaves the unit.
 *
 * - An analyst reports on every unit of the organisation; a unit manager on the units she
 *   manages. Anyone else: 403, audited.
 * - Units named must be the organisation's (another organisation's, or none: 404, audited —
 *   the same answer as for a unit that does not exist) and ones the actor reports on (a
 *   manager naming a unit she does not manage: 403, audited).
 * - No unit named: every unit the actor reports on.
 * - "Inside the unit" (exact figures, links to the lists) when the actor holds a role in
 *   every unit the report covers; otherwise 1–4 and their complements are hidden.
 */
export interface ReportScope {
  orgId: string;
  units: { id: string; name: string }[];
  /** null: the organisation as a whole (an analyst, no unit named). */
  unitIds: string[] | null;
  suppressed: boolean;
  kind: "unit" | "organisation";
}

async function refuse(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  status: 403 | 404,
  unitId: string | null,
  year: number,
): Promise<never> {
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        outcome: "denied",
        resourceType: "unit",
        resourceId: unitId,
        data: { report: "yearly", from: `${year}-01-01`, to: `${year}-12-31` },
      },
    ]),
  );
  if (status === 404) throw new AppError(404, "not_found", "Enheten finns inte.");
  throw new AppError(
    403,
    "forbidden",
    "Årsrapporten är för enhetschefer (de egna enheterna) och analytiker.",
  );
}

export async function reportScope(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  named: string[] | undefined,
  year: number,
): Promise<ReportScope> {
  const analyst = hasRole(actor, "analyst");
  const managed = unitsWithRole(actor, ["unit_manager"]);
  if (!analyst && managed.length === 0)
    return refuse(database, actor, meta, 403, named?.[0] ?? null, year);
  const orgUnits = await withActor(database.db, actor, (trx) =>
    trx
      .selectFrom("unit")
      .select(["id", "name"])
      .where("org_id", "=", actor.orgId)
      .orderBy("name")
      .execute(),
  );
  const wanted = named && named.length > 0 ? [...new Set(named)] : null;
  const unknown = wanted?.find((id) => !orgUnits.some((u) => u.id === id));
  if (unknown) return refuse(database, actor, meta, 404, unknown, year);
  const notMine = analyst ? undefined : wanted?.find((id) => !managed.includes(id));
  if (notMine) return refuse(database, actor, meta, 403, notMine, year);
  const covered = wanted ?? (analyst ? orgUnits.map((u) => u.id) : managed);
  const inside =
    covered.length > 0 && covered.every((id) => actor.roles.some((r) => r.unitId === id));
  return {
    orgId: actor.orgId,
    units: orgUnits.filter((u) => covered.includes(u.id)),
    unitIds: wanted ?? (analyst ? null : managed),
    suppressed: !inside,
    kind: inside ? "unit" : "organisation",
  };
}
