-- Frid 0070 (issue 18, item 8): a risk-conference action's owner who does not work the case
-- follows up their own action (GET/PATCH /api/risk-conference-actions/:id). 0068 let them
-- select the row; here they may update it too — that row only, and of it only what the owner
-- does to it: done or not, notes, version. Everything else of the row stays the case's
-- workers' (a trigger, since a policy cannot tell columns apart).

create policy risk_conference_action_owner_update on risk_conference_action for update
  to frid_app
  using (org_id = frid_org() and owner_user_id = frid_actor())
  with check (org_id = frid_org() and owner_user_id = frid_actor());

create function frid_conference_action_owner_only() returns trigger
language plpgsql as $$
begin
  if not frid_can_see_case(old.case_id)
     and (new.id, new.org_id, new.conference_id, new.case_id, new.description,
          new.owner_user_id, new.owner_contact_id, new.agency_id, new.due_on,
          new.created_by, new.created_at)
         is distinct from
         (old.id, old.org_id, old.conference_id, old.case_id, old.description,
          old.owner_user_id, old.owner_contact_id, old.agency_id, old.due_on,
          old.created_by, old.created_at) then
    raise exception 'an action''s owner outside its case changes only done, notes and version'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger risk_conference_action_owner_only
  before update on risk_conference_action
  for each row execute function frid_conference_action_owner_only();

-- The owner's trail (0068) also names the case (for the audit trail only, as its person and
-- unit) and says whether the case is closed: nothing in a closed case changes, an owner's
-- action included.
create or replace function frid_conference_action_trail(p_action uuid) returns json
language sql stable security definer set search_path = public as $$
  select json_build_object('day', coalesce(r.meeting_on, r.referred_on),
                           'person_id', c.person_id, 'unit_id', c.unit_id,
                           'case_id', c.id, 'closed', c.status = 'closed')
    from risk_conference_action a
    join risk_conference r on r.id = a.conference_id
    join "case" c on c.id = a.case_id
   where a.id = p_action and a.org_id = frid_org() and a.owner_user_id = frid_actor()
$$;
