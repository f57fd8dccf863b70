-- Frid 0072 (issue 18, security review): the information barrier holds for a risk-conference
-- action's owner too. 0068/0070 let an action's owner read and follow up the action without
-- working the case; an owner on the other side of a barrier (his therapist, the partner
-- contact's worker) would then read an action such as "home visit at her new address". The
-- owner's branch now also asks that the owner is not barred from the case's person, and no
-- action is given to, or moved to, a barred owner.

drop policy risk_conference_action_select on risk_conference_action;
create policy risk_conference_action_select on risk_conference_action for select to frid_app
  using (frid_can_see_case(case_id)
         or (org_id = frid_org() and owner_user_id = frid_actor()
             and not frid_barred(case_id, frid_actor())));

drop policy risk_conference_action_owner_update on risk_conference_action;
create policy risk_conference_action_owner_update on risk_conference_action for update
  to frid_app
  using (org_id = frid_org() and owner_user_id = frid_actor()
         and not frid_barred(case_id, frid_actor()))
  with check (org_id = frid_org() and owner_user_id = frid_actor()
              and not frid_barred(case_id, frid_actor()));

drop policy risk_conference_action_insert on risk_conference_action;
create policy risk_conference_action_insert on risk_conference_action for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(case_id)
              and (owner_user_id is null or not frid_barred(case_id, owner_user_id)));

drop policy risk_conference_action_update on risk_conference_action;
create policy risk_conference_action_update on risk_conference_action for update to frid_app
  using (frid_can_see_case(case_id))
  with check (frid_can_see_case(case_id)
              and (owner_user_id is null or not frid_barred(case_id, owner_user_id)));

create or replace function frid_conference_action_trail(p_action uuid) returns json
language sql stable security definer set search_path = public as $$
  select json_build_object('day', coalesce(r.meeting_on, r.referred_on),
                           'person_id', c.person_id, 'unit_id', c.unit_id,
                           'case_id', c.id, 'closed', c.status = 'closed')
    from risk_conference_action a
    join risk_conference r on r.id = a.conference_id
    join "case" c on c.id = a.case_id
   where a.id = p_action and a.org_id = frid_org() and a.owner_user_id = frid_actor()
     and not frid_person_barred(c.person_id, frid_actor())
$$;
