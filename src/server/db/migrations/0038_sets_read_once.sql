-- Frid 0038 (issue 14): what the server still paid per row after 0034, read once instead.
--
-- "Mine" lists and Att göra asked "is the actor assigned to this case now?" with an EXISTS on
-- case_assignment, whose row-level security (case_assignment_select) calls
-- frid_can_see_case(case_id) on every one of the actor's assignments: 260 calls per list.
-- The actor's current assignments are now one set read once per statement, like
-- frid_current_cases (0034), and the case row is compared with `= any`. Nothing is loosened:
-- the set is only ever compared with cases the caller already reads under case_select, the
-- case_assignment policy is unchanged, and the function answers only about the session's
-- own user (or, with no session user, the owner's tools and tests).
create function frid_assigned_cases(p_user uuid) returns uuid[]
language plpgsql stable parallel safe security definer set search_path = public cost 10 as $$
begin
  return coalesce((select array_agg(case_id) from case_assignment
                    where user_id = p_user and unassigned_at is null
                      and (frid_actor() is null or p_user = frid_actor())), '{}');
end
$$;
grant execute on function frid_assigned_cases(uuid) to frid_app;


-- The person's log review (Loggkontroll): her events are those whose person_id is hers and
-- the list events whose person_ids include her (0030). Under audit_event's row-level security
-- the `@>` on person_ids is not leakproof, so PostgreSQL may not use it as an index condition
-- (nor the OR of the two): the review scanned the organisation's events, or walked the
-- primary key back from the newest. This function finds her events' ids by the two indexes
-- (audit_event_person_idx, audit_event_person_ids_idx), applying exactly the rule of the
-- policy audit_event_select (org_id is not distinct from frid_org()); the review then reads
-- those rows by id under row-level security as before. Newest first, below p_before, at
-- most p_limit (null: all, for the count). It returns only ids of events the caller may read.
create function frid_person_events(p_person uuid, p_before bigint, p_limit integer)
returns bigint[]
language plpgsql stable parallel safe security definer set search_path = public cost 20 as $$
declare
  v_org uuid := frid_org();
begin
  if v_org is null then
    return '{}';  -- a review is always in an organisation; the events without one are not hers
  end if;
  return coalesce((select array_agg(id order by id desc) from (
    (select id from audit_event
      where org_id = v_org and person_id = p_person and (p_before is null or id < p_before)
      order by id desc limit p_limit)
    union
    (select id from audit_event
      where person_ids @> array[p_person] and org_id = v_org
        and (p_before is null or id < p_before)
      order by id desc limit p_limit)
    order by id desc limit p_limit) hers), '{}');
end
$$;
grant execute on function frid_person_events(uuid, bigint, integer) to frid_app;
