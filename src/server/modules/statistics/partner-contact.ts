import type { Kysely } from "kysely";
import type { PartnerContactStatistics } from "../../../shared/api/statistics.ts";
import { addDays, addMonths, endOfDay, startOfDay } from "../../../shared/calendar.ts";
import { type Actor, hasRole, type RequestMeta, unitsWithRole } from "../../access/actor.ts";
import { type Trx, withActor, withReporting } from "../../access/transaction.ts";
import { auditContext, recordAudit } from "../../audit/record.ts";
import type { DatabaseHandle } from "../../db/connection.ts";
import type { Database } from "../../db/types.ts";
import { AppError } from "../../http/errors.ts";

/**
 * Partner contact in figures. Counting crosses every case of the units in scope — cases the
 * asking manager or analyst may not open — so the counts are read as the reporting role
 * (withReporting, migration 0033), whose own row-level security lets a unit manager count
 * their units' cases and an analyst their organisation's, and whose column grants hold no
 * name or text; the units asked for here narrow that further. Only numbers leave this
 * module. A unit manager sees their own units' exact counts; an analyst sees the
 * organisation's, with 1–4 suppressed.
 */

interface Scope {
  orgId: string;
  units: string[];
  suppressed: boolean;
  kind: "unit" | "organisation";
}

