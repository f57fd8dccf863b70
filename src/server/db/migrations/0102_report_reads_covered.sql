-- Frid 0102 (issue 20, item 6): the whole country's yearly report read from indexes alone.
--
-- With every fact on its row (0097–0101) one municipality's report took 110–130 ms, but an
-- organisation of 1,000,000 cases took 2.5–2.8 s: its year is some 120,000 rows of each
-- counted table, and each was fetched from the table's pages (bench/plans/national/). Now:
--   investigation_span  carries the children of its case's latest intake and when that intake
--                       was received (children_in_household, children_as_of), so a person
--                       investigated in the year is counted without one intake read per case;
--                       only a case whose latest intake came after the year's end is looked
--                       up (the report counts what the latest intake before the year's end said)
--   indexes             the report's reads of decisions, cases, spans, reports of concern and
--                       investigations carry every column the read and its row policy use
--                       (INCLUDE), so PostgreSQL answers them by an index-only scan
-- The children are set by trigger from the case's intakes, like every other fact: on a span's
-- every write, and on a case's spans when one of its intakes is added, moved, removed or
-- changes its received time or children.

alter table investigation_span add column children_in_household integer,
  add column children_as_of timestamptz;

-- The case's latest intake (ties: the larger household, as the report reads it).
create function frid_span_children() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  select k.children_in_household, k.received_at
    into new.children_in_household, new.children_as_of
    from intake k where k.case_id = new.case_id
   order by k.received_at desc, k.children_in_household desc nulls last limit 1;
  return new;
end
$$;
create trigger investigation_span_children before insert or update on investigation_span
  for each row execute function frid_span_children();

create or replace function frid_report_facts_follow() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  k uuid;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then old.case_id end,
      case when tg_op <> 'DELETE' then new.case_id end], null) loop
    if tg_table_name = 'case_status_change' then
      perform frid_investigation_spans(k);
      update investigation set completed_at = completed_at
       where case_id = k and completed_at is not null;
    elsif tg_table_name = 'preliminary_decision' then
      update intake set received_at = received_at where case_id = k;
    elsif tg_table_name = 'investigation_extension' then
      update investigation set extended_until = extended_until where case_id = k;
    elsif tg_table_name = 'intake' then
      update investigation_span set case_id = case_id where case_id = k;
    end if;
  end loop;
  return null;
end
$$;
create trigger intake_report_facts
  after insert or delete or update of case_id, received_at, children_in_household on intake
  for each row execute function frid_report_facts_follow();

update investigation_span set case_id = case_id;

grant select (children_in_household, children_as_of) on investigation_span to frid_report;

-- Index-only reads: each index holds the row policy's columns (org_id, the case's unit) and
-- what the report reads. Where an index of the same key served other reads, it is replaced.
drop index investigation_span_org_ended_idx;
create index investigation_span_org_ended_idx on investigation_span (org_id, ended_at)
  include (began_at, case_unit_id, case_type, case_person_id, case_id,
           children_in_household, children_as_of);

drop index decision_org_decided_idx;
create index decision_org_decided_idx on decision (org_id, decided_at)
  include (case_unit_id, case_person_id, intervention_kind, outcome);

drop index case_org_opened_idx;
create index case_org_opened_idx on "case" (org_id, opened_at desc, id desc)
  include (unit_id, case_type, granted_decision);

drop index case_closed_outcome_idx;
create index case_closed_outcome_idx on "case" (org_id, closed_at)
  include (unit_id, case_type, outcome_goal) where closed_at is not null;

drop index intake_org_child_report_idx;
create index intake_org_child_report_idx on intake (org_id, received_at)
  include (case_unit_id, preliminary_decided_at)
  where kind = 'report_of_concern' and case_type = 'child';

drop index investigation_org_child_completed_idx;
create index investigation_org_child_completed_idx on investigation (org_id, completed_at)
  include (case_unit_id, began_at, extended_until)
  where case_type = 'child' and completed_at is not null;

drop index stay_member_org_child_began_idx;
create index stay_member_org_child_began_idx on stay_member (org_id, stay_began_on)
  include (case_unit_id, person_id, stay_cancelled) where role = 'child';

drop index stay_org_left_idx;
create index stay_org_left_idx on stay (org_id, left_on)
  include (case_unit_id, end_reason) where left_on is not null;

drop index place_enquiry_org_answered_idx;
create index place_enquiry_org_answered_idx on place_enquiry (org_id, answered_at)
  include (case_unit_id, outcome) where answered_at is not null;

-- A treatment counts in a period's partner-contact figures when it was referred, its partner
-- told, or it went on or ended in the period (statistics/figures.ts): all such have their
-- latest of those days on or after the period's start, so one range of one index finds every
-- one — where four conditions joined by "or" had PostgreSQL read the whole table.
alter table treatment add column report_until date generated always as
  (greatest(coalesce(ended_on, 'infinity'::date), referred_on, partner_info_given_on)) stored;
create index treatment_org_report_until_idx on treatment (org_id, report_until)
  include (case_unit_id, started_on, ended_on, end_kind, referred_on, referral_source,
           partner_info_given_on);
grant select (report_until) on treatment to frid_report;
