-- Frid 0025 (security review of issue 6): the opener of a case may assign themselves as its
-- first worker — except a partner-contact case, which his therapist opens on his consent and
-- which must never be his. Only the unit manager assigns its worker.
create or replace function frid_is_first_assignment_by_opener(p_case uuid, p_user uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select p_user = frid_actor()
     and exists (select 1 from "case" c where c.id = p_case and c.opened_by = frid_actor()
                 and c.case_type <> 'partner_contact')
     and not exists (select 1 from case_assignment a where a.case_id = p_case)
$$;
