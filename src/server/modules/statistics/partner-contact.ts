import type { PartnerContactStatistics } from "../../../shared/api/statistics.ts";
import { addDays, addMonths } from "../../../shared/calendar.ts";
import { type Actor, hasRole, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { withActor, withReporting } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import { AppError } from "../../http/errors.ts";
import { type FigureScope, type RawFigures, readFigures } from "./figures.ts";

/**
 * Partner contact in figures. Counting crosses every case of the units in scope — cases the
 * asking manager or analyst may not open — so the counts are read as the reporting role
 * (withReporting, migrations 0033 and 0042), whose own row-level security lets a unit
 * manager count their units' cases and an analyst their organisation's, and whose column
 * grants hold no name or text; the units asked for here narrow that further. Only numbers
 * leave this module. A unit manager sees their own units' exact counts; an analyst sees the
 * organisation's, with 1–4 suppressed.
 */

export interface Scope extends FigureScope {
  suppressed: boolean;
  kind: "unit" | "organisation";
}

/** Whether the unit is one of the actor's organisation (unit has no row-level security). */
async function unitKnown(database: DatabaseHandle, actor: Actor, unitId: string) {
  const found = await withReporting(database.db, actor, (trx) =>
    trx
      .selectFrom("unit")
      .select("id")
      .where("id", "=", unitId)
      .where("org_id", "=", actor.orgId)
      .executeTakeFirst(),
  );
  return found !== undefined;
}

/**
 * Whose figures the actor may have: an analyst the organisation's (or one of its units), a
 * unit manager their own units'. A unit of another organisation, or none, is 404 for anyone;
 * the organisation's units are asked for only when a unit is named that the actor's roles do
 * not already place in it (a managed unit is the organisation's).
 */
export async function scopeOf(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  unitId: string | undefined,
): Promise<Scope> {
  const managed = unitsWithRole(actor, ["unit_manager"]);
  if (unitId && !managed.includes(unitId) && !(await unitKnown(database, actor, unitId)))
    throw new AppError(404, "not_found", "Enheten finns inte.");
  if (hasRole(actor, "analyst"))
    return {
      orgId: actor.orgId,
      units: unitId ? [unitId] : null,
      suppressed: true,
      kind: "organisation",
    };
  if (managed.length > 0 && (!unitId || managed.includes(unitId)))
    return {
      orgId: actor.orgId,
      units: unitId ? [unitId] : managed,
      suppressed: false,
      kind: "unit",
    };
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      { action: "statistics.read", outcome: "denied", resourceType: "unit", resourceId: unitId },
    ]),
  );
  throw new AppError(
    403,
    "forbidden",
    "Statistiken är för enhetschefer (den egna enheten) och analytiker.",
  );
}

export async function partnerContactStatistics(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  input: { from: string; to: string; unitId?: string },
): Promise<PartnerContactStatistics> {
  if (input.to < input.from)
    throw new AppError(400, "validation_failed", "Några uppgifter behöver rättas.", {
      to: "Periodens sista dag kan inte ligga före den första.",
    });
  const s = await scopeOf(database, actor, meta, input.unitId);
  // Outside the unit, whole months only: two overlapping periods a day apart would otherwise
  // give, by subtraction, the exact count of a single day (security review).
  const { from, to } =
    s.kind === "organisation"
      ? {
          from: `${input.from.slice(0, 7)}-01`,
          to: addDays(addMonths(`${input.to.slice(0, 7)}-01`, 1), -1),
        }
      : input;
  const raw = await withReporting(database.db, actor, (trx) => readFigures(trx, s, from, to));
  await withActor(database.db, actor, (trx) =>
    recordAudit(trx, auditContext(actor, meta), [
      {
        action: "statistics.read",
        resourceType: "unit",
        resourceId: input.unitId ?? null,
        data: { report: "partner_contact", from, to },
      },
    ]),
  );
  return shown(s, from, to, raw);
}

/**
 * The suppression rule of every figure outside the unit: 1–4 is shown as null (a handful
 * could point at a person); 0 and 5 or more as they are.
 */
export function suppressSmall(suppressed: boolean, count: number): number | null {
  return suppressed && count > 0 && count < 5 ? null : count;
}

/** The figures as shown: outside the unit, 1–4 are suppressed (a handful could point at a person). */
function shown(s: Scope, from: string, to: string, f: RawFigures): PartnerContactStatistics {
  const n = (v: unknown) => suppressSmall(s.suppressed, Number(v ?? 0));
  const acknowledged = n(f.alerts_acknowledged);
  return {
    from,
    to,
    scope: s.kind,
    suppressed: s.suppressed,
    treatment: {
      inTreatment: n(f.in_treatment),
      referred: {
        self: n(f.referred_self),
        social_services: n(f.referred_social_services),
        police_probation: n(f.referred_police_probation),
      },
      ended: {
        completed: n(f.ended_completed),
        dropped_out: n(f.ended_dropped_out),
        ended_by_unit: n(f.ended_by_unit),
      },
    },
    partnerContact: {
      informed: n(f.informed),
      consentGiven: n(f.consent_given),
      consentWithdrawn: n(f.consent_withdrawn),
      refused: n(f.refused),
      refusedAndContinued: n(f.refused_and_continued),
      exceptions: {
        sheltered_housing: n(f.exception_sheltered_housing),
        abroad: n(f.exception_abroad),
        long_ended: n(f.exception_long_ended),
        controlling_pattern: n(f.exception_controlling_pattern),
      },
    },
    partners: {
      contacted: n(f.contacted),
      reached: n(f.reached),
      accepted: n(f.accepted),
      declined: n(f.declined),
      notReachable: n(f.not_reachable),
    },
    alerts: {
      raised: n(f.alerts_raised),
      fromTreatmentSide: n(f.alerts_from_treatment),
      fromPartnerSide: n(f.alerts_from_partner),
      acknowledged,
      unacknowledged: n(Number(f.alerts_raised) - Number(f.alerts_acknowledged)),
      // Times of a suppressed handful could point at a person too.
      medianMinutesToAcknowledge: acknowledged === null ? null : f.alert_minutes_median,
      longestMinutesToAcknowledge:
        acknowledged === null || f.alert_minutes_longest === null
          ? null
          : Number(f.alert_minutes_longest),
    },
  };
}
