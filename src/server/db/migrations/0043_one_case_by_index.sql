-- Frid 0043 (issue 14): the access rule asked of ONE case or person probes by index (ADR 0009).
--
-- 0034 wrote the rule as the actor's whole sets (managed units, cases worked now, barred
-- persons), each read once per statement. Right for a list, but a read of one case by a worker
-- with 10,000 current cases built all 10,000 in every place the statement met the rule (the
-- case, the person's "a case of hers I see", the relation): bench:access fell from 188 to 74
-- reads/s. The policies now ask "works on THIS case now?" and "barred from THIS person?" as
-- EXISTS subqueries. PostgreSQL plans each such subquery twice and picks by the number of rows
-- it expects: for one row an index probe of (case, user) in case_assignment and access_grant,
-- and of the barriers of that person's cases; for many, a hash of the actor's rows built once
-- (an "AlternativeSubPlan"). The managed units stay a set (a handful of role rows).
--
-- The rows these subqueries need are ones row-level security hides from the actor (another
-- worker's assignment on the other side of a barrier decides what this one sees), so they read
-- two views owned by the owner (a view reads its tables with its owner's rights; the owner is
-- not subject to row-level security), each showing the application role only the rows of the
-- session's own user: no more than frid_current_cases(user) and frid_barred_persons(user)
-- already answer. security_barrier: a condition of the caller's is never evaluated on a row
-- before the view's own filter has let it through; equalities (leakproof) still reach the
-- indexes. The rule itself is unchanged; scope-rls.test.ts proves the two writings agree.

-- Cases each user works now: a current assignment (assigned) or a live grant (not assigned).
create view frid_current_work with (security_barrier) as
  select a.case_id, a.user_id, true as assigned
    from case_assignment a
   where a.unassigned_at is null
     and (a.user_id = frid_actor() or current_user <> 'frid_app')
  union all
  select g.case_id, g.user_id, false
    from access_grant g
   where g.revoked_at is null and g.expires_at > now()
     and (g.user_id = frid_actor() or current_user <> 'frid_app');

-- Persons each user is barred from: a person with a case behind a barrier from a case the user
-- has EVER worked (assigned or granted, now or before) whose person is another. The same rule
-- as frid_person_barred and frid_barred_persons, as rows the planner can probe or hash.
create view frid_barred_person with (security_barrier) as
  select mine.person_id, ever.user_id
    from (select b.case_a_id as mine_id, b.case_b_id as other_id from barrier b
          union all
          select b.case_b_id, b.case_a_id from barrier b) side
    join "case" mine on mine.id = side.mine_id
    join "case" other on other.id = side.other_id
    join (select a.case_id, a.user_id from case_assignment a
          union all
          select g.case_id, g.user_id from access_grant g) ever on ever.case_id = side.other_id
   where mine.person_id <> other.person_id
     and (ever.user_id = frid_actor() or current_user <> 'frid_app');

grant select on frid_current_work, frid_barred_person to frid_app;

drop policy case_select on "case";
create policy case_select on "case" for select to frid_app
  using (org_id = frid_org()
         and (unit_id = any ((select frid_managed_units(frid_actor()))::uuid[])
              or exists (select 1 from frid_current_work w
                          where w.case_id = "case".id and w.user_id = frid_actor()))
         and not exists (select 1 from frid_barred_person b
                          where b.person_id = "case".person_id and b.user_id = frid_actor()));
drop policy case_update on "case";
create policy case_update on "case" for update to frid_app
  using (org_id = frid_org()
         and (unit_id = any ((select frid_managed_units(frid_actor()))::uuid[])
              or exists (select 1 from frid_current_work w
                          where w.case_id = "case".id and w.user_id = frid_actor()))
         and not exists (select 1 from frid_barred_person b
                          where b.person_id = "case".person_id and b.user_id = frid_actor()));

drop policy person_select on person;
create policy person_select on person for select to frid_app
  using (org_id = frid_org()
         and not exists (select 1 from frid_barred_person b
                          where b.person_id = person.id and b.user_id = frid_actor())
         and (exists (select 1 from person_registration r
                       where r.person_id = person.id and r.user_id = frid_actor())
              or exists (select 1 from "case" c where c.person_id = person.id)
              or exists (select 1 from relation rel where rel.other_person_id = person.id)));
drop policy person_update on person;
create policy person_update on person for update to frid_app
  using (org_id = frid_org()
         and not exists (select 1 from frid_barred_person b
                          where b.person_id = person.id and b.user_id = frid_actor())
         and (exists (select 1 from person_registration r
                       where r.person_id = person.id and r.user_id = frid_actor())
              or exists (select 1 from "case" c where c.person_id = person.id)
              or exists (select 1 from relation rel where rel.other_person_id = person.id)));

-- The rule asked of one case by every other table's policy (a case's assignments, grants,
-- history, assessments on the case page). Unchanged in meaning; the assignment and the grant
-- are now asked of p_case itself, not of the outer row c.id: correlated, PostgreSQL could (and
-- in its cached plan did) answer them with a hash of ALL the actor's assignments — or a scan of
-- the table — on every call; uncorrelated, each is one probe of the (case, user) index.
create or replace function frid_can_see_case(p_case uuid) returns boolean
language plpgsql stable parallel safe security definer set search_path = public cost 25 as $$
begin
  return exists (
    select 1 from "case" c
    where c.id = p_case
      and c.org_id = frid_org()
      and (exists (select 1 from role_assignment r
                   where r.user_id = frid_actor() and r.unit_id = c.unit_id and r.role = 'unit_manager')
           or exists (select 1 from case_assignment a
                      where a.case_id = p_case and a.user_id = frid_actor() and a.unassigned_at is null)
           or exists (select 1 from access_grant g
                      where g.case_id = p_case and g.user_id = frid_actor()
                        and g.revoked_at is null and g.expires_at > now()))
      -- a barrier: whoever has ever worked the other side never sees this one
      and not frid_person_barred(c.person_id, frid_actor()));
end
$$;