async function scopeOf(
  database: DatabaseHandle,
  actor: Actor,
  meta: RequestMeta,
  unitId: string | undefined,
): Promise<Scope> {
  const managed = unitsWithRole(actor, ["unit_manager"]);
  const analyst = hasRole(actor, "analyst");
  const orgUnits = (
    await withReporting(database.db, actor, (trx) =>
      trx.selectFrom("unit").select("id").where("org_id", "=", actor.orgId).execute(),
    )
  ).map((u) => u.id);
  if (unitId && !orgUnits.includes(unitId))
    throw new AppError(404, "not_found", "Enheten finns inte.");
  if (analyst)
    return {
      orgId: actor.orgId,
      units: unitId ? [unitId] : orgUnits,
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

const toNumber = (v: unknown) => Number(v ?? 0);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Treatments of the units in scope. The treatment's own org_id leads migration 0036's
 * indexes by day (referred, informed, started, ended): a year's count reads that year's
 * treatments of the organisation, not every treatment in the database. The units (all of
 * the organisation, scopeOf) say the case's organisation; naming it on the case too made the
 * planner misjudge a unit's cases as a few hundred and read every case of the unit instead.
 */
function treatments(db: Kysely<Database>, s: Scope) {
  return db
    .selectFrom("treatment as x")
    .innerJoin("case as c", "c.id", "x.case_id")
    .where("x.org_id", "=", s.orgId)
    .where("c.unit_id", "in", s.units);
}

async function count(
  db: Kysely<Database>,
  s: Scope,
  where: (q: ReturnType<typeof treatments>) => ReturnType<typeof treatments>,
) {
  const row = await where(treatments(db, s))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return toNumber(row?.n);
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
  const result = await withReporting(database.db, actor, (trx) => figures(trx, s, from, to));
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
  return result;
}

/** One period: its first and last day, and the instants that bound them. */
interface Period {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** Counts as shown: outside the unit, 1–4 are suppressed (a handful could point at a person). */
function shownCounts(s: Scope) {
  const n = (v: number) => (s.suppressed && v > 0 && v < 5 ? null : v);
  const of = <K extends string>(rows: { k: unknown; n: unknown }[], keys: readonly K[]) =>
    Object.fromEntries(
      keys.map((k) => [k, n(toNumber(rows.find((r) => String(r.k) === k)?.n))]),
    ) as Record<K, number | null>;
  return { n, of };
}

type Shown = ReturnType<typeof shownCounts>;

/** Treatments going on in the period, referred in it, and ended in it. */
async function treatmentFigures(db: Trx, s: Scope, { from, to }: Period, { n, of }: Shown) {
  const inTreatment = await count(db, s, (q) =>
    q
      .where("x.started_on", "is not", null)
      .where("x.started_on", "<=", to)
      .where((eb) => eb.or([eb("x.ended_on", "is", null), eb("x.ended_on", ">=", from)])),
  );
  const referredRows = await treatments(db, s)
    .where("x.referred_on", ">=", from)
    .where("x.referred_on", "<=", to)
    .select(["x.referral_source as k", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("x.referral_source")
    .execute();
  const endedRows = await treatments(db, s)
    .where("x.ended_on", ">=", from)
    .where("x.ended_on", "<=", to)
    .select(["x.end_kind as k", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("x.end_kind")
    .execute();
  return {
    inTreatment: n(inTreatment),
    referred: of(referredRows, ["self", "social_services", "police_probation"] as const),
    ended: of(endedRows, ["completed", "dropped_out", "ended_by_unit"] as const),
  };
}

/*
 * The counts below name each row's own organisation, as treatments() does: it leads
 * migration 0039's index by day on each table, so a year's count reads that year's rows of
 * the organisation, not every row in the country with frid_reports_on_case on each. A row's
 * organisation is its case's (the insert policies write frid_org() and require a case the
 * writer may see; 0039 checked the rows there were); the units say which cases count.
 */

/** Partner-contact consents of the units in scope given, or withdrawn, in the period. */
async function consentCounts(db: Trx, s: Scope, { from, to }: Period) {
  const consents = db
    .selectFrom("consent as co")
    .innerJoin("case as c", "c.id", "co.case_id")
    .where("co.org_id", "=", s.orgId)
    .where("c.unit_id", "in", s.units)
    .where("co.scope", "=", "partner_contact");
  const consentGiven = toNumber(
    (
      await consents
        .where("co.given_on", ">=", from)
        .where("co.given_on", "<=", to)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst()
    )?.n,
  );
  const consentWithdrawn = toNumber(
    (
      await consents
        .where("co.revoked_on", ">=", from)
        .where("co.revoked_on", "<=", to)
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirst()
    )?.n,
  );
  return { consentGiven, consentWithdrawn };
}

/** Refusals of partner contact, by whether treatment continued. */
function refusalRows(db: Trx, s: Scope, { from, to }: Period) {
  return db
    .selectFrom("partner_contact_refusal as x")
    .innerJoin("case as c", "c.id", "x.case_id")
    .where("x.org_id", "=", s.orgId)
    .where("c.unit_id", "in", s.units)
    .where("x.refused_on", ">=", from)
    .where("x.refused_on", "<=", to)
    .select(["x.continue_treatment as k", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("x.continue_treatment")
    .execute();
}

/** Partners recorded in the period under an exception, by its kind. */
function exceptionRows(db: Trx, s: Scope, { start, end }: Period) {
  return db
    .selectFrom("partner as x")
    .innerJoin("case as c", "c.id", "x.case_id")
    .where("x.org_id", "=", s.orgId)
    .where("c.unit_id", "in", s.units)
    .where("x.exception_kind", "is not", null)
    .where("x.recorded_at", ">=", start)
    .where("x.recorded_at", "<=", end)
    .select(["x.exception_kind as k", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("x.exception_kind")
    .execute();
}

/** The treatment side's part: informed, consents, refusals and exceptions. */
async function partnerContactFigures(db: Trx, s: Scope, period: Period, { n, of }: Shown) {
  const informed = await count(db, s, (q) =>
    q
      .where("x.partner_info_given_on", ">=", period.from)
      .where("x.partner_info_given_on", "<=", period.to),
  );
  const { consentGiven, consentWithdrawn } = await consentCounts(db, s, period);
  const refusals = await refusalRows(db, s, period);
  const exceptions = await exceptionRows(db, s, period);
  return {
    informed: n(informed),
    consentGiven: n(consentGiven),
    consentWithdrawn: n(consentWithdrawn),
    refused: n(refusals.reduce((sum, r) => sum + toNumber(r.n), 0)),
    refusedAndContinued: n(toNumber(refusals.find((r) => r.k === true)?.n)),
    exceptions: of(exceptions, [
      "sheltered_housing",
      "abroad",
      "long_ended",
      "controlling_pattern",
    ] as const),
  };
}

/** The partner side's part: partners contacted in the period, by how it went. */
async function partnerFigures(db: Trx, s: Scope, { from, to }: Period, { n }: Shown) {
  const attempts = await db
    .selectFrom("partner_contact_attempt as a")
    .innerJoin("case as c", "c.id", "a.case_id")
    .where("a.org_id", "=", s.orgId)
    .where("c.unit_id", "in", s.units)
    .where("a.attempted_on", ">=", from)
    .where("a.attempted_on", "<=", to)
    .select(["a.case_id", "a.outcome"])
    .execute();
  const byCase = new Map<string, Set<string>>();
  for (const a of attempts)
    byCase.set(a.case_id, (byCase.get(a.case_id) ?? new Set()).add(a.outcome));
  const cases = [...byCase.values()];
  const has = (o: Set<string>, ...outcomes: string[]) => outcomes.some((x) => o.has(x));
  return {
    contacted: n(cases.length),
    reached: n(cases.filter((o) => has(o, "accepted", "later_accepted", "declined")).length),
    accepted: n(cases.filter((o) => has(o, "accepted", "later_accepted")).length),
    declined: n(cases.filter((o) => has(o, "declined") && !has(o, "later_accepted")).length),
    notReachable: n(
      cases.filter((o) => !has(o, "accepted", "later_accepted", "declined", "sent")).length,
    ),
  };
}

/** Risk alerts raised in the period from the units in scope, and how soon they were seen. */
async function alertFigures(db: Trx, s: Scope, { start, end }: Period, { n }: Shown) {
  const alerts = await db
    .selectFrom("barrier_event as e")
    .innerJoin("case as c", "c.id", "e.from_case_id")
    .where("e.org_id", "=", s.orgId)
    .where("c.unit_id", "in", s.units)
    .where("e.kind", "=", "risk_alert")
    .where("e.created_at", ">=", start)
    .where("e.created_at", "<=", end)
    .select(["c.case_type", "e.created_at", "e.acknowledged_at"])
    .execute();
  const minutes = alerts
    .filter((a) => a.acknowledged_at)
    .map((a) =>
      Math.round(((a.acknowledged_at as Date).getTime() - a.created_at.getTime()) / 60_000),
    );
  return {
    raised: n(alerts.length),
    fromTreatmentSide: n(alerts.filter((a) => a.case_type === "perpetrator").length),
    fromPartnerSide: n(alerts.filter((a) => a.case_type === "partner_contact").length),
    acknowledged: n(minutes.length),
    unacknowledged: n(alerts.length - minutes.length),
    // Times of a suppressed handful could point at a person too.
    medianMinutesToAcknowledge: n(minutes.length) === null ? null : median(minutes),
    longestMinutesToAcknowledge:
      n(minutes.length) === null || minutes.length === 0 ? null : Math.max(...minutes),
  };
}

/** The counts of one period, read in the reporting transaction `db`. */
async function figures(
  db: Trx,
  s: Scope,
  from: string,
  to: string,
): Promise<PartnerContactStatistics> {
  const period: Period = { from, to, start: startOfDay(from), end: endOfDay(to) };
  const shown = shownCounts(s);
  return {
    from,
    to,
    scope: s.kind,
    suppressed: s.suppressed,
    treatment: await treatmentFigures(db, s, period, shown),
    partnerContact: await partnerContactFigures(db, s, period, shown),
    partners: await partnerFigures(db, s, period, shown),
    alerts: await alertFigures(db, s, period, shown),
  };
}
