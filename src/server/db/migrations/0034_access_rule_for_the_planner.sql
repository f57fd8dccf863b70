-- Frid 0034 (issue 14): the access rule written so the planner can use it (ADR 0009).
--
-- Until now every policy called frid_can_see_case / frid_can_see_person, plpgsql security-
-- definer functions the planner cannot look into, once per row: a personnummer lookup in an
-- organisation of 50,000 cases was estimated at millions, JIT-compiled, and the function ran
-- on every row of the organisation. The rule itself is unchanged; only its writing changes:
--
--   a case is visible when it is in the actor's organisation, and
--     its unit is one the actor manages, or the actor is assigned to it now, or holds a live
--     grant for it — and its person is not one the actor is barred from.
--
-- The actor's three small sets (managed units, cases worked now, barred persons) are read by
-- security-definer functions, because they are rows row-level security would hide from the
-- actor; each is called ONCE per statement as a scalar subquery (an InitPlan), and the row is
-- compared with `= any(...)` / `<> all(...)`, which the planner can use as index conditions
-- (an index scan on the case ids, a bitmap over the unit index). No policy reads a table
-- whose policy reads it back (the definer functions read as the owner), so nothing recurses.

-- Units the user manages (role_assignment has no row-level security; the function is here so
-- the policy reads it once per statement).
create function frid_managed_units(p_user uuid) returns uuid[]
language plpgsql stable parallel safe security definer set search_path = public cost 10 as $$
begin
  return coalesce((select array_agg(unit_id) from role_assignment
                    where user_id = p_user and role = 'unit_manager' and unit_id is not null), '{}');
end
$$;

-- Cases the user works now: assigned and not unassigned, or a grant neither revoked nor expired.
create function frid_current_cases(p_user uuid) returns uuid[]
language plpgsql stable parallel safe security definer set search_path = public cost 50 as $$
begin
  return coalesce((select array_agg(case_id) from (
    select case_id from case_assignment where user_id = p_user and unassigned_at is null
    union
    select case_id from access_grant
     where user_id = p_user and revoked_at is null and expires_at > now()) worked), '{}');
end
$$;

-- Persons the user is barred from: every person with a case behind a barrier from a case the
-- user has EVER worked (assigned or granted, now or before; migrations 0020, 0023) whose
-- person is another. The same rule as frid_person_barred, read from the user's side.
create function frid_barred_persons(p_user uuid) returns uuid[]
language plpgsql stable parallel safe security definer set search_path = public cost 50 as $$
begin
  return coalesce((select array_agg(distinct mine.person_id)
    from (select case_a_id as other_id, case_b_id as mine_id from barrier
           where org_id = (select org_id from app_user where id = p_user)
          union all
          select case_b_id, case_a_id from barrier
           where org_id = (select org_id from app_user where id = p_user)) side
    join "case" other on other.id = side.other_id
    join "case" mine on mine.id = side.mine_id
   where mine.person_id <> other.person_id
     and side.other_id in (select case_id from case_assignment where user_id = p_user
                           union all
                           select case_id from access_grant where user_id = p_user)), '{}');
end
$$;

create index access_grant_user_idx on access_grant (user_id, case_id);
create index relation_other_person_idx on relation (other_person_id);
create index barrier_org_idx on barrier (org_id);

grant execute on function frid_managed_units(uuid), frid_current_cases(uuid),
  frid_barred_persons(uuid) to frid_app;

-- The case: the rule itself. -------------------------------------------------------------
drop policy case_select on "case";
create policy case_select on "case" for select to frid_app
  using (org_id = frid_org()
         and (unit_id = any ((select frid_managed_units(frid_actor()))::uuid[])
              or id = any ((select frid_current_cases(frid_actor()))::uuid[]))
         and person_id <> all ((select frid_barred_persons(frid_actor()))::uuid[]));
drop policy case_update on "case";
create policy case_update on "case" for update to frid_app
  using (org_id = frid_org()
         and (unit_id = any ((select frid_managed_units(frid_actor()))::uuid[])
              or id = any ((select frid_current_cases(frid_actor()))::uuid[]))
         and person_id <> all ((select frid_barred_persons(frid_actor()))::uuid[]));

