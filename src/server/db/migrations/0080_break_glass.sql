-- Frid 0080 (issue 19, item 6): break-glass. A worker who must see a case outside their access
-- in an emergency names it by its reference and states a reason, and gets a short read-only
-- grant (access_grant of kind 'break_glass'); the managers of the case's unit review every one
-- with a conclusion. The ordinary grant (0002) stays the manager's to give.
--
-- The worker cannot insert such a grant under access_grant's own policy (it asks that the
-- inserter already sees the case), so it is made by one security-definer function that checks
-- everything itself: a casework role in the organisation, the case in the same organisation,
-- never across a barrier (frid_person_barred, as everywhere), not when the case is visible
-- already. The case row is locked first, as a barrier's creation locks both its cases, so a
-- barrier and a break-glass cannot pass each other unseen.
--
-- Read-only is the application's (access/case-command.ts refuses every change through a
-- break-glass grant); row-level security treats the grant as seeing the case, like any grant.

alter table access_grant add column kind text not null default 'grant'
  check (kind in ('grant', 'break_glass'));
create index access_grant_break_glass_idx on access_grant (org_id, granted_at)
  where kind = 'break_glass';

-- The manager's grant through the API is an ordinary one; a break-glass comes from the function.
drop policy access_grant_insert on access_grant;
create policy access_grant_insert on access_grant for insert to frid_app
  with check (org_id = frid_org() and kind = 'grant' and frid_can_see_case(case_id));

-- One conclusion per break-glass: justified or not, a note required for "not justified".
create table break_glass_review (
  grant_id    uuid primary key references access_grant (id),
  org_id      uuid not null references organisation (id),
  conclusion  text not null check (conclusion in ('justified', 'not_justified')),
  note        text check (note is null or length(note) between 1 and 4000),
  reviewed_by uuid not null references app_user (id),
  reviewed_at timestamptz not null default now(),
  check (conclusion = 'justified' or note is not null)
);

-- What a manager reviews: the break-glass grants on cases of the units they manage, with the
-- conclusion if any. Owned by the owner, so a manager who is barred from the case (having
-- worked the other side) still reviews the access; it names the case by id and reference and
-- the worker by name, never the person. Only the session's own managed units show.
create view frid_break_glass_review_item with (security_barrier) as
  select g.id as grant_id, g.org_id, g.case_id, c.reference, c.unit_id, c.person_id,
         g.user_id, u.display_name as user_name, g.reason, g.granted_at, g.expires_at,
         g.revoked_at, r.conclusion, r.note, r.reviewed_by, ru.display_name as reviewer_name,
         r.reviewed_at
    from access_grant g
    join "case" c on c.id = g.case_id
    join app_user u on u.id = g.user_id
    left join break_glass_review r on r.grant_id = g.id
    left join app_user ru on ru.id = r.reviewed_by
   where g.kind = 'break_glass'
     and g.org_id = frid_org()
     and g.user_id <> frid_actor()
     and exists (select 1 from role_assignment m
                  where m.user_id = frid_actor() and m.unit_id = c.unit_id
                    and m.role = 'unit_manager');
grant select on frid_break_glass_review_item to frid_app;

alter table break_glass_review enable row level security;
create policy break_glass_review_select on break_glass_review for select to frid_app
  using (org_id = frid_org()
         and exists (select 1 from frid_break_glass_review_item v where v.grant_id = break_glass_review.grant_id));
create policy break_glass_review_insert on break_glass_review for insert to frid_app
  with check (org_id = frid_org() and reviewed_by = frid_actor()
              and exists (select 1 from frid_break_glass_review_item v where v.grant_id = break_glass_review.grant_id));
grant select, insert on break_glass_review to frid_app;

-- The self-service grant. Answers one row: the outcome ('granted', 'no_role', 'not_found',
-- 'barred', 'visible') and, where there is a case, its ids for the audit trail (the caller
-- tells the worker no more than "not possible"); for 'granted' the grant, its end, and the
-- e-mail addresses the unit's managers gave for notices (to be told without personal data).
create function frid_break_glass(p_reference text, p_reason text, p_minutes integer)
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
  if frid_person_barred(v_case.person_id, frid_actor()) then
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
revoke all on function frid_break_glass(text, text, integer) from public;
grant execute on function frid_break_glass(text, text, integer) to frid_app;
