-- Frid 0101 (issue 20, item 6): the facts of 0097–0100 stay what the records say when two
-- transactions write one case at once.
--
-- Each fact is computed by a trigger from the case's other records as its statement sees them.
-- Two transactions on one case — one deleting a granted decision while the other adds one, an
-- intake arriving while a preliminary decision is made — each saw the other's change missing,
-- and the one committing last could leave a fact the records no longer say. Now every write of
-- a row these facts are kept on or kept from first takes its case's row lock (a stay's
-- segments and members: their stay's), the lock a change of the case itself takes; a second
-- writer of the same case waits for the first to commit and then reads what it wrote.
-- FOR NO KEY UPDATE: rows that only reference the case (their foreign-key checks) never wait.

create function frid_lock_case_of_row() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  k uuid;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then (to_jsonb(old) ->> tg_argv[0])::uuid end,
      case when tg_op <> 'DELETE' then (to_jsonb(new) ->> tg_argv[0])::uuid end], null) loop
    perform 1 from "case" where id = k for no key update;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create function frid_lock_stay_of_row() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  k uuid;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then old.stay_id end,
      case when tg_op <> 'DELETE' then new.stay_id end], null) loop
    perform 1 from stay where id = k for no key update;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

-- Named to run before each table's other triggers (they run in the order of their names).
create trigger a_lock_case before insert or update or delete on treatment
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on consent
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on partner
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on partner_contact_attempt
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on partner_contact_refusal
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on decision
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on stay
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on place_enquiry
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on case_status_change
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on relation
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on assessment
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on case_outcome
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on intake
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on preliminary_decision
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on investigation
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on investigation_extension
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on disclosure
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on risk_conference
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on risk_conference_action
  for each row execute function frid_lock_case_of_row('case_id');
create trigger a_lock_case before insert or update or delete on barrier_event
  for each row execute function frid_lock_case_of_row('from_case_id');
create trigger a_lock_stay before insert or update or delete on stay_member
  for each row execute function frid_lock_stay_of_row();
create trigger a_lock_stay before insert or update or delete on stay_segment
  for each row execute function frid_lock_stay_of_row();

-- Persons investigated are read from investigation_span (0098); the status changes are no
-- longer read by the organisation and the day for it, so these two indexes serve nothing.
drop index case_status_change_org_investigation_idx;
drop index case_status_change_org_left_investigation_idx;