-- The person: not barred, and registered by the actor, or with a case the actor sees, or a
-- relative recorded in a case the actor sees (0016). "case" and relation answer with their
-- own policies; person_registration's policy is the actor's own rows.
drop policy person_select on person;
create policy person_select on person for select to frid_app
  using (org_id = frid_org()
         and id <> all ((select frid_barred_persons(frid_actor()))::uuid[])
         and (exists (select 1 from person_registration r
                       where r.person_id = person.id and r.user_id = frid_actor())
              or exists (select 1 from "case" c where c.person_id = person.id)
              or exists (select 1 from relation rel where rel.other_person_id = person.id)));
drop policy person_update on person;
create policy person_update on person for update to frid_app
  using (org_id = frid_org()
         and id <> all ((select frid_barred_persons(frid_actor()))::uuid[])
         and (exists (select 1 from person_registration r
                       where r.person_id = person.id and r.user_id = frid_actor())
              or exists (select 1 from "case" c where c.person_id = person.id)
              or exists (select 1 from relation rel where rel.other_person_id = person.id)));

-- A relative recorded in a case is seen with the case (0016). The person policy asks about
-- relation rows for every person it looks at, so relation answers through the case's policy
-- (sets read once per statement), not with a function per relation row.
drop policy relation_select on relation;
create policy relation_select on relation for select to frid_app
  using (exists (select 1 from "case" seen where seen.id = relation.case_id));

-- Every other table keeps asking frid_can_see_case(case_id) per row: those rows are already
-- found by their own index (a case's journal, its assignments), so the question is asked of a
-- few rows, and a few index probes answer it — cheaper than three InitPlans per subquery. It
-- is the same rule asked about one case, now with the cost it has.
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
                      where a.case_id = c.id and a.user_id = frid_actor() and a.unassigned_at is null)
           or exists (select 1 from access_grant g
                      where g.case_id = c.id and g.user_id = frid_actor()
                        and g.revoked_at is null and g.expires_at > now()))
      -- a barrier: whoever has ever worked the other side never sees this one
      and not frid_person_barred(c.person_id, frid_actor()));
end
$$;

-- Nothing calls this any more: the person's rule lives in the policies above and in
-- scope.ts, not in a third copy. (A policy still calling it would make this fail.)
drop function frid_can_see_person(uuid);

-- The barrier checks the application still asks per person (registration, opening a case),
-- with the cost they have: a handful of index probes.
create or replace function frid_person_barred(p_person uuid, p_user uuid) returns boolean
language plpgsql stable parallel safe security definer set search_path = public cost 20 as $$
begin
  return exists (
    select 1
    from "case" mine
    join barrier b on b.case_a_id = mine.id or b.case_b_id = mine.id
    join "case" other on other.id = case when b.case_a_id = mine.id then b.case_b_id else b.case_a_id end
    where mine.person_id = p_person
      and other.person_id <> p_person
      and (exists (select 1 from case_assignment o where o.case_id = other.id and o.user_id = p_user)
           or exists (select 1 from access_grant g where g.case_id = other.id and g.user_id = p_user)));
end
$$;
create or replace function frid_barred(p_case uuid, p_user uuid) returns boolean
language plpgsql stable parallel safe security definer set search_path = public cost 25 as $$
begin
  return frid_person_barred((select person_id from "case" where id = p_case), p_user);
end
$$;

-- Honest costs for what remains (units of cpu_operator_cost; the default 100 for a function
-- is either far too much or far too little): a few index probes each. All of them only read,
-- so they are safe in a parallel worker; none is LEAKPROOF (each reveals whether rows exist).
alter function frid_person_barred_by_partner_contact(uuid, uuid) cost 20 parallel safe;
alter function frid_has_unit_role(uuid, text[]) cost 10 parallel safe;
alter function frid_new_partner_case(uuid) cost 10 parallel safe;
alter function frid_unbarred(uuid) cost 10 parallel safe;
alter function frid_is_first_assignment_by_opener(uuid, uuid) cost 10 parallel safe;
alter function frid_barrier_joins(uuid, uuid, uuid) cost 5 parallel safe;
alter function frid_case_person(uuid) cost 5 parallel safe;
alter function frid_journal_entry_case(uuid) cost 5 parallel safe;
alter function frid_open_case_for(uuid, uuid) cost 10 parallel safe;
alter function frid_person_id_by_identity(text) cost 5 parallel safe;
alter function frid_reports_on_unit(uuid) cost 10 parallel safe;
alter function frid_reports_on_case(uuid) cost 15 parallel safe;
