import { endOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { addWorkingHours } from "../../../shared/working-hours.ts";
import { type Actor, unitsWithRole } from "../../access/actor.ts";
import { accessibleCases, isAssigned } from "../../access/scope.ts";
import type { Trx } from "../../access/transaction.ts";
import { alertEscalationWorkingHours } from "../partner-contact/events.ts";
import { caseColumns, rowOf } from "./rows.ts";

/**
 * What partner contact puts on Att göra. Mine: events received across the barrier that I have
 * not acknowledged (a notice today; a risk alert within four working hours). Unit (for the
 * manager): a partner case nobody works yet, and a risk alert nobody acknowledged in time —
 * escalated to the manager, as seed 004 asks for rising risk "skyndsamt".
 */
export interface PartnerContactCandidate {
  kind: "barrier_notice" | "risk_alert_escalated" | "partner_unassigned";
  caseId: string;
  reference: string;
  personName: string;
  personId: string;
  unitId: string;
  dueAt: Date;
}

/** Events received across the barrier that nobody has acknowledged, on cases I may see. */
function unacknowledgedEvents(trx: Trx, actor: Actor) {
  return trx
    .selectFrom("barrier_event as e")
    .innerJoin("case as c", "c.id", "e.to_case_id")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select(["e.kind", "e.created_at", ...caseColumns])
    .where("e.acknowledged_at", "is", null)
    .where(accessibleCases(actor));
}

type Unacknowledged = ReturnType<typeof unacknowledgedEvents>;

/** Mine: the unacknowledged events of the cases I am assigned to. */
async function myNotices(
  unacknowledged: Unacknowledged,
  actor: Actor,
): Promise<PartnerContactCandidate[]> {
  const events = await unacknowledged.where((eb) => isAssigned(eb, actor.userId)).execute();
  return events.map((e) => ({
    kind: "barrier_notice" as const,
    ...rowOf(e),
    dueAt:
      e.kind === "risk_alert"
        ? addWorkingHours(e.created_at, alertEscalationWorkingHours)
        : endOfDay(stockholmDate(e.created_at)),
  }));
}

/** Open partner cases of the managed units that nobody is assigned to. */
function unassignedPartnerCases(trx: Trx, actor: Actor, managed: string[]) {
  return trx
    .selectFrom("case as c")
    .innerJoin("person as p", "p.id", "c.person_id")
    .select(["c.opened_at", ...caseColumns])
    .where("c.case_type", "=", "partner_contact")
    .where("c.status", "<>", "closed")
    .where("c.unit_id", "in", managed)
    .where(accessibleCases(actor))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("case_assignment as a")
            .select("a.id")
            .whereRef("a.case_id", "=", "c.id")
            .where("a.unassigned_at", "is", null),
        ),
      ),
    )
    .execute();
}

/** Unit: escalated risk alerts and unworked partner cases of the units I manage. */
async function managerItems(
  trx: Trx,
  actor: Actor,
  unacknowledged: Unacknowledged,
  managed: string[],
  now: Date,
): Promise<PartnerContactCandidate[]> {
  const [alerts, unassigned] = await Promise.all([
    unacknowledged.where("e.kind", "=", "risk_alert").where("c.unit_id", "in", managed).execute(),
    unassignedPartnerCases(trx, actor, managed),
  ]);
  return [
    // Escalated: only once the receiving worker's four working hours have run out.
    ...alerts
      .map((a) => ({
        kind: "risk_alert_escalated" as const,
        ...rowOf(a),
        dueAt: addWorkingHours(a.created_at, alertEscalationWorkingHours),
      }))
      .filter((a) => a.dueAt <= now),
    ...unassigned.map((u) => ({
      kind: "partner_unassigned" as const,
      ...rowOf(u),
      dueAt: endOfDay(stockholmDate(u.opened_at)),
    })),
  ];
}

export async function partnerContactItems(
  trx: Trx,
  actor: Actor,
  scope: "mine" | "unit",
  now: Date,
): Promise<PartnerContactCandidate[]> {
  const unacknowledged = unacknowledgedEvents(trx, actor);
  if (scope === "mine") return myNotices(unacknowledged, actor);
  const managed = unitsWithRole(actor, ["unit_manager"]);
  if (managed.length === 0) return [];
  return managerItems(trx, actor, unacknowledged, managed, now);
}
