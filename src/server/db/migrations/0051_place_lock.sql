-- Frid 0051 (issue 16, places): a hold locks the place it holds.
--
-- Two holds racing for the last place must be decided one after the other: each locks the
-- place row, then counts ongoing stays and live holds. A caseworker may read a place but not
-- update it, and under row-level security SELECT … FOR UPDATE needs the UPDATE policy too, so
-- the lock is taken here, for anyone doing case work, and answers the few facts a hold needs.
-- FOR NO KEY UPDATE: rows referring to the place (holds, stay segments) may still be written.
create function frid_lock_place(p_place uuid)
returns table (id uuid, kind text, places integer, hold_hours integer, closed_on date)
language sql volatile security definer set search_path = public as $$
  select p.id, p.kind, p.places, p.hold_hours, p.closed_on
  from place p
  where p.id = p_place and p.org_id = frid_org() and frid_does_case_work()
  for no key update
$$;
grant execute on function frid_lock_place(uuid) to frid_app;

-- For the case command and the audit trail only (like frid_journal_entry_case): the case a
-- hold or an enquiry belongs to, so a release or an answer runs as a command on that case
-- and a refused one is listed in her log review. Nothing of it reaches the caller.
create function frid_hold_case(p_hold uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select case_id from place_hold where id = p_hold and org_id = frid_org()
$$;
create function frid_enquiry_case(p_enquiry uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select case_id from place_enquiry where id = p_enquiry and org_id = frid_org()
$$;
grant execute on function frid_hold_case(uuid), frid_enquiry_case(uuid) to frid_app;
