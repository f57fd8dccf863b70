-- Frid 0055 (issue 16, places): what keeps a place from being closed.
--
-- A place where someone still lives, or that is held for a case, must not be closed. The one
-- closing it administers the place but need not see the cases placed there (row-level
-- security hides their stays and holds), so the count is taken here: numbers only, for those
-- who administer the place. A stay counts while it has not ended and its segment at the
-- place reaches past the closing day; a hold while it is live (not ended, not expired).
create function frid_place_commitments(p_place uuid, p_closed_on date)
returns table (stays integer, holds integer)
language sql stable security definer set search_path = public as $$
  select
    (select count(distinct g.stay_id)::integer
       from stay_segment g join stay s on s.id = g.stay_id
      where g.place_id = p.id and (g.to_on is null or g.to_on > p_closed_on)
        and s.cancelled_at is null and (s.left_on is null or s.left_on > p_closed_on)),
    (select count(*)::integer
       from place_hold x
      where x.place_id = p.id and x.ended_at is null and x.expires_at > now())
  from place p
  where p.id = p_place and p.org_id = frid_org() and frid_administers_place(p.unit_id)
$$;
grant execute on function frid_place_commitments(uuid, date) to frid_app;
