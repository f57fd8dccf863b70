-- Frid 0054 (issue 16, shelter staff as users): two rules the stay commands need.

-- For the audit trail only (like frid_journal_entry_case): the case of a stay the caller may
-- not see, so a refused look at the stay is listed in that person's log review. Nothing of
-- it reaches the caller. The stays part (0052) and the costs part (0053) define the same
-- function, written in parallel: "or replace" with the same text, so any of them may run
-- first.
create or replace function frid_stay_case(p_stay uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select case_id from stay where id = p_stay and org_id = frid_org()
$$;

-- The actor's shelter runs the place the stay is at NOW (its latest segment). A shelter's
-- staff see only their own segments, so they cannot tell from their own reading whether she
-- has moved on; this answers that one question and nothing about the new place.
create function frid_runs_stay(p_stay uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select coalesce((select frid_runs_place(g.place_id) from stay_segment g
                   where g.stay_id = p_stay and g.org_id = frid_org()
                   order by g.from_on desc, (g.to_on is null) desc
                   limit 1), false)
$$;

grant execute on function frid_stay_case(uuid), frid_runs_stay(uuid) to frid_app;
