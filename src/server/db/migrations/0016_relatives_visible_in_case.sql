-- Frid 0016: a relative recorded in a case is part of that case's record: whoever may see
-- the case sees the relative's name and number there (not their cases, not their contact
-- details — those need a case of the relative's own). Before this, only the worker who had
-- registered the relative saw them, so a colleague newly assigned, or the unit manager, saw
-- "no relatives" in a case that had them.
create or replace function frid_can_see_person(p_person uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return exists (select 1 from person_registration r
                 where r.person_id = p_person and r.user_id = frid_actor() and r.org_id = frid_org())
      or exists (select 1 from "case" c where c.person_id = p_person and frid_can_see_case(c.id))
      or exists (select 1 from relation rel
                 where rel.other_person_id = p_person and rel.org_id = frid_org()
                   and frid_can_see_case(rel.case_id));
end
$$;
