-- Frid 0037 (issue 14): the audit sealer's idle check. The sealer opened a transaction per
-- organisation every pass even when nothing was new (~1,200 statements a pass with 301
-- organisations); now one statement asks which chains have unsealed events, and only those
-- get a transaction. It looks across organisations (the application role sees one at a time),
-- hence security definer; it answers chain names only, never an event.
-- The window is the chain's own look-back (sealer.ts), counted from the newest seal: events
-- above it that have no seal yet. An event whose transaction committed later than that (more
-- than p_lookback newer events sealed meanwhile) is sealed with its chain's next event.
create function frid_unsealed_chains(p_lookback bigint) returns setof text
language sql stable security definer set search_path = public as $$
  select distinct coalesce(e.org_id::text, 'system')
    from audit_event e
   where e.id > (select coalesce(max(s.event_id), 0) from audit_seal s) - p_lookback
     and not exists (select 1 from audit_seal s where s.event_id = e.id)
$$;
revoke all on function frid_unsealed_chains(bigint) from public;
grant execute on function frid_unsealed_chains(bigint) to frid_app;
