-- Frid 0084 (issue 19, item 6; security review 19, findings 1, 13, 15): break-glass reaches
-- one case, to read it, and nothing beyond it.
--
-- Row-level security lets a break-glass grant see its case like any grant (0080), which is
-- right for the case's own rows. It was also the door to what belongs to a PLACE: the address
-- of a shelter is shown to whoever handles an ongoing stay there, and "handles" was
-- frid_can_see_case, so a self-service break-glass on any resident's case gave the secret
-- address of the house where every resident lives. frid_works_case is the same rule without
-- break-glass grants: assigned, the unit's manager, or an ordinary grant from that manager.

create function frid_works_case(p_case uuid) returns boolean
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
                      where g.case_id = p_case and g.user_id = frid_actor() and g.kind = 'grant'
                        and g.revoked_at is null and g.expires_at > now()))
      and not frid_person_barred(c.person_id, frid_actor()));
end
$$;
revoke all on function frid_works_case(uuid) from public;
grant execute on function frid_works_case(uuid) to frid_app;

-- The address: those who administer or run the place, and those who work a case with an
-- ongoing stay there — never by break-glass.
create or replace function frid_can_see_place_address(p_place uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from place p
                 where p.id = p_place and p.org_id = frid_org()
                   and (frid_administers_place(p.unit_id)
                        or frid_runs_place(p.id)
                        or exists (select 1 from stay_segment g join stay s on s.id = g.stay_id
                                   where g.place_id = p.id and g.to_on is null
                                     and s.left_on is null and s.cancelled_at is null
                                     and frid_works_case(s.case_id))))
$$;

-- Putting someone at a place (a stay, its members, its segments) is work on the case: a
-- break-glass reader cannot, in the database as in the application (case-command.ts).
drop policy stay_insert on stay;
create policy stay_insert on stay for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_works_case(case_id));
drop policy stay_member_insert on stay_member;
create policy stay_member_insert on stay_member for insert to frid_app
  with check (org_id = frid_org()
              and exists (select 1 from stay s where s.id = stay_id and frid_works_case(s.case_id)));
drop policy stay_segment_insert on stay_segment;
create policy stay_segment_insert on stay_segment for insert to frid_app
  with check (org_id = frid_org()
              and exists (select 1 from stay s where s.id = stay_id and frid_works_case(s.case_id)));

-- An ordinary grant is the unit manager's to give (cases/policy.ts "case.grant"); the policy
-- said only "sees the case", so an assigned worker or a break-glass reader could grant at the
-- database level.
drop policy access_grant_insert on access_grant;
create policy access_grant_insert on access_grant for insert to frid_app
  with check (org_id = frid_org() and kind = 'grant' and frid_can_see_case(case_id)
              and frid_has_unit_role((select c.unit_id from "case" c where c.id = case_id),
                                     array['unit_manager']));

-- Break-glass refused across a barrier that covers a person of the case other than its own:
-- a barrier links her case and his, so his worker was refused her case but not her child's,
-- which names her as a relative (and, through its stay, where they live). Refused with the
-- same 'barred' as her own case, which the caller answers as an unknown reference.
create or replace function frid_break_glass(p_reference text, p_reason text, p_minutes integer)
returns table (outcome text, case_id uuid, person_id uuid, unit_id uuid, grant_id uuid,
               expires_at timestamptz, notify text[])
language plpgsql volatile security definer set search_path = public as $$
#variable_conflict use_column
declare
  v_case record;
  v_grant uuid;
  v_expires timestamptz;
begin
  if p_minutes is null or p_minutes < 1 or p_minutes > 60 then
    raise exception 'a break-glass grant lasts at most 60 minutes';
  end if;
  if not exists (select 1 from role_assignment r join unit u on u.id = r.unit_id
                  where r.user_id = frid_actor() and u.org_id = frid_org()
                    and r.role in ('caseworker', 'therapist', 'protection_officer')) then
    return query select 'no_role'::text, null::uuid, null::uuid, null::uuid, null::uuid,
                        null::timestamptz, null::text[];
    return;
  end if;
  select c.id, c.person_id, c.unit_id into v_case
    from "case" c where c.org_id = frid_org() and c.reference = p_reference
    for no key update;
  if not found then
    return query select 'not_found'::text, null::uuid, null::uuid, null::uuid, null::uuid,
                        null::timestamptz, null::text[];
    return;
  end if;
  if frid_person_barred(v_case.person_id, frid_actor())
     or exists (select 1 from relation r
                 where r.case_id = v_case.id
                   and frid_person_barred(r.other_person_id, frid_actor())) then
    return query select 'barred'::text, v_case.id, v_case.person_id, v_case.unit_id, null::uuid,
                        null::timestamptz, null::text[];
    return;
  end if;
  if frid_can_see_case(v_case.id) then
    return query select 'visible'::text, v_case.id, v_case.person_id, v_case.unit_id, null::uuid,
                        null::timestamptz, null::text[];
    return;
  end if;
  insert into access_grant (org_id, case_id, user_id, reason, granted_by, expires_at, kind)
  values (frid_org(), v_case.id, frid_actor(), p_reason, frid_actor(),
          now() + make_interval(mins => p_minutes), 'break_glass')
  returning access_grant.id, access_grant.expires_at into v_grant, v_expires;
  return query select 'granted'::text, v_case.id, v_case.person_id, v_case.unit_id, v_grant,
    v_expires,
    array(select s.digest_email from role_assignment m
            join app_user au on au.id = m.user_id and au.active
            join notification_setting s on s.user_id = m.user_id
           where m.unit_id = v_case.unit_id and m.role = 'unit_manager'
             and s.digest_email is not null
           order by s.digest_email);
end
$$;
