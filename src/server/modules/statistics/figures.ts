import { sql } from "kysely";
import { endOfDay, startOfDay } from "../../../shared/calendar.ts";
import type { Trx } from "../../access/transaction.ts";

/**
 * A period's partner-contact figures in ONE statement (issue 14: it was eleven, each with the
 * access rule run per row). Every table is reached by its own org_id and the day counted, so
 * the statement reads that period's rows of the organisation through migration 0036's and
 * 0039's indexes — not every row in the country, nor every case of the organisation — and
 * joins each row's case by its key for the unit. Treatments are read once for all four of
 * their figures. frid_report's row-level security (0033, 0042) is underneath: rows of cases
 * outside the units the actor reports on are not there to count.
 */

/** Which cases count: the organisation's (an analyst, no unit named) or the units'. */
export interface FigureScope {
  orgId: string;
  /** null: every unit of the organisation. */
  units: string[] | null;
}

/**
 * One counted table (`x`) of the organisation, by its own org_id, which leads its indexes by
 * day. In the organisation's scope that is all: frid_report's policies (0097) let through
 * only rows whose case is in a unit the actor reports on — every unit of the organisation,
 * for an analyst — by the unit the row carries (case_unit_id). Named units compare the same
 * column. `withCase` looks the row's case up by its key, for a column of it (its type).
 */
function joined(table: string, caseColumn: string, s: FigureScope, withCase = false) {
  const key = sql.ref(`x.${caseColumn}`);
  const lookup = withCase
    ? sql`join lateral (select c.case_type from "case" c where c.id = ${key} offset 0) c on true`
    : sql``;
  return sql`${sql.table(table)} x ${lookup}
   where x.org_id = ${s.orgId} and ${caseInUnits("x", s)}`;
}

/**
 * The figures' raw counts, as PostgreSQL returns them: counts (bigint) as text, the median as a
 * number, the longest time (numeric) as text or null.
 */
export interface RawFigures {
  in_treatment: string;
  referred_self: string;
  referred_social_services: string;
  referred_police_probation: string;
  ended_completed: string;
  ended_dropped_out: string;
  ended_by_unit: string;
  informed: string;
  consent_given: string;
  consent_withdrawn: string;
  refused: string;
  refused_and_continued: string;
  exception_sheltered_housing: string;
  exception_abroad: string;
  exception_long_ended: string;
  exception_controlling_pattern: string;
  contacted: string;
  reached: string;
  accepted: string;
  declined: string;
  not_reachable: string;
  alerts_raised: string;
  alerts_from_treatment: string;
  alerts_from_partner: string;
  alerts_acknowledged: string;
  alert_minutes_median: number | null;
  alert_minutes_longest: string | null;
}

const within = (column: string, from: string, to: string) =>
  sql`${sql.ref(column)} between ${from}::date and ${to}::date`;

/**
 * Treatments going on in the period, referred, told of partner contact, or ended in it: one
 * read of the treatments any of these can be — those whose latest such day is on or after the
 * period's start (report_until, 0102: one index range) — counted with a filter each.
 */
function treatmentCounts(s: FigureScope, from: string, to: string) {
  const referredBy = (k: string) =>
    sql`count(*) filter (where x.referral_source = ${k} and ${within("x.referred_on", from, to)})`;
  const endedAs = (k: string) =>
    sql`count(*) filter (where x.end_kind = ${k} and ${within("x.ended_on", from, to)})`;
  return sql`(select
      count(*) filter (where x.started_on <= ${to}::date
                         and (x.ended_on is null or x.ended_on >= ${from}::date)) as in_treatment,
      ${referredBy("self")} as referred_self,
      ${referredBy("social_services")} as referred_social_services,
      ${referredBy("police_probation")} as referred_police_probation,
      ${endedAs("completed")} as ended_completed, ${endedAs("dropped_out")} as ended_dropped_out,
      ${endedAs("ended_by_unit")} as ended_by_unit,
      count(*) filter (where ${within("x.partner_info_given_on", from, to)}) as informed
    from ${joined("treatment", "case_id", s)}
     and x.report_until >= ${from}::date) t`;
}

/** Partner-contact consents given, and withdrawn, in the period. */
function consentCounts(s: FigureScope, from: string, to: string) {
  const count = (column: string) => sql`(select count(*)
      from ${joined("consent", "case_id", s)}
       and x.scope = 'partner_contact' and ${within(column, from, to)})`;
  return sql`(select ${count("x.given_on")} as consent_given,
      ${count("x.revoked_on")} as consent_withdrawn) co`;
}

/** Refusals of partner contact in the period, and those where treatment continued. */
function refusalCounts(s: FigureScope, from: string, to: string) {
  return sql`(select count(*) as refused,
      count(*) filter (where x.continue_treatment) as refused_and_continued
    from ${joined("partner_contact_refusal", "case_id", s)}
     and ${within("x.refused_on", from, to)}) rf`;
}

