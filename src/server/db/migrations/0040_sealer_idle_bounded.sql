-- Frid 0040 (issue 14): the sealer's idle check (0037) costs what is new, not the whole trail.
-- At two million sealed events 0037's statement took 0.8 s a pass (every 2 s): the planner,
-- not knowing the lower bound when it planned, merge-joined the new events against every
-- seal from the first. Both sides are now bounded by the same number, so each reads only
-- the last p_lookback ids of its index.
create or replace function frid_unsealed_chains(p_lookback bigint) returns setof text
language plpgsql stable security definer set search_path = public as $$
declare
  v_from bigint := (select coalesce(max(s.event_id), 0) from audit_seal s) - p_lookback;
begin
  return query
    select distinct coalesce(e.org_id::text, 'system')
      from audit_event e
     where e.id > v_from
       and not exists (select 1 from audit_seal s where s.event_id = e.id and s.event_id > v_from);
end
$$;
