import type { Actor } from "../../src/server/access/actor.ts";
import type { Cast } from "./discover.ts";
import { actorParams, auditCte, type MinimalTransaction, type ScaleRequest } from "./minimal.ts";
import { partnerFiguresSql } from "./requests-statistics.ts";
import { asOwner, named } from "./sql.ts";

/**
 * The minimal SQL of the committee's yearly report (GET /api/reports/yearly, issue 20): what
 * a careful engineer would write by hand for the same figures, as the tables' owner, stating
 * the access rule once (the units the actor reports on: every unit for an analyst, their own
 * for a unit manager) and inserting the report's one audit event in a data-modifying CTE.
 * Two statements in one transaction: the year's partner-contact figures (the statistics'
 * own minimal statement, requests-statistics.ts, without its event) and the rest — persons
 * investigated and their children, decisions by intervention and outcome, stays (persons
 * granted, children, nights, endings, enquiries), the children's track, risk assessments,
 * Kolada's adult cases and outcomes, the competence register and agreements; risk conferences
 * held and their actions agreed and done, consultations per unit, and the stays' nights and
 * cost per form of housing (each segment's nights × its copied prices, as stay-costs.ts).
 * Each table is read by its organisation and the year's range, and each row's unit is the
 * one it carries (case_unit_id, 0097); what the report asks of a row about other records is
 * read from the row too (0098–0100, 0102: the investigation spans and their case's latest
 * intake, a report's first preliminary decision, an investigation's start and extension, a
 * case's granted decision and outcome, a decision's person, a stay segment's stay and members).
 *
 * Not in it: the crisis centre's children (the generator makes no child_work, so the
 * server's read of it is an index probe on empty tables) and each place's occupancy.
 */
