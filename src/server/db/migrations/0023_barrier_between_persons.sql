-- Frid 0023: the information barrier holds between the two people, not only the two cases
-- (security review of issue 6). Whoever has worked (been assigned to or granted) the case on
-- one side of a barrier may not see, open, be assigned or be granted ANY case of the person
-- on the other side, nor see that person — else his therapist could register her number
-- again, open a case of his own on her and read the contact details her worker recorded.

-- Whether a user has worked the other side of a barrier that touches any case of this person.
create function frid_person_barred(p_person uuid, p_user uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return exists (
    select 1
    from "case" mine
    join barrier b on b.case_a_id = mine.id or b.case_b_id = mine.id
    join "case" other on other.id = case when b.case_a_id = mine.id then b.case_b_id else b.case_a_id end
    where mine.person_id = p_person
      and other.person_id <> p_person
      and (exists (select 1 from case_assignment o where o.case_id = other.id and o.user_id = p_user)
           or exists (select 1 from access_grant g where g.case_id = other.id and g.user_id = p_user))
  );
end
$$;

-- A case is barred to whoever is barred from its person.
create or replace function frid_barred(p_case uuid, p_user uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return frid_person_barred((select person_id from "case" where id = p_case), p_user);
end
$$;

create or replace function frid_can_see_person(p_person uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  if frid_person_barred(p_person, frid_actor()) then
    return false;
  end if;
  return exists (select 1 from person_registration r
                 where r.person_id = p_person and r.user_id = frid_actor() and r.org_id = frid_org())
      or exists (select 1 from "case" c where c.person_id = p_person and frid_can_see_case(c.id))
      or exists (select 1 from relation rel
                 where rel.other_person_id = p_person and rel.org_id = frid_org()
                   and frid_can_see_case(rel.case_id));
end
$$;

-- Nobody opens a case on a person they are barred from.
drop policy case_insert on "case";
create policy case_insert on "case" for insert to frid_app
  with check (org_id = frid_org() and opened_by = frid_actor()
              and frid_has_unit_role(unit_id, array['caseworker', 'therapist', 'protection_officer', 'unit_manager'])
              and not frid_person_barred(person_id, frid_actor()));

grant execute on function frid_person_barred(uuid, uuid) to frid_app;
