-- Frid 0098 (issue 20, item 6): what the yearly report asks of each counted row, kept on the
-- row — so the year's count reads the year's rows and nothing for each of them.
--
-- After 0097 the report's time went to lookups per counted row: each report of concern asked
-- its case's type and its case's first preliminary decision, each finished investigation its
-- case's type, the status change that began it and its extensions, and each case under
-- investigation its person (bench/plans/yearly-report-*.txt). Now:
--   intake         case_type, preliminary_decided_at (the case's first preliminary decision
--                  at or after the intake was received)
--   investigation  case_type, began_at (the latest change into 'investigation' at or before
--                  it was completed), extended_until (the latest extension decided)
--   investigation_span (new) one row per time a case was under investigation: from a change
--                  into 'investigation' to the next change out of it (open while none), with
--                  the case's type, person and unit
-- Each is set by trigger from the records it summarises, in the same transaction, on every
-- change of either side, so it is never other than what those records say; no statement sets
-- it (a trigger overwrites whatever one says).

-- The case's unit (0097), and its type and person where the row has those columns too
-- (case_type, case_person_id: named for the case, so no row's own person_id is touched).
create or replace function frid_case_unit_of_row() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  c record;
begin
  select c0.unit_id, c0.case_type, c0.person_id into c from "case" c0
   where c0.id = (to_jsonb(new) ->> tg_argv[0])::uuid;
  new := jsonb_populate_record(new, jsonb_build_object(
    'case_unit_id', c.unit_id, 'case_type', c.case_type, 'case_person_id', c.person_id));
  return new;
end
$$;

alter table intake add column case_type text, add column preliminary_decided_at timestamptz;
alter table investigation add column case_type text, add column began_at timestamptz,
  add column extended_until date;

create table investigation_span (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references organisation (id),
  case_id uuid not null references "case" (id) on delete cascade,
  case_unit_id uuid,
  case_type text,
  case_person_id uuid,
  began_at timestamptz not null,
  ended_at timestamptz
);
create index investigation_span_case_idx on investigation_span (case_id);
create index investigation_span_org_ended_idx on investigation_span (org_id, ended_at);
create trigger investigation_span_case_unit before insert or update on investigation_span
  for each row execute function frid_case_unit_of_row('case_id');

-- An intake's first preliminary decision after it, from the case's decisions.
create function frid_intake_preliminary() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  new.preliminary_decided_at := (select min(p.decided_at) from preliminary_decision p
    where p.case_id = new.case_id and p.decided_at >= new.received_at);
  return new;
end
$$;
create trigger intake_preliminary before insert or update on intake
  for each row execute function frid_intake_preliminary();

-- An investigation's start and latest extension, from the case's status changes and
-- extensions (its start only once it is completed: the report counts finished ones).
create function frid_investigation_timing() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  new.began_at := case when new.completed_at is not null then
    (select max(ch.changed_at) from case_status_change ch
      where ch.case_id = new.case_id and ch.to_status = 'investigation'
        and ch.changed_at <= new.completed_at) end;
  new.extended_until := (select max(e.extended_until) from investigation_extension e
    where e.case_id = new.case_id);
  return new;
end
$$;
create trigger investigation_timing before insert or update on investigation
  for each row execute function frid_investigation_timing();

-- A case's spans under investigation, made again from its status changes.
create function frid_investigation_spans(p_case uuid) returns void
language sql security definer set search_path = public as $$
  delete from investigation_span where case_id = p_case;
  insert into investigation_span (org_id, case_id, began_at, ended_at)
  select s.org_id, s.case_id, s.changed_at,
    (select min(n.changed_at) from case_status_change n
      where n.case_id = s.case_id and n.from_status = 'investigation'
        and n.changed_at > s.changed_at)
  from case_status_change s where s.case_id = p_case and s.to_status = 'investigation';
$$;

-- The other side of each: a change to a case's status changes, decisions or extensions
-- touches the rows summarising them (whose own triggers above read them again).
create function frid_report_facts_follow() returns trigger
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
    end if;
  end loop;
  return null;
end
$$;
create trigger case_status_change_report_facts
  after insert or update or delete on case_status_change
  for each row execute function frid_report_facts_follow();
create trigger preliminary_decision_report_facts
  after insert or update or delete on preliminary_decision
  for each row execute function frid_report_facts_follow();
create trigger investigation_extension_report_facts
  after insert or update or delete on investigation_extension
  for each row execute function frid_report_facts_follow();

-- A case's unit, type or person changed: its rows follow (0097's rows and the spans).
create or replace function frid_case_unit_follow() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  update treatment set case_unit_id = new.unit_id where case_id = new.id;
  update consent set case_unit_id = new.unit_id where case_id = new.id;
  update partner set case_unit_id = new.unit_id where case_id = new.id;
  update partner_contact_attempt set case_unit_id = new.unit_id where case_id = new.id;
  update partner_contact_refusal set case_unit_id = new.unit_id where case_id = new.id;
  update decision set case_unit_id = new.unit_id where case_id = new.id;
  update stay set case_unit_id = new.unit_id where case_id = new.id;
  update place_enquiry set case_unit_id = new.unit_id where case_id = new.id;
  update case_status_change set case_unit_id = new.unit_id where case_id = new.id;
  update relation set case_unit_id = new.unit_id where case_id = new.id;
  update assessment set case_unit_id = new.unit_id where case_id = new.id;
  update case_outcome set case_unit_id = new.unit_id where case_id = new.id;
  update intake set case_unit_id = new.unit_id where case_id = new.id;
  update preliminary_decision set case_unit_id = new.unit_id where case_id = new.id;
  update investigation set case_unit_id = new.unit_id where case_id = new.id;
  update investigation_extension set case_unit_id = new.unit_id where case_id = new.id;
  update disclosure set case_unit_id = new.unit_id where case_id = new.id;
  update risk_conference set case_unit_id = new.unit_id where case_id = new.id;
  update risk_conference_action set case_unit_id = new.unit_id where case_id = new.id;
  update barrier_event set case_unit_id = new.unit_id where from_case_id = new.id;
  update investigation_span set case_unit_id = new.unit_id where case_id = new.id;
  return null;