const yearSql = `with rule as (
    select coalesce(array_agg(u.id), '{}') as units from unit u
     where u.org_id = :org and (:unit::uuid is null or u.id = :unit::uuid)
       and exists (select 1 from role_assignment r
                    where r.user_id = :user and r.org_id = :org
                      and (r.role = 'analyst' or (r.role = 'unit_manager' and r.unit_id = u.id)))),
  b as (select (:from::date)::timestamp at time zone 'Europe/Stockholm' as f,
               (:to::date + 1)::timestamp at time zone 'Europe/Stockholm' as t),
  investigated as (
    select count(*) as persons, coalesce(sum(k), 0) as children from (
      select i.case_person_id, max(case when i.children_as_of is null or i.children_as_of < (select t from b)
          then coalesce(i.children_in_household, 0)
          else coalesce((select k.children_in_household from intake k
            where k.case_id = i.case_id and k.received_at < (select t from b)
            order by k.received_at desc, k.children_in_household desc nulls last limit 1), 0) end) as k
        from (select x.* from investigation_span x
               where x.org_id = :org and x.case_type = 'adult_victim' and x.ended_at is null
                 and x.case_unit_id = any((select units from rule)::uuid[]) and x.began_at < (select t from b)
              union all
              select x.* from investigation_span x
               where x.org_id = :org and x.case_type = 'adult_victim' and x.ended_at >= (select f from b)
                 and x.case_unit_id = any((select units from rule)::uuid[]) and x.began_at < (select t from b)) i
       group by i.case_person_id) p),
  dec as (
    select d.intervention_kind, d.outcome, d.case_person_id as person_id from decision d
     where d.org_id = :org and d.decided_at >= (select f from b) and d.decided_at < (select t from b)
       and d.case_unit_id = any((select units from rule)::uuid[])),
  decisions as (select jsonb_object_agg(k, n) as by_kind from
    (select intervention_kind || ' ' || outcome as k, count(*) as n from dec group by 1) x),
  granted as (select jsonb_object_agg(intervention_kind, n) as persons_granted from
    (select intervention_kind, count(distinct person_id) as n from dec
      where outcome in ('granted', 'partly_granted')
        and intervention_kind in ('emergency_flat', 'sheltered_housing', 'other_housing') group by 1) x),
  seg as (
    select g.place_id, g.adults, g.children, g.price_adult_ore, g.price_child_ore,
        greatest(0, least(coalesce(g.to_on, g.stay_left_on,
                                   least((now() at time zone 'Europe/Stockholm')::date, :to::date + 1)),
                          coalesce(g.stay_left_on, 'infinity'::date), :to::date + 1)
                    - greatest(g.from_on, :from::date)) as n
      from stay_segment g
     where g.org_id = :org and g.case_unit_id = any((select units from rule)::uuid[])
       and g.from_on <= :to::date and (g.to_on is null or g.to_on > :from::date)
       and not g.stay_cancelled and (g.stay_left_on is null or g.stay_left_on > :from::date)),
  stays as (select
      (select count(distinct m.person_id) from stay_member m
        where m.org_id = :org and m.role = 'child' and not m.stay_cancelled
          and m.case_unit_id = any((select units from rule)::uuid[])
          and m.stay_began_on between :from::date and :to::date) as children,
      (select jsonb_object_agg(end_reason, n) from (select s.end_reason, count(*) as n from stay s
        where s.org_id = :org and s.case_unit_id = any((select units from rule)::uuid[])
          and s.left_on between :from::date and :to::date group by 1) e) as ended,
      (select sum(n * (adults + children)) from seg) as nights,
      (select jsonb_object_agg(outcome, n) from (select e.outcome, count(*) as n from place_enquiry e
        where e.org_id = :org and e.answered_at >= (select f from b) and e.answered_at < (select t from b)
          and e.case_unit_id = any((select units from rule)::uuid[]) group by 1) q) as enquiries),
  reports as (
    select k.received_at, k.preliminary_decided_at as decided from intake k
     where k.org_id = :org and k.kind = 'report_of_concern' and k.case_type = 'child'
       and k.received_at >= (select f from b) and k.received_at < (select t from b)
       and k.case_unit_id = any((select units from rule)::uuid[])),
  track as (select count(*) as reports, count(decided) as assessed,
      count(*) filter (where decided <= received_at + interval '14 days') as on_time,
      (select count(*) from investigation i
        where i.org_id = :org and i.case_type = 'child' and i.completed_at is not null
          and i.case_unit_id = any((select units from rule)::uuid[])
          and i.completed_at >= (select f from b) and i.completed_at < (select t from b)
          and i.completed_at <= greatest(i.extended_until::timestamptz,
                                         i.began_at + interval '4 months')) as investigations_on_time
      from reports),
  risk as (select jsonb_object_agg(instrument_id, n) as by_instrument from
    (select a.instrument_id, count(*) as n from assessment a
      where a.org_id = :org and a.completed_at is not null
        and a.assessed_on between :from::date and :to::date
        and a.case_unit_id = any((select units from rule)::uuid[]) group by 1) x),
  kolada as (select
      (select count(*) from "case" c where c.org_id = :org and c.case_type in ('adult_victim', 'perpetrator')
          and c.opened_at >= (select f from b) and c.opened_at < (select t from b)
          and c.unit_id = any((select units from rule)::uuid[])) as opened,
      (select count(*) from "case" c where c.org_id = :org and c.case_type in ('adult_victim', 'perpetrator')
          and c.opened_at >= (select f from b) and c.opened_at < (select t from b)
          and c.unit_id = any((select units from rule)::uuid[])
          and c.granted_decision) as with_intervention,
      (select count(*) from "case" c
        where c.org_id = :org and c.case_type = 'adult_victim' and c.outcome_goal in ('wholly', 'partly')
          and c.closed_at >= (select f from b) and c.closed_at < (select t from b)
          and c.unit_id = any((select units from rule)::uuid[])) as goal_reached),
  competence as (select
      (select count(*) from training where org_id = :org and starts_on between :from::date and :to::date) as trainings,
      (select coalesce(sum(p.participants), 0) from training t join training_participants p on p.training_id = t.id
        where t.org_id = :org and t.starts_on between :from::date and :to::date) as participants,
      (select count(*) from supervision_session where org_id = :org and held_on between :from::date and :to::date) as supervision,
      (select count(*) from study_visit where org_id = :org and visited_on between :from::date and :to::date) as visits),
  agreements as (select count(*) as in_force from agreement a
     where a.org_id = :org and a.signed_on <= :to::date and (a.ended_on is null or a.ended_on >= :from::date)),
  conferences as (select
      (select count(*) from risk_conference r
        where r.org_id = :org and r.meeting_on between :from::date and :to::date
          and r.case_unit_id = any((select units from rule)::uuid[])) as conferences_held,
      (select count(*) from risk_conference_action a
        where a.org_id = :org and a.created_at >= (select f from b) and a.created_at < (select t from b)
          and a.case_unit_id = any((select units from rule)::uuid[])) as actions_agreed,
      (select count(*) from risk_conference_action a
        where a.org_id = :org and a.created_at >= (select f from b) and a.created_at < (select t from b)
          and a.done_on <= :to::date and a.case_unit_id = any((select units from rule)::uuid[])) as actions_done),
  consultations as (select jsonb_object_agg(unit_id, n) as consultations_per_unit from
    (select k.unit_id, count(*) as n from consultation k
      where k.org_id = :org and k.occurred_at >= (select f from b) and k.occurred_at < (select t from b)
        and k.unit_id = any((select units from rule)::uuid[]) group by 1) x),
  stay_costs as (select jsonb_object_agg(kind, jsonb_build_array(adult_nights, child_nights, cost_ore))
      as stay_costs from (
    select p.kind, sum(n * g.adults) as adult_nights, sum(n * g.children) as child_nights,
        sum(n * (g.adults * g.price_adult_ore + g.children * g.price_child_ore)) as cost_ore
      from seg g join place p on p.id = g.place_id group by p.kind) x),
  ${auditCte({
    action: "statistics.read",
    resourceType: "unit",
    resourceId:
      "(case when cardinality((select units from rule)) = 1 then (select units from rule)[1] end)",
    data: `jsonb_build_object('report', 'yearly', 'from', :from::text, 'to', :to::text,
      'units', (select to_jsonb(units) from rule))`,
  })}
  select * from investigated, decisions, granted, stays, track, risk, kolada, competence,
    agreements, conferences, consultations, stay_costs, (select id as audit_id from audit) au`;

function yearlyMinimal(cast: Cast, actor: Actor, requestId: string): MinimalTransaction[] {
  const params = {
    ...actorParams(actor, requestId),
    from: `${cast.year}-01-01`,
    to: `${cast.year}-12-31`,
    unit: null,
  };
  const whole = actor.roles.some((r) => r.role === "analyst");
  return [
    {
      as: asOwner(),
      statements: [
        named(
          partnerFiguresSql(whole ? "" : "and x.case_unit_id = any(:managed::uuid[])", false),
          params,
        ),
        named(yearSql, params),
      ],
    },
  ];
}

const yearly = (c: Cast) => ({
  method: "GET" as const,
  path: `/api/reports/yearly?year=${c.year}`,
});

export const yearlyRequests: ScaleRequest[] = [
  {
    name: "yearly-report-unit-manager",
    actor: (c) => c.manager,
    http: yearly,
    minimal: yearlyMinimal,
  },
  {
    name: "yearly-report-analyst",
    actor: (c) => c.analyst,
    http: yearly,
    minimal: yearlyMinimal,
  },
];
