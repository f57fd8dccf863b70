-- Frid 0100 (issue 20, item 6): what the yearly report asks of a stay's segments and members
-- and of a decision, kept on them (as 0098 did for reports of concern and investigations).
--
-- The nights, the costs and the occupancy read each segment of the year, and for each its
-- stay (when it was left, whether it was cancelled) and who stayed (adults and children); the
-- accompanying children read each member's stay (when it began, whether cancelled); the
-- persons granted housing read each decision's case (its person). Now the rows say it:
--   stay_segment  stay_left_on, stay_cancelled, adults, children
--   stay_member   stay_began_on (arrival, or the day planned while nobody has arrived),
--                 stay_cancelled
--   decision      case_person_id (0098's frid_case_unit_of_row sets it where the column is)
-- set by trigger from the stay and its members on every change of either side.

alter table stay_segment add column stay_left_on date, add column stay_cancelled boolean,
  add column adults integer, add column children integer;
alter table stay_member add column stay_began_on date, add column stay_cancelled boolean;
alter table decision add column case_person_id uuid;

-- A segment's or member's stay: its case's unit (0097), when it began and was left, whether
-- cancelled (each only where the row has the column).
create or replace function frid_case_unit_of_stay() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  s record;
begin
  select s0.case_unit_id, s0.left_on, s0.cancelled_at is not null as cancelled,
         coalesce(s0.arrived_on, s0.planned_from) as began
    into s from stay s0 where s0.id = new.stay_id;
  new := jsonb_populate_record(new, jsonb_build_object(
    'case_unit_id', s.case_unit_id, 'stay_left_on', s.left_on, 'stay_cancelled', s.cancelled,
    'stay_began_on', s.began));
  return new;
end
$$;

-- Who stayed, on each of the stay's segments.
create function frid_stay_segment_members() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  select count(*) filter (where m.role = 'adult'), count(*) filter (where m.role = 'child')
    into new.adults, new.children from stay_member m where m.stay_id = new.stay_id;
  return new;
end
$$;
create trigger stay_segment_members before insert or update on stay_segment
  for each row execute function frid_stay_segment_members();

-- A stay changed: its members and segments read it again; a member came or went: the
-- stay's segments count again.
create or replace function frid_stay_unit_follow() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  update stay_member set case_unit_id = new.case_unit_id where stay_id = new.id;
  update stay_segment set case_unit_id = new.case_unit_id where stay_id = new.id;
  return null;
end
$$;
drop trigger stay_unit_follow on stay;
create trigger stay_unit_follow
  after update of case_unit_id, left_on, cancelled_at, arrived_on, planned_from on stay
  for each row when ((old.case_unit_id, old.left_on, old.cancelled_at, old.arrived_on,
                      old.planned_from)
                     is distinct from (new.case_unit_id, new.left_on, new.cancelled_at,
                                       new.arrived_on, new.planned_from))
  execute function frid_stay_unit_follow();

create function frid_stay_member_follow() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  k uuid;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then old.stay_id end,
      case when tg_op <> 'DELETE' then new.stay_id end], null) loop
    update stay_segment set adults = adults where stay_id = k;
  end loop;
  return null;
end
$$;
create trigger stay_member_follow after insert or update or delete on stay_member
  for each row execute function frid_stay_member_follow();

-- Filled for the rows there are (each row's own triggers compute it).
update stay_member set case_unit_id = case_unit_id;
update stay_segment set case_unit_id = case_unit_id;
update decision set case_unit_id = case_unit_id;

-- The accompanying children of the stays that began in the year.
create index stay_member_org_child_began_idx on stay_member (org_id, stay_began_on)
  where role = 'child';

grant select (stay_left_on, stay_cancelled, adults, children, price_adult_ore, price_child_ore)
  on stay_segment to frid_report;
grant select (stay_began_on, stay_cancelled) on stay_member to frid_report;
grant select (case_person_id) on decision to frid_report;