end
$$;
drop trigger case_unit_follow on "case";
create trigger case_unit_follow after update of unit_id, case_type, person_id on "case"
  for each row when ((old.unit_id, old.case_type, old.person_id)
                     is distinct from (new.unit_id, new.case_type, new.person_id))
  execute function frid_case_unit_follow();

-- Filled for the rows there are (each row's own triggers compute it).
update intake set received_at = received_at where case_id is not null;
update investigation set completed_at = completed_at;
insert into investigation_span (org_id, case_id, began_at, ended_at)
select s.org_id, s.case_id, s.changed_at,
  (select min(n.changed_at) from case_status_change n
    where n.case_id = s.case_id and n.from_status = 'investigation' and n.changed_at > s.changed_at)
from case_status_change s where s.to_status = 'investigation';

-- The year's rows by the organisation and the day they count by.
create index intake_org_child_report_idx on intake (org_id, received_at)
  where kind = 'report_of_concern' and case_type = 'child';
create index investigation_org_child_completed_idx on investigation (org_id, completed_at)
  where case_type = 'child' and completed_at is not null;
-- The children of the household as the case's latest intake says, without the table's rows.
create index intake_case_received_idx on intake (case_id, received_at)
  include (children_in_household, org_id, case_unit_id) where case_id is not null;

grant select (case_type, preliminary_decided_at) on intake to frid_report;
grant select (case_type, began_at, extended_until) on investigation to frid_report;
grant select (org_id, case_id, case_unit_id, case_type, case_person_id, began_at, ended_at)
  on investigation_span to frid_report;
alter table investigation_span enable row level security;
create policy investigation_span_report on investigation_span for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
