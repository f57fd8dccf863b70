import type { Actor } from "../../src/server/access/actor.ts";
import type { Cast } from "./discover.ts";
import { actorParams, auditCte, type MinimalTransaction, type ScaleRequest } from "./minimal.ts";
import { asOwner, named } from "./sql.ts";

/**
 * The minimal SQL of a year's partner-contact figures: what a careful engineer would write by
 * hand for the same figures — one statement, as the tables' owner, stating the access rule
 * itself and inserting the audit event in a data-modifying CTE.
 *
 * - The rule (migrations 0033, 0042): the units the actor reports on — any unit of the
 *   organisation for an analyst, their own for a unit manager — read once, from the role
 *   tables; a row counts when its case is in the organisation and in one of those units (and,
 *   for a unit manager's view, in the units they asked about: their own).
 * - Each table is read by its own org_id and the day counted (0036's and 0039's indexes), and
 *   each row's case is looked up by its key; treatments are read once for all four of their
 *   figures. Whole-year ranges as the server widens them; instants as Stockholm's days.
 *
 * The figures' columns are the API's, so the benchmark's check can compare them.
 */
const within = (column: string) => `${column} between :from::date and :to::date`;
const instant = (column: string) =>
  `${column} >= (:from::date)::timestamp at time zone 'Europe/Stockholm'
   and ${column} < (:to::date + 1)::timestamp at time zone 'Europe/Stockholm'`;

/** `table x` of the organisation, with its case `c` when it counts (the rule and the scope). */
function counted(table: string, caseColumn: string, units: string, withCase = false) {
  // Each row says its case's unit (case_unit_id, migration 0097); the case is read only for
  // a column of it (the sending case's type of a risk alert).
  const lookup = withCase
    ? `join lateral (select c.case_type from "case" c where c.id = x.${caseColumn} offset 0) c on true`
    : "";
  return `${table} x ${lookup}
   where x.org_id = :org and x.case_unit_id = any((select units from rule)::uuid[]) ${units}`;
}

/** The statement; without `audit` (the yearly report reads these figures inside its own event) no event. */
export function partnerFiguresSql(units: string, audit = true) {
  const referred = (k: string) =>
    `count(*) filter (where x.referral_source = '${k}' and ${within("x.referred_on")})`;
  const ended = (k: string) =>
    `count(*) filter (where x.end_kind = '${k}' and ${within("x.ended_on")})`;
  const exception = (k: string) => `count(*) filter (where x.exception_kind = '${k}')`;
  return `with rule as (
      select coalesce(array_agg(u.id), '{}') as units from unit u
       where u.org_id = :org
         and exists (select 1 from role_assignment r
                      where r.user_id = :user and r.org_id = :org
                        and (r.role = 'analyst' or (r.role = 'unit_manager' and r.unit_id = u.id)))),
    ${
      audit
        ? `${auditCte({
            action: "statistics.read",
            resourceType: "unit",
            data: `jsonb_build_object('report', 'partner_contact', 'from', :from::text, 'to', :to::text)`,
          })}`
        : "audit as (select null::bigint as id)"
    }
    select * from
      (select count(*) filter (where x.started_on <= :to::date
                                 and (x.ended_on is null or x.ended_on >= :from::date)) as in_treatment,
          ${referred("self")} as referred_self, ${referred("social_services")} as referred_social_services,
          ${referred("police_probation")} as referred_police_probation,
          ${ended("completed")} as ended_completed, ${ended("dropped_out")} as ended_dropped_out,
          ${ended("ended_by_unit")} as ended_by_unit,
          count(*) filter (where ${within("x.partner_info_given_on")}) as informed
         from ${counted("treatment", "case_id", units)}
          and x.report_until >= :from::date) t,
      (select (select count(*) from ${counted("consent", "case_id", units)}
                 and x.scope = 'partner_contact' and ${within("x.given_on")}) as consent_given,
              (select count(*) from ${counted("consent", "case_id", units)}
                 and x.scope = 'partner_contact' and ${within("x.revoked_on")}) as consent_withdrawn) co,
      (select count(*) as refused, count(*) filter (where x.continue_treatment) as refused_and_continued
         from ${counted("partner_contact_refusal", "case_id", units)} and ${within("x.refused_on")}) rf,
      (select ${exception("sheltered_housing")} as exception_sheltered_housing,
          ${exception("abroad")} as exception_abroad, ${exception("long_ended")} as exception_long_ended,
          ${exception("controlling_pattern")} as exception_controlling_pattern
         from ${counted("partner", "case_id", units)}
          and x.exception_kind is not null and ${instant("x.recorded_at")}) ex,
      (select count(*) as contacted,
          count(*) filter (where o && array['accepted', 'later_accepted', 'declined']) as reached,
          count(*) filter (where o && array['accepted', 'later_accepted']) as accepted,
          count(*) filter (where 'declined' = any(o) and not 'later_accepted' = any(o)) as declined,
          count(*) filter (where not o && array['accepted', 'later_accepted', 'declined', 'sent'])
            as not_reachable
         from (select array_agg(distinct x.outcome) as o
                 from ${counted("partner_contact_attempt", "case_id", units)}
                  and ${within("x.attempted_on")} group by x.case_id) a) pa,
      (select count(*) as alerts_raised,
          count(*) filter (where e.case_type = 'perpetrator') as alerts_from_treatment,
          count(*) filter (where e.case_type = 'partner_contact') as alerts_from_partner,
          count(e.m) as alerts_acknowledged,
          percentile_cont(0.5) within group (order by e.m) as alert_minutes_median,
          max(e.m) as alert_minutes_longest
         from (select c.case_type, round(extract(epoch from x.acknowledged_at - x.created_at) / 60) as m
                 from ${counted("barrier_event", "from_case_id", units, true)}
                  and x.kind = 'risk_alert' and ${instant("x.created_at")}) e) al,
      (select id as audit_id from audit) au`;
}

/** The statement and its parameters (exported for the check that it gives the API's figures). */
export function statisticsStatement(cast: Cast, actor: Actor, requestId: string, whole: boolean) {
  const params = {
    ...actorParams(actor, requestId),
    from: `${cast.year}-01-01`,
    to: `${cast.year}-12-31`,
  };
  // A unit manager's view is their own units (:managed); an analyst's the organisation.
  return named(
    partnerFiguresSql(whole ? "" : "and x.case_unit_id = any(:managed::uuid[])"),
    params,
  );
}

/**
 * One transaction as the owner, with sequential scans priced out as the server's reporting
 * transaction has them (access/transaction.ts withReporting): a table the planner believes
 * empty is otherwise "scanned" whole for nothing, on paper.
 */
function statisticsMinimal(
  cast: Cast,
  actor: Actor,
  requestId: string,
  whole: boolean,
): MinimalTransaction[] {
  return [
    {
      as: asOwner(),
      statements: [statisticsStatement(cast, actor, requestId, whole)],
    },
  ];
}

export const statisticsRequests: ScaleRequest[] = [
  {
    name: "statistics-analyst",
    actor: (c) => c.analyst,
    http: (c) => ({
      method: "GET",
      path: `/api/statistics/partner-contact?from=${c.year}-01-01&to=${c.year}-12-31`,
    }),
    minimal: (c, a, id) => statisticsMinimal(c, a, id, true),
  },
  {
    name: "statistics-unit-manager",
    actor: (c) => c.manager,
    http: (c) => ({
      method: "GET",
      path: `/api/statistics/partner-contact?from=${c.year}-01-01&to=${c.year}-12-31`,
    }),
    minimal: (c, a, id) => statisticsMinimal(c, a, id, false),
  },
];
