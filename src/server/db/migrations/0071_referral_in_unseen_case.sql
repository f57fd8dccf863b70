-- Frid 0071: a referral in goes with the intake it became (issue 18, item 5). The intake
-- module lets a worker of the unit record an intake that joins the person's open case there
-- even when the worker does not work that case (the answer then shows no case). The referral
-- row must then be recorded too, in the same transaction — else the command failed as a 500
-- and nothing was recorded. The worker may insert the in-referral of an intake they recorded
-- into that same case; they still cannot read it afterwards (referral_select is unchanged).

-- Whether the actor recorded this intake into this case (security definer: the intake of a
-- case the actor may not see is not visible to them under intake's own policy).
create function frid_recorded_intake_of_case(p_intake uuid, p_case uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from intake i
                 where i.id = p_intake and i.case_id = p_case
                   and i.recorded_by = frid_actor() and i.org_id = frid_org())
$$;
revoke all on function frid_recorded_intake_of_case(uuid, uuid) from public;
grant execute on function frid_recorded_intake_of_case(uuid, uuid) to frid_app;

drop policy referral_insert on referral;
create policy referral_insert on referral for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and (
    frid_can_see_case(case_id)
    or (direction = 'in' and frid_recorded_intake_of_case(intake_id, case_id))));