/** Partners recorded in the period under an exception, by its kind. */
function exceptionCounts(s: FigureScope, start: Date, end: Date) {
  const kind = (k: string) => sql`count(*) filter (where x.exception_kind = ${k})`;
  return sql`(select ${kind("sheltered_housing")} as exception_sheltered_housing,
      ${kind("abroad")} as exception_abroad, ${kind("long_ended")} as exception_long_ended,
      ${kind("controlling_pattern")} as exception_controlling_pattern
    from ${joined("partner", "case_id", s)}
     and x.exception_kind is not null
     and x.recorded_at >= ${start} and x.recorded_at <= ${end}) ex`;
}

/** Partners contacted in the period, each case once, by how it went (all its attempts). */
function partnerCounts(s: FigureScope, from: string, to: string) {
  return sql`(select count(*) as contacted,
      count(*) filter (where o && array['accepted', 'later_accepted', 'declined']) as reached,
      count(*) filter (where o && array['accepted', 'later_accepted']) as accepted,
      count(*) filter (where 'declined' = any(o) and not 'later_accepted' = any(o)) as declined,
      count(*) filter (where not o && array['accepted', 'later_accepted', 'declined', 'sent'])
        as not_reachable
    from (select array_agg(distinct x.outcome) as o
            from ${joined("partner_contact_attempt", "case_id", s)}
             and ${within("x.attempted_on", from, to)}
           group by x.case_id) attempts) pa`;
}

/**
 * Risk alerts raised in the period from cases in scope, and minutes to acknowledgement as the
 * application has always counted them: whole milliseconds apart, rounded half up.
 */
function alertCounts(s: FigureScope, start: Date, end: Date) {
  const ms = (column: string) => sql`floor(extract(epoch from ${sql.ref(column)}) * 1000)`;
  return sql`(select count(*) as alerts_raised,
      count(*) filter (where e.case_type = 'perpetrator') as alerts_from_treatment,
      count(*) filter (where e.case_type = 'partner_contact') as alerts_from_partner,
      count(e.m) as alerts_acknowledged,
      percentile_cont(0.5) within group (order by e.m) as alert_minutes_median,
      max(e.m) as alert_minutes_longest
    from (select c.case_type,
                 floor((${ms("x.acknowledged_at")} - ${ms("x.created_at")}) / 60000.0 + 0.5) as m
            from ${joined("barrier_event", "from_case_id", s, true)}
             and x.kind = 'risk_alert' and x.created_at >= ${start} and x.created_at <= ${end}) e) al`;
}

/** Every figure of the period: one statement, one row (each part is an aggregate's one row). */
export function figuresQuery(s: FigureScope, from: string, to: string) {
  const [start, end] = [startOfDay(from), endOfDay(to)];
  return sql<RawFigures>`select *
    from ${treatmentCounts(s, from, to)}, ${consentCounts(s, from, to)},
      ${refusalCounts(s, from, to)}, ${exceptionCounts(s, start, end)},
      ${partnerCounts(s, from, to)}, ${alertCounts(s, start, end)}`;
}

export async function readFigures(
  db: Trx,
  s: FigureScope,
  from: string,
  to: string,
): Promise<RawFigures> {
  const row = (await figuresQuery(s, from, to).execute(db)).rows[0];
  if (!row) throw new Error("the figures' statement returned no row");
  return row;
}

/**
 * The year's rows of a table of the organisation in the scope's units, by the day they count
 * by, as the first step of a count (a MATERIALIZED CTE): the year's rows come first, read by
 * the table's (org_id, day) index, and only then is anything joined to them — the planner
 * would otherwise start from every case the actor reports on and look for each one's rows.
 */
export function yearRows(
  table: string,
  columns: string[],
  day: string,
  s: FigureScope,
  from: Date | string,
  to: Date | string,
) {
  // The columns by name: the reporting role may read only the ones granted to it.
  const cols = sql.join([...new Set([...columns, day])].map((c) => sql.ref(`x.${c}`)));
  const d = sql.ref(`x.${day}`);
  return sql`select ${cols} from ${sql.table(table)} x
    where x.org_id = ${s.orgId} and ${d} >= ${from} and ${d} < ${to} and ${caseInUnits("x", s)}`;
}

/**
 * Whether the row (alias `row`) is of a case in the named units: by the unit the row carries
 * (`case_unit_id`, 0097), or the case's own `unit_id` when the row is the case. `true` when
 * none are named, since the row's own reporting policy already keeps only cases of the units
 * the actor reports on.
 */
export function caseInUnits(
  row: string,
  s: FigureScope,
  column: "case_unit_id" | "unit_id" = "case_unit_id",
) {
  return s.units === null
    ? sql`true`
    : sql`${sql.ref(`${row}.${column}`)} = any(${s.units}::uuid[])`;
}

/**
 * A timestamp column's day in Sweden (YYYY-MM-DD as text, null for null): the day a deadline
 * or a period counts by, as shared/calendar.ts's stockholmDate says it in Node.
 */
export const stockholmDay = (column: string) =>
  sql<string | null>`(${sql.ref(column)} at time zone 'Europe/Stockholm')::date::text`;
