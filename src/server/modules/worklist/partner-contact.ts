import type { InferResult } from "kysely";
import { endOfDay, stockholmDate } from "../../../shared/calendar.ts";
import { addWorkingHours } from "../../../shared/working-hours.ts";
import { type Actor, unitsWithRole } from "../../access/actor.ts";
import { accessibleCases } from "../../access/scope.ts";
import { alertEscalationWorkingHours } from "../partner-contact/events.ts";
import { caseColumns, type Names, rowOf, type Scoped } from "./rows.ts";

/** In an `in` list of units, so that an empty list is still valid SQL (matches no unit). */
const nobody = "00000000-0000-0000-0000-000000000000";

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

/** Mine: the events received across the barrier on cases I am assigned to, unacknowledged. */
export function myNotices(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .innerJoin("barrier_event as e", "e.to_case_id", "c.id")
    .select(["e.kind", "e.created_at", ...caseColumns])
    .where("e.acknowledged_at", "is", null);
}

/**
 * Unit: the unacknowledged risk alerts to cases of the units I manage, whatever the case's
 * status — read with the rule on their own (the scope `sc` of a manager is open cases only),
 * by the organisation's risk alerts (barrier_event_org_alert_idx).
 */
export function unitAlerts(db: Scoped, actor: Actor) {
  const managed = [...unitsWithRole(actor, ["unit_manager"]), nobody];
  return db
    .selectFrom("barrier_event as e")
    .innerJoin("case as c", "c.id", "e.to_case_id")
    .select(["e.kind", "e.created_at", ...caseColumns])
    .where("e.org_id", "=", actor.orgId)
    .where("e.kind", "=", "risk_alert")
    .where("e.acknowledged_at", "is", null)
    .where("c.unit_id", "in", managed)
    .where(accessibleCases(actor));
}

/** Unit: open partner cases of the managed units (my scope) that nobody is assigned to. */
export function unassignedPartnerCases(db: Scoped) {
  return db
    .selectFrom("sc as c")
    .select(["c.opened_at", ...caseColumns])
    .where("c.case_type", "=", "partner_contact")
    .where("c.status", "<>", "closed")
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
    );
}

type EventRow = InferResult<ReturnType<typeof myNotices>>[number] & Names;
type UnassignedRow = InferResult<ReturnType<typeof unassignedPartnerCases>>[number] & Names;

/** Mine: a notice is due today; a risk alert within four working hours. */
export function noticeCandidates(events: EventRow[]): PartnerContactCandidate[] {
  return events.map((e) => ({
    kind: "barrier_notice" as const,
    ...rowOf(e),
    dueAt:
      e.kind === "risk_alert"
        ? addWorkingHours(e.created_at, alertEscalationWorkingHours)
        : endOfDay(stockholmDate(e.created_at)),
  }));
}

/** Unit: escalated risk alerts and unworked partner cases of the units I manage. */
export function managerCandidates(
  alerts: EventRow[],
  unassigned: UnassignedRow[],
  now: Date,
): PartnerContactCandidate[] {
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
