-- Frid 0045 (issue 14): the actor's sets (0034) read from covering indexes.
--
-- Every statement under row-level security computes the actor's sets, once per policy that
-- names them (a personnummer search computes "cases worked now" three times and "barred
-- persons" twice). At a million cases they had become the cost of the request:
--
-- * frid_current_cases read the user's assignment rows from the heap to see whether each is
--   current: ~240 scattered pages for a caseworker with 370 assignments (5 ms). A partial
--   index of the current ones, (user_id, case_id), answers it from the index alone; the same
--   for live grants.
-- * frid_barred_persons joined the organisation's barriers to the user's cases by looking up
--   "case" once per case the user has ever worked (1,700 pages, 19 ms in the largest
--   organisation) before it knew whether any barrier touched them. It now matches the
--   organisation's barrier sides against the user's cases first (one pass over an index of
--   the organisation's barriers, hashed against the cases) and reads "case" only for the
--   barriers that do (usually none).
--
-- The rule is unchanged, word for word: the same rows in, the same set out (0034).

create index case_assignment_current_user_idx on case_assignment (user_id, case_id)
  where unassigned_at is null;
create index access_grant_live_user_idx on access_grant (user_id, expires_at, case_id)
  where revoked_at is null;
create index barrier_org_cases_idx on barrier (org_id, case_a_id, case_b_id);

create or replace function frid_barred_persons(p_user uuid) returns uuid[]
language plpgsql stable parallel safe security definer set search_path = public cost 50 as $$
begin
  return coalesce((
    with worked as materialized (
      -- every case the user has EVER worked (0020, 0023), not only the current ones
      select case_id from case_assignment where user_id = p_user
      union
      select case_id from access_grant where user_id = p_user),
    side as materialized (
      -- each barrier read from both ends: the end the user worked, and the other end
      select s.other_id, s.mine_id
        from barrier b
        cross join lateral (values (b.case_a_id, b.case_b_id), (b.case_b_id, b.case_a_id))
               as s (other_id, mine_id)
       where b.org_id = (select org_id from app_user where id = p_user)
         and s.other_id in (select case_id from worked))
    select array_agg(distinct mine.person_id)
      from side
      join "case" other on other.id = side.other_id
      join "case" mine on mine.id = side.mine_id
     where mine.person_id <> other.person_id), '{}');
end
$$;
