-- The access rules of a migrated Frid database, written by
-- src/server/db/access-rules.snapshot.test.ts. Do not edit by hand: change a migration,
-- then refresh with FRID_UPDATE_SNAPSHOTS=1 npx vitest run src/server/db/access-rules.snapshot.test.ts

-- ===== Functions =====

-- frid_actor(): execute granted to frid_app, frid_report
CREATE OR REPLACE FUNCTION public.frid_actor()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $function$ select nullif(current_setting('frid.user_id', true), '')::uuid $function$;

-- frid_administers_org(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_administers_org()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org() and r.role = 'administrator')
$function$;

-- frid_administers_place(p_unit uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_administers_place(p_unit uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select frid_has_unit_role(p_unit, array['unit_manager', 'housing_coordinator'])
$function$;

-- frid_assessment_final()
CREATE OR REPLACE FUNCTION public.frid_assessment_final()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if current_setting('frid.retention', true) = 'remove' and current_user <> 'frid_app' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op = 'UPDATE' and (to_jsonb(new) - 'case_unit_id') = (to_jsonb(old) - 'case_unit_id') then
    return new;
  end if;
  if old.completed_at is not null then
    raise exception 'a completed assessment never changes' using errcode = '23514';
  end if;
  return new;
end
$function$;

-- frid_assigned_cases(p_user uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_assigned_cases(p_user uuid)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
begin
  return coalesce((select array_agg(case_id) from case_assignment
                    where user_id = p_user and unassigned_at is null
                      and (frid_actor() is null or p_user = frid_actor())), '{}');
end
$function$;

-- frid_barred(p_case uuid, p_user uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_barred(p_case uuid, p_user uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 25
 SET search_path TO 'public'
AS $function$
begin
  return frid_person_barred((select person_id from "case" where id = p_case), p_user);
end
$function$;

-- frid_barred_persons(p_user uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_barred_persons(p_user uuid)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 50
 SET search_path TO 'public'
AS $function$
begin
  return coalesce((
    with worked as materialized (
      -- every case the user has EVER worked (0020, 0023), not only the current ones
      select case_id from case_assignment where user_id = p_user
      union
      select case_id from access_grant where user_id = p_user),
    side as materialized (
      -- each barrier read from both ends: the end the user worked, and the other end
      select s.other_id, s.mine_id
        from barrier b
        cross join lateral (values (b.case_a_id, b.case_b_id), (b.case_b_id, b.case_a_id))
               as s (other_id, mine_id)
       where b.org_id = (select org_id from app_user where id = p_user)
         and s.other_id in (select case_id from worked))
    select array_agg(distinct mine.person_id)
      from side
      join "case" other on other.id = side.other_id
      join "case" mine on mine.id = side.mine_id
     where mine.person_id <> other.person_id), '{}');
end
$function$;

-- frid_barrier_joins(p_barrier uuid, p_from uuid, p_to uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_barrier_joins(p_barrier uuid, p_from uuid, p_to uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 5
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from barrier b where b.id = p_barrier and b.org_id = frid_org()
                 and ((b.case_a_id = p_from and b.case_b_id = p_to)
                   or (b.case_b_id = p_from and b.case_a_id = p_to)))
$function$;

-- frid_break_glass(p_reference text, p_reason text, p_minutes integer): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_break_glass(p_reference text, p_reason text, p_minutes integer)
 RETURNS TABLE(outcome text, case_id uuid, person_id uuid, unit_id uuid, grant_id uuid, expires_at timestamp with time zone, notify text[])
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
$function$;

-- frid_can_see_case(p_case uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_can_see_case(p_case uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 25
 SET search_path TO 'public'
AS $function$
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
$function$;

-- frid_can_see_child_work(p_work uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_can_see_child_work(p_work uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER COST 15
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from child_work w
                 where w.id = p_work and w.org_id = frid_org()
                   and case when w.case_id is not null then frid_can_see_case(w.case_id)
                            else frid_can_see_service_course(w.course_id) end)
$function$;

-- frid_can_see_place_address(p_place uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_can_see_place_address(p_place uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from place p
                 where p.id = p_place and p.org_id = frid_org()
                   and (frid_administers_place(p.unit_id)
                        or frid_runs_place(p.id)
                        or exists (select 1 from stay_segment g join stay s on s.id = g.stay_id
                                   where g.place_id = p.id and g.to_on is null
                                     and s.left_on is null and s.cancelled_at is null
                                     and frid_works_case(s.case_id))))
$function$;

-- frid_can_see_service_course(p_course uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_can_see_service_course(p_course uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from service_course c
                 where c.id = p_course and c.org_id = frid_org()
                   and (c.responsible_id = frid_actor()
                        or frid_has_unit_role(c.unit_id, array['unit_manager'])
                        or exists (select 1 from service_contact s
                                   where s.course_id = c.id and s.worker_id = frid_actor())))
$function$;

-- frid_can_see_stay(p_stay uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_can_see_stay(p_stay uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from stay s
                 where s.id = p_stay and s.org_id = frid_org()
                   and (frid_can_see_case(s.case_id)
                        or exists (select 1 from stay_segment g
                                   where g.stay_id = s.id and frid_runs_place(g.place_id))))
$function$;

-- frid_can_see_survey(p_survey uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_can_see_survey(p_survey uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from survey s
                 where s.id = p_survey and s.org_id = frid_org() and frid_makes_surveys(s.unit_id))
$function$;

-- frid_case_by_reference(p_reference text): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_case_by_reference(p_reference text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select id from "case" where org_id = frid_org() and reference = p_reference
$function$;

-- frid_case_outcome_keep()
CREATE OR REPLACE FUNCTION public.frid_case_outcome_keep()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  if (to_jsonb(new) - 'case_unit_id') = (to_jsonb(old) - 'case_unit_id') then
    return new;
  end if;
  insert into case_outcome_history
    (case_id, org_id, goal_reached, own_view, not_assessed_reason, recorded_at, recorded_by)
  values
    (old.case_id, old.org_id, old.goal_reached, old.own_view, old.not_assessed_reason,
     old.recorded_at, old.recorded_by);
  return new;
end
$function$;

-- frid_case_person(p_case uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_case_person(p_case uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 5
 SET search_path TO 'public'
AS $function$
  select person_id from "case" where id = p_case and org_id = frid_org()
$function$;

-- frid_case_report_facts_follow()
CREATE OR REPLACE FUNCTION public.frid_case_report_facts_follow()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  k uuid;
  f record;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then old.case_id end,
      case when tg_op <> 'DELETE' then new.case_id end], null) loop
    f := frid_case_report_facts_of(k);
    update "case" set granted_decision = f.granted, outcome_goal = f.goal
     where id = k and (granted_decision, outcome_goal) is distinct from (f.granted, f.goal);
  end loop;
  return null;
end
$function$;

-- frid_case_report_facts_kept()
CREATE OR REPLACE FUNCTION public.frid_case_report_facts_kept()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  f record;
begin
  if (new.granted_decision, new.outcome_goal) is distinct from
     (old.granted_decision, old.outcome_goal) then
    f := frid_case_report_facts_of(new.id);
    new.granted_decision := f.granted;
    new.outcome_goal := f.goal;
  end if;
  return new;
end
$function$;

-- frid_case_report_facts_of(p_case uuid, OUT granted boolean, OUT goal text)
CREATE OR REPLACE FUNCTION public.frid_case_report_facts_of(p_case uuid, OUT granted boolean, OUT goal text)
 RETURNS record
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from decision d where d.case_id = p_case
                  and d.outcome in ('granted', 'partly_granted')),
         (select o.goal_reached from case_outcome o where o.case_id = p_case);
$function$;

-- frid_case_unit_follow()
CREATE OR REPLACE FUNCTION public.frid_case_unit_follow()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  update treatment set case_unit_id = new.unit_id where case_id = new.id;
  update consent set case_unit_id = new.unit_id where case_id = new.id;
  update partner set case_unit_id = new.unit_id where case_id = new.id;
  update partner_contact_attempt set case_unit_id = new.unit_id where case_id = new.id;
  update partner_contact_refusal set case_unit_id = new.unit_id where case_id = new.id;
  update decision set case_unit_id = new.unit_id where case_id = new.id;
  update stay set case_unit_id = new.unit_id where case_id = new.id;
  update place_enquiry set case_unit_id = new.unit_id where case_id = new.id;
  update case_status_change set case_unit_id = new.unit_id where case_id = new.id;
  update relation set case_unit_id = new.unit_id where case_id = new.id;
  update assessment set case_unit_id = new.unit_id where case_id = new.id;
  update case_outcome set case_unit_id = new.unit_id where case_id = new.id;
  update intake set case_unit_id = new.unit_id where case_id = new.id;
  update preliminary_decision set case_unit_id = new.unit_id where case_id = new.id;
  update investigation set case_unit_id = new.unit_id where case_id = new.id;
  update investigation_extension set case_unit_id = new.unit_id where case_id = new.id;
  update disclosure set case_unit_id = new.unit_id where case_id = new.id;
  update risk_conference set case_unit_id = new.unit_id where case_id = new.id;
  update risk_conference_action set case_unit_id = new.unit_id where case_id = new.id;
  update barrier_event set case_unit_id = new.unit_id where from_case_id = new.id;
  update investigation_span set case_unit_id = new.unit_id where case_id = new.id;
  return null;
end
$function$;

-- frid_case_unit_of_row()
CREATE OR REPLACE FUNCTION public.frid_case_unit_of_row()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  c record;
begin
  select c0.unit_id, c0.case_type, c0.person_id into c from "case" c0
   where c0.id = (to_jsonb(new) ->> tg_argv[0])::uuid;
  new := jsonb_populate_record(new, jsonb_build_object(
    'case_unit_id', c.unit_id, 'case_type', c.case_type, 'case_person_id', c.person_id));
  return new;
end
$function$;

-- frid_case_unit_of_stay()
CREATE OR REPLACE FUNCTION public.frid_case_unit_of_stay()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  s record;
begin
  select s0.case_unit_id, s0.left_on, s0.cancelled_at is not null as cancelled,
         coalesce(s0.arrived_on, s0.planned_from) as began
    into s from stay s0 where s0.id = new.stay_id;
  new := jsonb_populate_record(new, jsonb_build_object(
    'case_unit_id', s.case_unit_id, 'stay_left_on', s.left_on, 'stay_cancelled', s.cancelled,
    'stay_began_on', s.began));
  return new;
end
$function$;

-- frid_chat_closing()
CREATE OR REPLACE FUNCTION public.frid_chat_closing()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  if new.status = 'closed' and old.status <> 'closed' then
    new.closed_at := coalesce(new.closed_at, now());
    new.purge_after := new.closed_at + make_interval(hours => coalesce(
      (select s.retention_hours from chat_setting s where s.unit_id = new.unit_id), 24));
  end if;
  return new;
end
$function$;

-- frid_chat_org(p_token_hash text): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_chat_org(p_token_hash text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select c.org_id from chat_conversation c where c.token_hash = p_token_hash
$function$;

-- frid_chat_purge(p_now timestamp with time zone, p_idle interval): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_chat_purge(p_now timestamp with time zone, p_idle interval)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  deleted integer;
begin
  update chat_conversation c
     set status = 'closed', taken_by = null, closed_at = p_now, closed_by = 'idle'
   where c.status <> 'closed' and c.last_activity_at < p_now - p_idle;
  delete from chat_conversation where purge_after <= p_now;
  get diagnostics deleted = row_count;
  return deleted;
end
$function$;

-- frid_chat_staff(p_unit uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_chat_staff(p_unit uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select frid_has_unit_role(p_unit, array['caseworker', 'therapist', 'protection_officer',
                                          'unit_manager', 'consultant', 'housing_coordinator'])
$function$;

-- frid_chat_token(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_chat_token()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$ select nullif(current_setting('frid.chat_token', true), '') $function$;

-- frid_chat_units(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_chat_units()
 RETURNS TABLE(unit_id uuid, org_id uuid, unit_name text, hours jsonb, open_on_days_off boolean, welcome_text text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select s.unit_id, s.org_id, u.name, s.hours, s.open_on_days_off, s.welcome_text
    from chat_setting s join unit u on u.id = s.unit_id
   where s.enabled
   order by u.name
$function$;

-- frid_child_housing_decision(p_case uuid, p_child uuid, p_on date): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_child_housing_decision(p_case uuid, p_child uuid, p_on date)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select d.id
  from decision d
  join "case" cc on cc.id = d.case_id
  join child_placement cp on cp.decision_id = d.id
  where frid_can_see_case(p_case)
    and exists (select 1 from relation r join "case" a on a.id = r.case_id
                where r.case_id = p_case and r.person_id = a.person_id
                  and r.other_person_id = p_child and r.kind = 'child')
    and cc.org_id = frid_org() and cc.person_id = p_child and cc.case_type = 'child'
    and d.intervention_kind = 'sheltered_housing' and d.outcome in ('granted', 'partly_granted')
    and (d.period_from is null or d.period_from <= p_on)
    and (d.period_to is null or d.period_to >= p_on)
    and (cp.ended_on is null or cp.ended_on > p_on)
    and (cp.court_outcome is null or cp.court_outcome <> 'rejected')
    and (case cp.basis
           when 'custodians_consent' then not exists (
             select 1 from consent k where k.decision_id = d.id and k.revoked_on is not null
               and k.revoked_on <= p_on)
           else cp.immediate or cp.court_outcome = 'approved'
         end)
  order by d.decided_at desc
  limit 1
$function$;

-- frid_child_work_anchor(p_work uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_child_work_anchor(p_work uuid)
 RETURNS TABLE(case_id uuid, course_id uuid, person_id uuid)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select w.case_id, w.course_id,
         case when w.case_id is not null then (select c.person_id from "case" c where c.id = w.case_id)
              else (select s.person_id from service_course s where s.id = w.course_id) end
    from child_work w
   where w.id = p_work and w.org_id = frid_org()
$function$;

-- frid_conference_action_owner_only()
CREATE OR REPLACE FUNCTION public.frid_conference_action_owner_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$;

-- frid_conference_action_trail(p_action uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_conference_action_trail(p_action uuid)
 RETURNS json
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select json_build_object('day', coalesce(r.meeting_on, r.referred_on),
                           'person_id', c.person_id, 'unit_id', c.unit_id,
                           'case_id', c.id, 'closed', c.status = 'closed')
    from risk_conference_action a
    join risk_conference r on r.id = a.conference_id
    join "case" c on c.id = a.case_id
   where a.id = p_action and a.org_id = frid_org() and a.owner_user_id = frid_actor()
     and not frid_person_barred(c.person_id, frid_actor())
$function$;

-- frid_crisis_series_work(p_series uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_crisis_series_work(p_series uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select s.child_work_id from crisis_talk_series s where s.id = p_series and s.org_id = frid_org()
$function$;

-- frid_current_cases(p_user uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_current_cases(p_user uuid)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 50
 SET search_path TO 'public'
AS $function$
begin
  return coalesce((select array_agg(case_id) from (
    select case_id from case_assignment where user_id = p_user and unassigned_at is null
    union
    select case_id from access_grant
     where user_id = p_user and revoked_at is null and expires_at > now()) worked), '{}');
end
$function$;

-- frid_digests_due(p_day date): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_digests_due(p_day date)
 RETURNS TABLE(user_id uuid, org_id uuid)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select s.user_id, s.org_id
    from notification_setting s
    join app_user u on u.id = s.user_id and u.active
   where s.digest
     and not exists (select 1 from notification_digest d
                      where d.user_id = s.user_id and d.day = p_day
                        and (d.state <> 'sending' or d.claimed_at > now() - interval '15 minutes'))
$function$;

-- frid_document_delete_destroyed_only()
CREATE OR REPLACE FUNCTION public.frid_document_delete_destroyed_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if old.destroyed_at is null then
    raise exception 'document % must be destroyed before its row is deleted', old.id
      using errcode = 'check_violation';
  end if;
  return old;
end
$function$;

-- frid_does_case_work(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_does_case_work()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('caseworker', 'therapist', 'protection_officer', 'unit_manager',
                                  'housing_coordinator', 'shelter_staff'))
$function$;

-- frid_enquiry_case(p_enquiry uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_enquiry_case(p_enquiry uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select case_id from place_enquiry where id = p_enquiry and org_id = frid_org()
$function$;

-- frid_fold(p_text text)
CREATE OR REPLACE FUNCTION public.frid_fold(p_text text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
  select translate(lower(public.unaccent('public.unaccent'::regdictionary, p_text)), '-', ' ')
$function$;

-- frid_follows_up_agreement(p_agreement uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_follows_up_agreement(p_agreement uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select frid_manages_agreement(p_agreement)
      or exists (select 1 from agreement_responsible r
                 where r.agreement_id = p_agreement and r.org_id = frid_org()
                   and r.user_id = frid_actor())
$function$;

-- frid_gives_service(p_unit uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_gives_service(p_unit uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select frid_has_unit_role(p_unit, array['caseworker', 'therapist', 'protection_officer', 'unit_manager'])
$function$;

-- frid_has_unit_role(p_unit uuid, p_roles text[]): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_has_unit_role(p_unit uuid, p_roles text[])
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r join unit u on u.id = r.unit_id
                 where r.user_id = frid_actor() and r.unit_id = p_unit and u.org_id = frid_org()
                   and r.role = any (p_roles))
$function$;

-- frid_hold_case(p_hold uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_hold_case(p_hold uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select case_id from place_hold where id = p_hold and org_id = frid_org()
$function$;

-- frid_in_org(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_in_org()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org())
$function$;

-- frid_intake_preliminary()
CREATE OR REPLACE FUNCTION public.frid_intake_preliminary()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  new.preliminary_decided_at := (select min(p.decided_at) from preliminary_decision p
    where p.case_id = new.case_id and p.decided_at >= new.received_at);
  return new;
end
$function$;

-- frid_investigation_spans(p_case uuid)
CREATE OR REPLACE FUNCTION public.frid_investigation_spans(p_case uuid)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  delete from investigation_span where case_id = p_case;
  insert into investigation_span (org_id, case_id, began_at, ended_at)
  select s.org_id, s.case_id, s.changed_at,
    (select min(n.changed_at) from case_status_change n
      where n.case_id = s.case_id and n.from_status = 'investigation'
        and n.changed_at > s.changed_at)
  from case_status_change s where s.case_id = p_case and s.to_status = 'investigation';
$function$;

-- frid_investigation_timing()
CREATE OR REPLACE FUNCTION public.frid_investigation_timing()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  new.began_at := case when new.completed_at is not null then
    (select max(ch.changed_at) from case_status_change ch
      where ch.case_id = new.case_id and ch.to_status = 'investigation'
        and ch.changed_at <= new.completed_at) end;
  new.extended_until := (select max(e.extended_until) from investigation_extension e
    where e.case_id = new.case_id);
  return new;
end
$function$;

-- frid_is_first_assignment_by_opener(p_case uuid, p_user uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_is_first_assignment_by_opener(p_case uuid, p_user uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
  select p_user = frid_actor()
     and exists (select 1 from "case" c where c.id = p_case and c.opened_by = frid_actor()
                 and c.case_type <> 'partner_contact')
     and not exists (select 1 from case_assignment a where a.case_id = p_case)
$function$;

-- frid_is_protection_officer_for(p_person uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_is_protection_officer_for(p_person uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from "case" c
                  where c.person_id = p_person and c.org_id = frid_org()
                    and frid_has_unit_role(c.unit_id, array['protection_officer']))
     and not frid_person_barred(p_person, frid_actor())
$function$;

-- frid_journal_entry_case(p_entry uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_journal_entry_case(p_entry uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 5
 SET search_path TO 'public'
AS $function$
  select case_id from journal_entry where id = p_entry and org_id = frid_org()
$function$;

-- frid_journal_search(p_query text, p_after uuid, p_limit integer): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_journal_search(p_query text, p_after uuid, p_limit integer)
 RETURNS TABLE(entry_id uuid)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER ROWS 20
 SET search_path TO 'public'
AS $function$
declare
  v_actor uuid := frid_actor();
  v_org uuid := frid_org();
  v_query tsquery := frid_journal_tsquery(coalesce(p_query, ''));
  v_managed uuid[] := frid_managed_units(frid_actor());
  v_current uuid[] := frid_current_cases(frid_actor());
  v_barred uuid[] := frid_barred_persons(frid_actor());
  v_occurred timestamptz;
  v_written timestamptz;
  v_visible constant text := $v$
      j.org_id = $1 and j.search_vector @@ $2
      and c.org_id = $1
      and (c.unit_id = any ($3) or c.id = any ($4))
      and c.person_id <> all ($5)
      and (j.signed_at is not null or j.author_id = $6)
  $v$;
begin
  if v_actor is null or v_org is null or p_limit < 1 then
    return;
  end if;
  if v_query is null then
    raise exception 'frid: no words to search for' using errcode = '22000';
  end if;
  if p_after is not null then
    execute 'select j.occurred_at, j.written_at from journal_entry j join "case" c on c.id = j.case_id
              where j.id = $7 and ' || v_visible
      into v_occurred, v_written
      using v_org, v_query, v_managed, v_current, v_barred, v_actor, p_after;
    if v_occurred is null then
      raise exception 'frid: not a row of this search' using errcode = '22023';
    end if;
  end if;
  -- EXECUTE: planned with this call's values. Two shapes, for two kinds of reader:
  -- - someone who works a set of cases (a caseworker: a few hundred) and manages no unit:
  --   her cases' entries by the journal's case index, each matched against the query. The
  --   planner would rather take the GIN index (it guesses 2 % of entries for any prefix
  --   query, ':*', where a common word matches a third of them): OFFSET 0 keeps the match
  --   out of the scan, so the cost follows her own journals, not the organisation's.
  -- - a unit manager: every case of the unit, so the organisation's index finds the words.
  return query execute
    case when coalesce(cardinality(v_managed), 0) = 0 then
      'select j.id from (select * from journal_entry j
                           where j.case_id = any ($4) and j.org_id = $1 offset 0) j
         join "case" c on c.id = j.case_id'
    else
      'select j.id from journal_entry j join "case" c on c.id = j.case_id'
    end || '
      where ' || v_visible || '
        and ($7::timestamptz is null or (j.occurred_at, j.written_at, j.id) < ($7, $8, $9))
      order by j.occurred_at desc, j.written_at desc, j.id desc
      limit $10'
    using v_org, v_query, v_managed, v_current, v_barred, v_actor,
          v_occurred, v_written, p_after, p_limit;
end
$function$;

-- frid_journal_signed_is_final()
CREATE OR REPLACE FUNCTION public.frid_journal_signed_is_final()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if current_setting('frid.retention', true) = 'remove' and current_user <> 'frid_app' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if old.signed_at is not null then
    raise exception 'journal entry % is signed and cannot be changed', old.id
      using errcode = 'check_violation';
  end if;
  return new;
end
$function$;

-- frid_journal_tsquery(p_text text): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_journal_tsquery(p_text text)
 RETURNS tsquery
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$
  select string_agg(
           '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & '
           order by lexeme)::tsquery
    from unnest(to_tsvector('swedish'::regconfig, p_text))
$function$;

-- frid_keeps_action_plan()
CREATE OR REPLACE FUNCTION public.frid_keeps_action_plan()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('unit_manager', 'administrator'))
$function$;

-- frid_keeps_agency(p_agency uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_keeps_agency(p_agency uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select frid_keeps_directory()
      or exists (select 1 from agency a
                 where a.id = p_agency and a.org_id = frid_org() and a.owner_id = frid_actor())
$function$;

-- frid_keeps_competence(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_keeps_competence()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('unit_manager', 'consultant'))
$function$;

-- frid_keeps_directory(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_keeps_directory()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('unit_manager', 'administrator'))
$function$;

-- frid_last_risk_conference(p_person uuid, p_except uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_last_risk_conference(p_person uuid, p_except uuid)
 RETURNS date
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select max(coalesce(meeting_on, referred_on)) from risk_conference
   where person_id = p_person and org_id = frid_org()
     and (p_except is null or id <> p_except)
$function$;

-- frid_lock_case_of_row()
CREATE OR REPLACE FUNCTION public.frid_lock_case_of_row()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  k uuid;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then (to_jsonb(old) ->> tg_argv[0])::uuid end,
      case when tg_op <> 'DELETE' then (to_jsonb(new) ->> tg_argv[0])::uuid end], null) loop
    perform 1 from "case" where id = k for no key update;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end
$function$;

-- frid_lock_place(p_place uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_lock_place(p_place uuid)
 RETURNS TABLE(id uuid, kind text, places integer, hold_hours integer, closed_on date)
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select p.id, p.kind, p.places, p.hold_hours, p.closed_on
  from place p
  where p.id = p_place and p.org_id = frid_org() and frid_does_case_work()
  for no key update
$function$;

-- frid_lock_stay_case(p_stay uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_lock_stay_case(p_stay uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  if frid_runs_stay(p_stay) then
    perform 1 from "case" where id = (select s.case_id from stay s where s.id = p_stay)
      for no key update;
  end if;
end
$function$;

-- frid_lock_stay_of_row()
CREATE OR REPLACE FUNCTION public.frid_lock_stay_of_row()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  k uuid;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then old.stay_id end,
      case when tg_op <> 'DELETE' then new.stay_id end], null) loop
    perform 1 from stay where id = k for no key update;
  end loop;
  return case when tg_op = 'DELETE' then old else new end;
end
$function$;

-- frid_log_anomalies(p_from timestamp with time zone, p_to timestamp with time zone, p_threshold integer, p_days_off date[], p_start_hour integer, p_end_hour integer): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_log_anomalies(p_from timestamp with time zone, p_to timestamp with time zone, p_threshold integer, p_days_off date[], p_start_hour integer, p_end_hour integer)
 RETURNS TABLE(kind text, user_id uuid, day date, person_id uuid, events integer, persons integer, protected boolean)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
#variable_conflict use_column
declare
  v_org uuid := frid_org();
  v_units uuid[];
  v_users uuid[];
  v_persons uuid[];
begin
  select coalesce(array_agg(r.unit_id), '{}') into v_units
    from role_assignment r join unit u on u.id = r.unit_id
   where r.user_id = frid_actor() and u.org_id = v_org and r.role = 'unit_manager';
  if v_org is null or cardinality(v_units) = 0 then
    return;
  end if;
  select coalesce(array_agg(distinct r.user_id), '{}') into v_users
    from role_assignment r where r.unit_id = any (v_units);
  select coalesce(array_agg(distinct c.person_id), '{}') into v_persons
    from "case" c where c.unit_id = any (v_units) and c.org_id = v_org;
  return query
  with ev as materialized (
    select e.actor_user_id as uid, e.person_id as pid, e.outcome, e.occurred_at as at,
           (e.occurred_at at time zone 'Europe/Stockholm') as local
      from audit_event e
     where e.org_id = v_org and e.occurred_at >= p_from and e.occurred_at < p_to
       and e.actor_user_id is not null
       and (e.actor_user_id = any (v_users) or e.person_id = any (v_persons))
  ), reads as materialized (
    select ev.uid, ev.pid, ev.at, ev.local, ev.local::date as d from ev
     where ev.outcome = 'allowed' and ev.pid is not null
  ), placed as (
    select r.uid, r.pid, r.d,
           exists (select 1 from "case" c join role_assignment ra on ra.unit_id = c.unit_id
                    where c.person_id = r.pid and ra.user_id = r.uid
                      and ra.created_at <= r.at) as in_unit
      from reads r
     where not exists (select 1 from "case" c join case_assignment a on a.case_id = c.id
                        where c.person_id = r.pid and a.user_id = r.uid
                          and a.assigned_at <= r.at
                          and (a.unassigned_at is null or a.unassigned_at > r.at))
       and not exists (select 1 from "case" c join access_grant g on g.case_id = c.id
                        where c.person_id = r.pid and g.user_id = r.uid
                          and g.granted_at <= r.at and g.expires_at > r.at
                          and (g.revoked_at is null or g.revoked_at > r.at))
       and not exists (select 1 from person_registration pr
                        where pr.person_id = r.pid and pr.user_id = r.uid)
       and not exists (select 1 from "case" c join role_assignment ra on ra.unit_id = c.unit_id
                        where c.person_id = r.pid and ra.user_id = r.uid
                          and ra.role = 'unit_manager')
  )
  select 'many_persons'::text, r.uid, r.d, null::uuid, count(*)::integer,
         count(distinct r.pid)::integer, null::boolean
    from reads r where r.uid = any (v_users)
   group by r.uid, r.d having count(distinct r.pid) >= p_threshold
  union all
  select 'protected_person', r.uid, r.d, r.pid, count(*)::integer, 1, true
    from reads r join person p on p.id = r.pid
   where p.protection_level <> 'none'
   group by r.uid, r.d, r.pid
  union all
  select case when pl.in_unit then 'outside_own_cases' else 'outside_unit' end, pl.uid, pl.d,
         pl.pid, count(*)::integer, 1, bool_or(p.protection_level <> 'none')
    from placed pl left join person p on p.id = pl.pid
   group by pl.in_unit, pl.uid, pl.d, pl.pid
  union all
  select 'after_hours', r.uid, r.d, null::uuid, count(*)::integer,
         count(distinct r.pid)::integer, null::boolean
    from reads r
   where r.d = any (p_days_off) or extract(hour from r.local) < p_start_hour
      or extract(hour from r.local) >= p_end_hour
   group by r.uid, r.d
  union all
  select 'same_surname', r.uid, r.d, r.pid, count(*)::integer, 1,
         bool_or(p.protection_level <> 'none')
    from reads r join person p on p.id = r.pid join app_user u on u.id = r.uid
   where lower(substring(btrim(u.display_name) from '([^[:space:]]+)$'))
         = any (regexp_split_to_array(lower(btrim(p.family_name)), '[[:space:]-]+'))
   group by r.uid, r.d, r.pid
  union all
  select 'refused', ev.uid, ev.local::date, null::uuid, count(*)::integer,
         count(distinct ev.pid)::integer, null::boolean
    from ev where ev.outcome = 'denied'
   group by ev.uid, ev.local::date;
end
$function$;

-- frid_logs_consultations(p_unit uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_logs_consultations(p_unit uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from unit u
                 where u.id = p_unit and u.org_id = frid_org()
                   and u.kind in ('resource_function', 'crisis_centre'))
     and frid_has_unit_role(p_unit, array['consultant', 'caseworker', 'therapist',
                                          'protection_officer', 'unit_manager'])
$function$;

-- frid_makes_surveys(p_unit uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_makes_surveys(p_unit uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select frid_has_unit_role(p_unit, array['consultant', 'unit_manager'])
$function$;

-- frid_managed_units(p_user uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_managed_units(p_user uuid)
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
begin
  return coalesce((select array_agg(unit_id) from role_assignment
                    where user_id = p_user and role = 'unit_manager' and unit_id is not null), '{}');
end
$function$;

-- frid_manages_a_unit(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_manages_a_unit()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r join unit u on u.id = r.unit_id
                  where r.user_id = frid_actor() and u.org_id = frid_org()
                    and r.role = 'unit_manager')
$function$;

-- frid_manages_agreement(p_agreement uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_manages_agreement(p_agreement uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from agreement a
                 where a.id = p_agreement and a.org_id = frid_org()
                   and frid_has_unit_role(a.unit_id, array['unit_manager']))
$function$;

-- frid_new_partner_case(p_case uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_new_partner_case(p_case uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from "case" c where c.id = p_case and c.org_id = frid_org()
                 and c.case_type = 'partner_contact' and c.opened_by = frid_actor())
     and not exists (select 1 from case_assignment a where a.case_id = p_case)
     and not exists (select 1 from access_grant g where g.case_id = p_case)
$function$;

-- frid_officer_of_case(p_case uuid, p_person uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_officer_of_case(p_case uuid, p_person uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from "case" c
                  where c.id = p_case and c.org_id = frid_org()
                    and frid_has_unit_role(c.unit_id, array['protection_officer'])
                    and not frid_person_barred(c.person_id, frid_actor())
                    and (c.person_id = p_person
                         or exists (select 1 from relation r
                                     where r.case_id = c.id and r.other_person_id = p_person)))
$function$;

-- frid_open_case_for(p_person uuid, p_unit uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_open_case_for(p_person uuid, p_unit uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
  select id from "case"
  where person_id = p_person and unit_id = p_unit and org_id = frid_org() and status <> 'closed'
  order by opened_at desc limit 1
$function$;

-- frid_org(): execute granted to frid_app, frid_report
CREATE OR REPLACE FUNCTION public.frid_org()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $function$ select nullif(current_setting('frid.org_id', true), '')::uuid $function$;

-- frid_person_barred(p_person uuid, p_user uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_person_barred(p_person uuid, p_user uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 20
 SET search_path TO 'public'
AS $function$
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
$function$;

-- frid_person_barred_by_partner_contact(p_person uuid, p_user uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_person_barred_by_partner_contact(p_person uuid, p_user uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 20
 SET search_path TO 'public'
AS $function$
begin
  return exists (
    select 1
    from "case" mine
    join barrier b on (b.case_a_id = mine.id or b.case_b_id = mine.id) and b.purpose = 'partner_contact'
    join "case" other on other.id = case when b.case_a_id = mine.id then b.case_b_id else b.case_a_id end
    where mine.person_id = p_person
      and other.person_id <> p_person
      and (exists (select 1 from case_assignment o where o.case_id = other.id and o.user_id = p_user)
           or exists (select 1 from access_grant g where g.case_id = other.id and g.user_id = p_user))
  );
end
$function$;

-- frid_person_events(p_person uuid, p_before bigint, p_limit integer): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_person_events(p_person uuid, p_before bigint, p_limit integer)
 RETURNS bigint[]
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 20
 SET search_path TO 'public'
AS $function$
declare
  v_org uuid := frid_org();
begin
  if v_org is null then
    return '{}';  -- a review is always in an organisation; the events without one are not hers
  end if;
  return coalesce((select array_agg(id order by id desc) from (
    (select id from audit_event
      where org_id = v_org and person_id = p_person and (p_before is null or id < p_before)
      order by id desc limit p_limit)
    union
    (select id from audit_event
      where person_ids @> array[p_person] and org_id = v_org
        and (p_before is null or id < p_before)
      order by id desc limit p_limit)
    order by id desc limit p_limit) hers), '{}');
end
$function$;

-- frid_person_id_by_identity(p_number text): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_person_id_by_identity(p_number text)
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 5
 SET search_path TO 'public'
AS $function$
  select id from person where org_id = frid_org() and identity_number = p_number
    and identity_kind in ('personal_identity_number', 'coordination_number')
$function$;

-- frid_person_search(p_query text, p_after uuid, p_limit integer): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_person_search(p_query text, p_after uuid, p_limit integer)
 RETURNS TABLE(person_id uuid, approximate boolean)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER ROWS 20
 SET search_path TO 'public'
 SET "pg_trgm.word_similarity_threshold" TO '0.5'
AS $function$
declare
  v_actor uuid := frid_actor();
  v_org uuid := frid_org();
  v_query text := btrim(regexp_replace(frid_fold(coalesce(p_query, '')), '\s+', ' ', 'g'));
  v_patterns text[];
  v_at_cursor boolean := false;
  v_managed uuid[] := frid_managed_units(frid_actor());
  v_current uuid[] := frid_current_cases(frid_actor());
  v_barred uuid[] := frid_barred_persons(frid_actor());
begin
  if v_actor is null or v_org is null or v_query = '' or p_limit < 1 then
    return;
  end if;
  -- One LIKE pattern per word, the longest first: it drives the index.
  select array_agg('% ' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                   order by length(w) desc, w)
    into v_patterns
    from regexp_split_to_table(v_query, ' ') w;
  -- EXECUTE: planned with this query's values every time, so the trigram index is chosen
  -- for what the words actually are.
  for person_id, approximate in execute $q$
    with shown as (
      -- As the organisation knows them: for whoever sees them other than as a registrant only.
      -- (a case of theirs the caller sees; or, not registered by the caller, a relative
      -- recorded in a case the caller sees)
      select p.id, p.search_name as name, frid_fold(p.family_name) as family
        from person p
       where p.org_id = $1
         and (p.search_name like $3 or $4 <% p.search_name)
         and p.id <> all ($10)
         and (exists (select 1 from "case" c
                       where c.person_id = p.id and c.org_id = $1
                         and (c.unit_id = any ($8) or c.id = any ($9)))
              or (not exists (select 1 from person_registration r
                               where r.person_id = p.id and r.user_id = $2)
                  and exists (select 1 from relation rel join "case" c on c.id = rel.case_id
                               where rel.other_person_id = p.id and c.org_id = $1
                                 and (c.unit_id = any ($8) or c.id = any ($9))
                                 and c.person_id <> all ($10))))
      union all
      -- As the caller typed them: for whoever only registered them.
      select r.person_id, r.search_name, frid_fold(r.family_name)
        from person_registration r
       where r.user_id = $2 and r.org_id = $1
         and (r.search_name like $3 or $4 <% r.search_name)
         and r.person_id <> all ($10)
         and not exists (select 1 from "case" c
                          where c.person_id = r.person_id and c.org_id = $1
                            and (c.unit_id = any ($8) or c.id = any ($9)))
    ), ranked as (
      select id, not (name like all ($5)) as approximate, strict_word_similarity($4, name) as score,
             family, name
        from shown
    )
    select id, approximate
      from ranked
     where $6::uuid is null
        or id = $6
        or (approximate, -score, family, name, id)
           > (select approximate, -score, family, name, id from ranked where id = $6)
     order by approximate, score desc, family, name, id
     limit $7
  $q$ using v_org, v_actor, v_patterns[1], v_query, v_patterns, p_after,
            p_limit + (p_after is not null)::integer, v_managed, v_current, v_barred
  loop
    -- After a cursor, its own row comes first (it is the smallest key): skipped.
    if p_after is not null and not v_at_cursor then
      v_at_cursor := true;
      continue;
    end if;
    return next;
  end loop;
  if p_after is not null and not v_at_cursor then
    raise exception 'frid: not a row of this search' using errcode = '22023';
  end if;
end
$function$;

-- frid_place_commitments(p_place uuid, p_closed_on date): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_place_commitments(p_place uuid, p_closed_on date)
 RETURNS TABLE(stays integer, holds integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select
    (select count(distinct g.stay_id)::integer
       from stay_segment g join stay s on s.id = g.stay_id
      where g.place_id = p.id and (g.to_on is null or g.to_on > p_closed_on)
        and s.cancelled_at is null and (s.left_on is null or s.left_on > p_closed_on)),
    (select count(*)::integer
       from place_hold x
      where x.place_id = p.id and x.ended_at is null and x.expires_at > now())
  from place p
  where p.id = p_place and p.org_id = frid_org() and frid_administers_place(p.unit_id)
$function$;

-- frid_place_occupancy(p_day date, p_now timestamp with time zone): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_place_occupancy(p_day date, p_now timestamp with time zone)
 RETURNS TABLE(place_id uuid, persons integer, households integer, held_persons integer, holds integer)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select p.id,
         coalesce(o.persons, 0)::integer, coalesce(o.households, 0)::integer,
         coalesce(h.persons, 0)::integer, coalesce(h.holds, 0)::integer
  from place p
  left join lateral (
    select count(*) filter (where true) as persons, count(distinct g.stay_id) as households
    from stay_segment g
    join stay s on s.id = g.stay_id
    join stay_member m on m.stay_id = s.id
    where g.place_id = p.id and g.from_on <= p_day and (g.to_on is null or g.to_on > p_day)
      and s.cancelled_at is null and (s.left_on is null or s.left_on > p_day)) o on true
  left join lateral (
    select sum(x.persons) as persons, count(*) as holds
    from place_hold x
    where x.place_id = p.id and x.ended_at is null and x.expires_at > p_now) h on true
  where p.org_id = frid_org() and frid_does_case_work()
$function$;

-- frid_protected_persons(p_unit uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_protected_persons(p_unit uuid)
 RETURNS TABLE(person_id uuid, given_name text, family_name text, identity_kind text, identity_number text, protection_level text, case_id uuid, reference text, case_status text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select p.id, p.given_name, p.family_name, p.identity_kind, p.identity_number, p.protection_level,
         c.id, c.reference, c.status
    from "case" c
    join person p on p.id = c.person_id
   where c.unit_id = p_unit and c.org_id = frid_org()
     and p.protection_level <> 'none'
     and frid_has_unit_role(p_unit, array['protection_officer'])
     and not frid_person_barred(p.id, frid_actor())
   order by p.family_name, p.given_name, p.id, c.opened_at desc
$function$;

-- frid_reads_action_plan()
CREATE OR REPLACE FUNCTION public.frid_reads_action_plan()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('unit_manager', 'administrator', 'analyst'))
$function$;

-- frid_reads_competence(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_reads_competence()
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select frid_does_case_work()
      or exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org() and r.role = 'consultant')
$function$;

-- frid_recorded_intake_of_case(p_intake uuid, p_case uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_recorded_intake_of_case(p_intake uuid, p_case uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from intake i
                 where i.id = p_intake and i.case_id = p_case
                   and i.recorded_by = frid_actor() and i.org_id = frid_org())
$function$;

-- frid_registration_typed()
CREATE OR REPLACE FUNCTION public.frid_registration_typed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if new.given_name is null or new.family_name is null or new.sex is null then
    if current_user = 'frid_app' then
      raise exception 'person_registration needs the identity as the registrant typed it';
    end if;
    select coalesce(new.given_name, p.given_name), coalesce(new.family_name, p.family_name),
           coalesce(new.sex, p.sex)
      into new.given_name, new.family_name, new.sex
      from person p where p.id = new.person_id;
  end if;
  return new;
end
$function$;

-- frid_report_facts_follow()
CREATE OR REPLACE FUNCTION public.frid_report_facts_follow()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  k uuid;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then old.case_id end,
      case when tg_op <> 'DELETE' then new.case_id end], null) loop
    if tg_table_name = 'case_status_change' then
      perform frid_investigation_spans(k);
      update investigation set completed_at = completed_at
       where case_id = k and completed_at is not null;
    elsif tg_table_name = 'preliminary_decision' then
      update intake set received_at = received_at where case_id = k;
    elsif tg_table_name = 'investigation_extension' then
      update investigation set extended_until = extended_until where case_id = k;
    elsif tg_table_name = 'intake' then
      update investigation_span set case_id = case_id where case_id = k;
    end if;
  end loop;
  return null;
end
$function$;

-- frid_reported_units(): execute granted to frid_report
CREATE OR REPLACE FUNCTION public.frid_reported_units()
 RETURNS uuid[]
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
begin
  return coalesce((select array_agg(u.id) from unit u
    where u.org_id = frid_org()
      and exists (select 1 from role_assignment r
                   where r.user_id = frid_actor() and r.org_id = frid_org()
                     and (r.role = 'analyst' or (r.role = 'unit_manager' and r.unit_id = u.id)))),
    '{}');
end
$function$;

-- frid_retention_defaults(p_org uuid)
CREATE OR REPLACE FUNCTION public.frid_retention_defaults(p_org uuid)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  insert into retention_rule (org_id, code, subject, document_kind, years, after_event, exceptions, legal_source)
  values
    (p_org, 'personakt_5_ar', 'person_record', null, 5, 'last_entry',
     '{"birthDays":[5,15,25],"childPlaced":true,"childYearsFromBirth":30}',
     'Socialtjänstlagen (2001:453) 12 kap. 1 § i lydelse SFS 2003:135: personakt gallras fem år efter sista anteckningen, men inte så länge uppgifter om samma person finns kvar; avslutad senast kalenderåret därefter. Undantag 12 kap. 2 § (SFS 2005:452): handlingar om ett barn som placerats i HVB, familjehem eller annat enskilt hem. Forskningsundantag: födda den 5, 15 och 25 (socialtjänstförordningen 7 kap. 2 §). Ny lag: prop. 2024/25:89, socialtjänstlagen (2025:400) från 2025-07-01 – paragrafnummer ej bekräftade. 30 år från barnets födelse: prop. 2025/26:12 – ej bekräftat att den antagits.'),
    (p_org, 'samtycke_partnerkontakt', 'document_kind', 'partner_contact_consent', 0, 'case_closed',
     '{}',
     'Rutin för partnerkontakt (förstörs när behandlingen avslutas); ingen lagregel – kontrollera mot er dokumenthanteringsplan.')
  on conflict (org_id, code) do nothing
$function$;

-- frid_retention_defaults_for_new()
CREATE OR REPLACE FUNCTION public.frid_retention_defaults_for_new()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  perform frid_retention_defaults(new.id);
  return new;
end
$function$;

-- frid_retention_delete(p_table regclass, p_where text, p_depth integer)
CREATE OR REPLACE FUNCTION public.frid_retention_delete(p_table regclass, p_where text, p_depth integer)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  fk record;
begin
  if p_depth > 20 then
    raise exception 'retention removal: references nested too deep at %', p_table;
  end if;
  for fk in
    select c.conrelid::regclass as child,
           (select string_agg(quote_ident(a.attname), ',' order by k.ord)
              from unnest(c.conkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as child_cols,
           (select string_agg(quote_ident(a.attname), ',' order by k.ord)
              from unnest(c.confkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum) as parent_cols
    from pg_constraint c
    where c.contype = 'f' and c.confrelid = p_table and c.conrelid <> p_table
  loop
    perform frid_retention_delete(
      fk.child,
      format('(%s) in (select %s from %s where %s)', fk.child_cols, fk.parent_cols, p_table, p_where),
      p_depth + 1);
  end loop;
  execute format('delete from %s where %s', p_table, p_where);
end
$function$;

-- frid_retention_person_facts(): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_retention_person_facts()
 RETURNS TABLE(person_id uuid, birth_date date, last_entry timestamp with time zone, earliest_case_entry timestamp with time zone, last_closed timestamp with time zone, open_cases integer, other_unit_cases integer, child_placed boolean, recorded_as_child boolean)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  with managed as (
    select r.unit_id from role_assignment r
    where r.user_id = frid_actor() and r.org_id = frid_org() and r.role = 'unit_manager'
  ), people as (
    select distinct c.person_id from "case" c
    where c.org_id = frid_org() and c.unit_id in (select unit_id from managed)
      and not frid_person_barred(c.person_id, frid_actor())
  ), her_cases as (
    select c.*, greatest(
       c.opened_at, c.status_changed_at, c.closed_at,
       (select max(greatest(j.written_at, j.updated_at, j.signed_at)) from journal_entry j where j.case_id = c.id),
       (select max(s.changed_at) from case_status_change s where s.case_id = c.id),
       (select max(d.decided_at) from decision d where d.case_id = c.id),
       (select max(greatest(x.uploaded_at, x.destroyed_at)) from document x where x.case_id = c.id)
     ) as last_entry
    from "case" c where c.person_id in (select person_id from people)
  ), other_records as (
    select sc.person_id, sc.unit_id, greatest(
       sc.created_at, sc.closed_at,
       (select max(greatest(k.occurred_at, k.created_at)) from service_contact k where k.course_id = sc.id)
     ) as last_entry
    from service_course sc where sc.person_id in (select person_id from people)
    union all
    select m.person_id, c.unit_id, greatest(
       s.created_at, s.planned_from::timestamptz, s.planned_to::timestamptz, s.arrived_on::timestamptz,
       s.left_on::timestamptz, s.followed_up_on::timestamptz, s.cancelled_at,
       (select max(greatest(n.written_at, n.happened_on::timestamptz)) from stay_note n where n.stay_id = s.id)
     )
    from stay_member m join stay s on s.id = m.stay_id join "case" c on c.id = s.case_id
    where m.person_id in (select person_id from people) and c.person_id <> m.person_id
    union all
    select n.person_id, c.unit_id, greatest(n.written_at, n.happened_on::timestamptz)
    from stay_note n join stay s on s.id = n.stay_id join "case" c on c.id = s.case_id
    where n.person_id in (select person_id from people) and c.person_id <> n.person_id
  )
  select p.id, p.birth_date,
    greatest((select max(c.last_entry) from her_cases c where c.person_id = p.id),
             (select max(o.last_entry) from other_records o where o.person_id = p.id)),
    (select min(c.last_entry) from her_cases c where c.person_id = p.id),
    (select max(c.closed_at) from her_cases c where c.person_id = p.id),
    (select count(*)::integer from her_cases c where c.person_id = p.id and c.status <> 'closed'),
    (select count(*)::integer from her_cases c
       where c.person_id = p.id and c.unit_id not in (select unit_id from managed))
    + (select count(*)::integer from other_records o
       where o.person_id = p.id and o.unit_id not in (select unit_id from managed)),
    exists (select 1 from her_cases c
            where c.person_id = p.id
              and (exists (select 1 from child_placement cp where cp.case_id = c.id)
                   or exists (select 1 from decision d
                              where d.case_id = c.id and d.intervention_kind = 'sheltered_housing'
                                and d.outcome in ('granted', 'partly_granted') and p.birth_date is not null
                                and d.decided_at < (p.birth_date + interval '18 years')))),
    p.birth_date is not null and exists (
      select 1 from her_cases c
      where c.person_id = p.id and c.opened_at < (p.birth_date + interval '18 years'))
  from person p where p.id in (select person_id from people)
$function$;

-- frid_retention_remove_entry(p_entry uuid, p_tombstone text): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_retention_remove_entry(p_entry uuid, p_tombstone text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  if not exists (select 1 from journal_entry j join "case" c on c.id = j.case_id
                 where j.id = p_entry and c.org_id = frid_org() and c.status = 'closed'
                   and frid_has_unit_role(c.unit_id, array['unit_manager'])) then
    raise exception 'retention removal refused for entry %', p_entry using errcode = '42501';
  end if;
  perform set_config('frid.retention', 'remove', true);
  update journal_entry set body = p_tombstone where id = p_entry;
  perform set_config('frid.retention', '', true);
  return true;
end
$function$;

-- frid_retention_remove_person(p_person uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_retention_remove_person(p_person uuid)
 RETURNS TABLE(case_id uuid, person_removed boolean)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  v_cases uuid[];
  fk record;
  v_referenced boolean := false;
  v_found boolean;
begin
  if exists (select 1 from "case" c where c.person_id = p_person
             and (c.org_id <> frid_org() or c.status <> 'closed'
                  or not frid_has_unit_role(c.unit_id, array['unit_manager'])))
     or frid_person_barred(p_person, frid_actor()) then
    raise exception 'retention removal refused for person %', p_person using errcode = '42501';
  end if;
  select coalesce(array_agg(c.id), '{}') into v_cases from "case" c where c.person_id = p_person;
  if cardinality(v_cases) = 0 then
    raise exception 'retention removal refused for person %', p_person using errcode = '42501';
  end if;
  if exists (select 1 from document d where d.case_id = any (v_cases) and d.destroyed_at is null) then
    raise exception 'retention removal refused for person %: a document is not destroyed', p_person
      using errcode = '42501';
  end if;
  perform set_config('frid.retention', 'remove', true);
  perform frid_retention_delete('"case"'::regclass,
    format('id = any (%L::uuid[])', v_cases), 0);
  for fk in
    select c.conrelid::regclass as child,
           (select string_agg(quote_ident(a.attname), ',' order by k.ord)
              from unnest(c.conkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as cols
    from pg_constraint c
    where c.contype = 'f' and c.confrelid = 'person'::regclass and c.conrelid <> 'person'::regclass
      and c.conrelid not in ('person_registration'::regclass, 'person_reveal'::regclass)
  loop
    execute format('select exists (select 1 from %s where (%s) = ($1))', fk.child, fk.cols)
      into v_found using p_person;
    v_referenced := v_referenced or v_found;
  end loop;
  if not v_referenced then
    perform frid_retention_delete('person'::regclass, format('id = %L', p_person), 0);
  end if;
  perform set_config('frid.retention', '', true);
  return query select unnest(v_cases), not v_referenced;
end
$function$;

-- frid_risk_conference_action_case(p_action uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_risk_conference_action_case(p_action uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select case_id from risk_conference_action where id = p_action and org_id = frid_org()
$function$;

-- frid_risk_conference_case(p_conference uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_risk_conference_case(p_conference uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select case_id from risk_conference where id = p_conference and org_id = frid_org()
$function$;

-- frid_runs_place(p_place uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_runs_place(p_place uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select exists (select 1 from place p
                 where p.id = p_place and p.org_id = frid_org() and p.shelter_unit_id is not null
                   and frid_has_unit_role(p.shelter_unit_id, array['shelter_staff', 'unit_manager']))
$function$;

-- frid_runs_stay(p_stay uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_runs_stay(p_stay uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select coalesce((select frid_runs_place(g.place_id) from stay_segment g
                   where g.stay_id = p_stay and g.org_id = frid_org()
                   order by g.from_on desc, (g.to_on is null) desc
                   limit 1), false)
$function$;

-- frid_service_course_of(p_contact uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_service_course_of(p_contact uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select s.course_id from service_contact s where s.id = p_contact and s.org_id = frid_org()
$function$;

-- frid_service_course_person(p_course uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_service_course_person(p_course uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select c.person_id from service_course c where c.id = p_course and c.org_id = frid_org()
$function$;

-- frid_span_children()
CREATE OR REPLACE FUNCTION public.frid_span_children()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  select k.children_in_household, k.received_at
    into new.children_in_household, new.children_as_of
    from intake k where k.case_id = new.case_id
   order by k.received_at desc, k.children_in_household desc nulls last limit 1;
  return new;
end
$function$;

-- frid_stay_case(p_stay uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_stay_case(p_stay uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select case_id from stay where id = p_stay and org_id = frid_org()
$function$;

-- frid_stay_member_follow()
CREATE OR REPLACE FUNCTION public.frid_stay_member_follow()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  k uuid;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then old.stay_id end,
      case when tg_op <> 'DELETE' then new.stay_id end], null) loop
    update stay_segment set adults = adults where stay_id = k;
  end loop;
  return null;
end
$function$;

-- frid_stay_people(p_stay uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_stay_people(p_stay uuid)
 RETURNS TABLE(person_id uuid, role text, given_name text, family_name text, birth_year integer, protection_level text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select m.person_id, m.role, p.given_name, p.family_name,
         extract(year from p.birth_date)::integer, p.protection_level
  from stay_member m join person p on p.id = m.person_id
  where m.stay_id = p_stay and frid_can_see_stay(p_stay)
$function$;

-- frid_stay_segment_members()
CREATE OR REPLACE FUNCTION public.frid_stay_segment_members()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  select count(*) filter (where m.role = 'adult'), count(*) filter (where m.role = 'child')
    into new.adults, new.children from stay_member m where m.stay_id = new.stay_id;
  return new;
end
$function$;

-- frid_stay_unit_follow()
CREATE OR REPLACE FUNCTION public.frid_stay_unit_follow()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
begin
  update stay_member set case_unit_id = new.case_unit_id where stay_id = new.id;
  update stay_segment set case_unit_id = new.case_unit_id where stay_id = new.id;
  return null;
end
$function$;

-- frid_survey_answer(p_hash text, p_topics uuid[], p_free_text text): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_survey_answer(p_hash text, p_topics uuid[], p_free_text text)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  v_survey uuid;
  v_org uuid;
  v_group text;
  v_answer uuid := gen_random_uuid();
begin
  update survey_respondent r set answered_at = now()
    from survey s
   where r.token_hash = p_hash and r.answered_at is null and r.link_expires_at > now()
     and s.id = r.survey_id and s.state = 'open'
  returning r.survey_id, r.org_id, r.group_label into v_survey, v_org, v_group;
  if v_survey is null then
    if exists (select 1 from survey_respondent r join survey s on s.id = r.survey_id
                where r.token_hash = p_hash and r.answered_at is not null
                  and r.link_expires_at > now() and s.state = 'open') then
      return 'used';
    end if;
    return 'not_found';
  end if;
  if exists (select 1 from unnest(p_topics) as chosen(id)
              where not exists (select 1 from survey_topic t
                                 where t.id = chosen.id and t.survey_id = v_survey)) then
    raise exception 'a topic of another survey' using errcode = '22023';
  end if;
  insert into survey_answer (id, org_id, survey_id, group_label, free_text)
  values (v_answer, v_org, v_survey, v_group, p_free_text);
  insert into survey_answer_topic (answer_id, topic_id, org_id)
  select distinct v_answer, chosen.id, v_org from unnest(p_topics) as chosen(id);
  return 'answered';
end
$function$;

-- frid_survey_by_link(p_hash text): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_survey_by_link(p_hash text)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
  select jsonb_build_object(
           'title', s.title, 'intro', s.intro, 'question', s.question,
           'freeTextQuestion', s.free_text_question, 'closesOn', s.closes_on::text,
           'topics', (select jsonb_agg(jsonb_build_object('id', t.id, 'label', t.label,
                                                          'noNeed', t.no_need)
                                       order by t.position)
                        from survey_topic t where t.survey_id = s.id))
    from survey_respondent r join survey s on s.id = r.survey_id
   where r.token_hash = p_hash and r.answered_at is null and r.link_expires_at > now()
     and s.state = 'open'
$function$;

-- frid_treatment_end_tasks()
CREATE OR REPLACE FUNCTION public.frid_treatment_end_tasks()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  months integer;
begin
  if new.kind in ('treatment_completed', 'treatment_interrupted') then
    select u.partner_follow_up_months into months
      from "case" c join unit u on u.id = c.unit_id where c.id = new.to_case_id;
    insert into case_task (org_id, case_id, kind, created_by, due_on)
      values (new.org_id, new.to_case_id, 'partner_closing_conversation', null, new.event_on + 7)
      on conflict (case_id, kind) where kind <> 'report_child_concern' do nothing;
    insert into case_task (org_id, case_id, kind, created_by, due_on)
      values (new.org_id, new.to_case_id, 'partner_follow_up', null,
              (new.event_on + make_interval(months => coalesce(months, 6)))::date)
      on conflict (case_id, kind) where kind <> 'report_child_concern' do nothing;
  end if;
  return new;
end
$function$;

-- frid_unbarred(p_case uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_unbarred(p_case uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 10
 SET search_path TO 'public'
AS $function$
  select not exists (select 1 from barrier b where b.case_a_id = p_case or b.case_b_id = p_case)
$function$;

-- frid_unsealed_chains(p_lookback bigint): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_unsealed_chains(p_lookback bigint)
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
declare
  v_from bigint := (select coalesce(max(s.event_id), 0) from audit_seal s) - p_lookback;
begin
  return query
    select distinct coalesce(e.org_id::text, 'system')
      from audit_event e
     where e.id > v_from
       and not exists (select 1 from audit_seal s where s.event_id = e.id and s.event_id > v_from);
end
$function$;

-- frid_works_case(p_case uuid): execute granted to frid_app
CREATE OR REPLACE FUNCTION public.frid_works_case(p_case uuid)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE PARALLEL SAFE SECURITY DEFINER COST 25
 SET search_path TO 'public'
AS $function$
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
$function$;

-- ===== Views =====

create view frid_barred_person with (security_barrier=true) as
 SELECT mine.person_id,
    ever.user_id
   FROM (((( SELECT b.case_a_id AS mine_id,
            b.case_b_id AS other_id
           FROM barrier b
        UNION ALL
         SELECT b.case_b_id,
            b.case_a_id
           FROM barrier b) side
     JOIN "case" mine ON ((mine.id = side.mine_id)))
     JOIN "case" other ON ((other.id = side.other_id)))
     JOIN ( SELECT a.case_id,
            a.user_id
           FROM case_assignment a
        UNION ALL
         SELECT g.case_id,
            g.user_id
           FROM access_grant g) ever ON ((ever.case_id = side.other_id)))
  WHERE ((mine.person_id <> other.person_id) AND ((ever.user_id = frid_actor()) OR (CURRENT_USER <> 'frid_app'::name)));

create view frid_break_glass_review_item with (security_barrier=true) as
 SELECT g.id AS grant_id,
    g.org_id,
    g.case_id,
    c.reference,
    c.unit_id,
    c.person_id,
    g.user_id,
    u.display_name AS user_name,
    g.reason,
    g.granted_at,
    g.expires_at,
    g.revoked_at,
    r.conclusion,
    r.note,
    r.reviewed_by,
    ru.display_name AS reviewer_name,
    r.reviewed_at
   FROM ((((access_grant g
     JOIN "case" c ON ((c.id = g.case_id)))
     JOIN app_user u ON ((u.id = g.user_id)))
     LEFT JOIN break_glass_review r ON ((r.grant_id = g.id)))
     LEFT JOIN app_user ru ON ((ru.id = r.reviewed_by)))
  WHERE ((g.kind = 'break_glass'::text) AND (g.org_id = frid_org()) AND (g.user_id <> frid_actor()) AND (EXISTS ( SELECT 1
           FROM role_assignment m
          WHERE ((m.user_id = frid_actor()) AND (m.unit_id = c.unit_id) AND (m.role = 'unit_manager'::text)))));

create view frid_current_work with (security_barrier=true) as
 SELECT a.case_id,
    a.user_id,
    true AS assigned
   FROM case_assignment a
  WHERE ((a.unassigned_at IS NULL) AND ((a.user_id = frid_actor()) OR (CURRENT_USER <> 'frid_app'::name)))
UNION ALL
 SELECT g.case_id,
    g.user_id,
    false AS assigned
   FROM access_grant g
  WHERE ((g.revoked_at IS NULL) AND (g.expires_at > now()) AND ((g.user_id = frid_actor()) OR (CURRENT_USER <> 'frid_app'::name)));

-- ===== Row-level security policies =====

create policy access_grant_insert on access_grant as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (kind = 'grant'::text) AND frid_can_see_case(case_id) AND frid_has_unit_role(( SELECT c.unit_id
   FROM "case" c
  WHERE (c.id = access_grant.case_id)), ARRAY['unit_manager'::text])));
create policy access_grant_select on access_grant as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy action_plan_delete on action_plan as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_insert on action_plan as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_report on action_plan as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy action_plan_select on action_plan as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_action_plan()));
create policy action_plan_update on action_plan as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()))
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_activity_delete on action_plan_activity as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_activity_insert on action_plan_activity as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_activity_owner on action_plan_activity as permissive for select to frid_app
  using (((org_id = frid_org()) AND (owner_id = frid_actor())));
create policy action_plan_activity_select on action_plan_activity as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_action_plan()));
create policy action_plan_activity_update on action_plan_activity as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()))
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_area_delete on action_plan_area as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_area_insert on action_plan_area as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_area_report on action_plan_area as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy action_plan_area_select on action_plan_area as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_action_plan()));
create policy action_plan_area_update on action_plan_area as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()))
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_follow_up_delete on action_plan_follow_up as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_follow_up_insert on action_plan_follow_up as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_follow_up_report on action_plan_follow_up as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy action_plan_follow_up_select on action_plan_follow_up as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_action_plan()));
create policy action_plan_follow_up_update on action_plan_follow_up as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()))
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_goal_delete on action_plan_goal as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_goal_insert on action_plan_goal as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy action_plan_goal_report on action_plan_goal as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy action_plan_goal_select on action_plan_goal as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_action_plan()));
create policy action_plan_goal_update on action_plan_goal as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_action_plan()))
  with check (((org_id = frid_org()) AND frid_keeps_action_plan()));
create policy adult_population_insert on adult_population as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND frid_administers_org()));
create policy adult_population_report on adult_population as permissive for select to frid_report
  using ((org_id = frid_org()));
create policy adult_population_select on adult_population as permissive for select to frid_app
  using ((org_id = frid_org()));
create policy adult_population_update on adult_population as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_administers_org()))
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND frid_administers_org()));
create policy agency_insert on agency as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_keeps_directory()));
create policy agency_org_report on agency as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy agency_select on agency as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_does_case_work()));
create policy agency_select_keeper on agency as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_keeps_directory()));
create policy agency_update on agency as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_agency(id)))
  with check ((org_id = frid_org()));
create policy agency_contact_insert on agency_contact as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_agency(agency_id)));
create policy agency_contact_select on agency_contact as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_does_case_work()));
create policy agency_contact_select_keeper on agency_contact as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_keeps_directory()));
create policy agency_contact_update on agency_contact as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_agency(agency_id)))
  with check (((org_id = frid_org()) AND frid_keeps_agency(agency_id)));
create policy agency_unit_insert on agency_unit as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_agency(agency_id)));
create policy agency_unit_select on agency_unit as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_does_case_work()));
create policy agency_unit_select_keeper on agency_unit as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_keeps_directory()));
create policy agency_unit_update on agency_unit as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_agency(agency_id)))
  with check (((org_id = frid_org()) AND frid_keeps_agency(agency_id)));
create policy agreement_insert on agreement as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])));
create policy agreement_org_report on agreement as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy agreement_select on agreement as permissive for select to frid_app
  using (((org_id = frid_org()) AND (frid_does_case_work() OR frid_keeps_directory())));
create policy agreement_update on agreement as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_follows_up_agreement(id)))
  with check ((org_id = frid_org()));
create policy agreement_follow_up_insert on agreement_follow_up as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_follows_up_agreement(agreement_id)));
create policy agreement_follow_up_plan_report on agreement_follow_up as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy agreement_follow_up_select on agreement_follow_up as permissive for select to frid_app
  using (((org_id = frid_org()) AND (frid_does_case_work() OR frid_keeps_directory())));
create policy agreement_party_delete on agreement_party as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_manages_agreement(agreement_id)));
create policy agreement_party_org_report on agreement_party as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy agreement_party_select on agreement_party as permissive for select to frid_app
  using (((org_id = frid_org()) AND (frid_does_case_work() OR frid_keeps_directory())));
create policy agreement_party_write on agreement_party as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_manages_agreement(agreement_id)));
create policy agreement_responsible_delete on agreement_responsible as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_manages_agreement(agreement_id)));
create policy agreement_responsible_select on agreement_responsible as permissive for select to frid_app
  using (((org_id = frid_org()) AND (frid_does_case_work() OR frid_keeps_directory())));
create policy agreement_responsible_write on agreement_responsible as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_manages_agreement(agreement_id)));
create policy assessment_insert on assessment as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy assessment_report on assessment as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy assessment_select on assessment as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy assessment_update on assessment as permissive for update to frid_app
  using ((frid_can_see_case(case_id) AND (completed_at IS NULL)))
  with check (frid_can_see_case(case_id));
create policy audit_conclusion_insert on audit_conclusion as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (concluded_by = frid_actor()) AND frid_manages_a_unit()));
create policy audit_conclusion_select on audit_conclusion as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_manages_a_unit()));
create policy audit_event_insert on audit_event as permissive for insert to frid_app
  with check ((NOT (org_id IS DISTINCT FROM frid_org())));
create policy audit_event_select on audit_event as permissive for select to frid_app
  using ((NOT (org_id IS DISTINCT FROM frid_org())));
create policy barrier_insert on barrier as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_case(case_a_id) AND (frid_can_see_case(case_b_id) OR (frid_new_partner_case(case_b_id) AND frid_unbarred(case_b_id)))));
create policy barrier_select on barrier as permissive for select to frid_app
  using (((org_id = frid_org()) AND (frid_can_see_case(case_a_id) OR frid_can_see_case(case_b_id))));
create policy barrier_event_insert on barrier_event as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_case(from_case_id) AND frid_barrier_joins(barrier_id, from_case_id, to_case_id)));
create policy barrier_event_report on barrier_event as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy barrier_event_select on barrier_event as permissive for select to frid_app
  using (((org_id = frid_org()) AND ((EXISTS ( SELECT 1
   FROM "case" seen
  WHERE (seen.id = barrier_event.to_case_id))) OR (EXISTS ( SELECT 1
   FROM "case" seen
  WHERE (seen.id = barrier_event.from_case_id))))));
create policy barrier_event_update on barrier_event as permissive for update to frid_app
  using ((frid_can_see_case(to_case_id) AND (acknowledged_at IS NULL)))
  with check (((acknowledged_by = frid_actor()) AND frid_can_see_case(to_case_id)));
create policy break_glass_review_insert on break_glass_review as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (reviewed_by = frid_actor()) AND (EXISTS ( SELECT 1
   FROM frid_break_glass_review_item v
  WHERE (v.grant_id = break_glass_review.grant_id)))));
create policy break_glass_review_select on break_glass_review as permissive for select to frid_app
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM frid_break_glass_review_item v
  WHERE (v.grant_id = break_glass_review.grant_id)))));
create policy case_insert on "case" as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (opened_by = frid_actor()) AND frid_has_unit_role(unit_id, ARRAY['caseworker'::text, 'therapist'::text, 'protection_officer'::text, 'unit_manager'::text]) AND (NOT frid_person_barred(person_id, frid_actor()))));
create policy case_report on "case" as permissive for select to frid_report
  using ((unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[])));
create policy case_select on "case" as permissive for select to frid_app
  using (((org_id = frid_org()) AND ((unit_id = ANY (( SELECT frid_managed_units(frid_actor()) AS frid_managed_units)::uuid[])) OR (id = ANY (( SELECT frid_current_cases(frid_actor()) AS frid_current_cases)::uuid[]))) AND (person_id <> ALL (( SELECT frid_barred_persons(frid_actor()) AS frid_barred_persons)::uuid[]))));
create policy case_update on "case" as permissive for update to frid_app
  using (((org_id = frid_org()) AND ((unit_id = ANY (( SELECT frid_managed_units(frid_actor()) AS frid_managed_units)::uuid[])) OR (id = ANY (( SELECT frid_current_cases(frid_actor()) AS frid_current_cases)::uuid[]))) AND (person_id <> ALL (( SELECT frid_barred_persons(frid_actor()) AS frid_barred_persons)::uuid[]))));
create policy case_assignment_insert on case_assignment as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (frid_can_see_case(case_id) OR frid_is_first_assignment_by_opener(case_id, user_id))));
create policy case_assignment_select on case_assignment as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_assignment_update on case_assignment as permissive for update to frid_app
  using (frid_can_see_case(case_id));
create policy case_consultation_insert on case_consultation as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy case_consultation_select on case_consultation as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_outcome_insert on case_outcome as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy case_outcome_report on case_outcome as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy case_outcome_select on case_outcome as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_outcome_update on case_outcome as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy case_outcome_history_select on case_outcome_history as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_status_change_insert on case_status_change as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (changed_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy case_status_change_report on case_status_change as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy case_status_change_select on case_status_change as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_task_insert on case_task as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy case_task_select on case_task as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_task_update on case_task as permissive for update to frid_app
  using ((frid_can_see_case(case_id) AND (done_at IS NULL)))
  with check (((done_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy chat_conversation_insert on chat_conversation as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (frid_actor() IS NULL) AND (token_hash = frid_chat_token()) AND (status = 'waiting'::text) AND (EXISTS ( SELECT 1
   FROM frid_chat_units() u(unit_id, org_id, unit_name, hours, open_on_days_off, welcome_text)
  WHERE ((u.unit_id = chat_conversation.unit_id) AND (u.org_id = frid_org()))))));
create policy chat_conversation_select on chat_conversation as permissive for select to frid_app
  using (((org_id = frid_org()) AND (frid_chat_staff(unit_id) OR ((handed_to_unit_id IS NOT NULL) AND frid_chat_staff(handed_to_unit_id)) OR ((frid_actor() IS NULL) AND (token_hash = frid_chat_token())))));
create policy chat_conversation_update on chat_conversation as permissive for update to frid_app
  using (((org_id = frid_org()) AND (frid_chat_staff(unit_id) OR ((handed_to_unit_id IS NOT NULL) AND frid_chat_staff(handed_to_unit_id)) OR ((frid_actor() IS NULL) AND (token_hash = frid_chat_token())))))
  with check ((org_id = frid_org()));
create policy chat_message_insert on chat_message as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM chat_conversation c
  WHERE ((c.id = chat_message.conversation_id) AND (c.status <> 'closed'::text)))) AND
CASE
    WHEN (sender = 'young'::text) THEN ((frid_actor() IS NULL) AND (author_id IS NULL))
    ELSE (author_id = frid_actor())
END));
create policy chat_message_select on chat_message as permissive for select to frid_app
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM chat_conversation c
  WHERE (c.id = chat_message.conversation_id)))));
create policy chat_setting_insert on chat_setting as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])));
create policy chat_setting_select on chat_setting as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_chat_staff(unit_id)));
create policy chat_setting_update on chat_setting as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])))
  with check (((org_id = frid_org()) AND (updated_by = frid_actor())));
create policy child_consultation_insert on child_consultation as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_child_work(child_work_id)));
create policy child_consultation_report on child_consultation as permissive for select to frid_report
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM child_work w
  WHERE (w.id = child_consultation.child_work_id)))));
create policy child_consultation_select on child_consultation as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_child_work(child_work_id)));
create policy child_medical_exam_insert on child_medical_exam as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_child_work(child_work_id)));
create policy child_medical_exam_report on child_medical_exam as permissive for select to frid_report
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM child_work w
  WHERE (w.id = child_medical_exam.child_work_id)))));
create policy child_medical_exam_select on child_medical_exam as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_child_work(child_work_id)));
create policy child_placement_insert on child_placement as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_can_see_case(case_id)));
create policy child_placement_select on child_placement as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy child_placement_update on child_placement as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (frid_can_see_case(case_id));
create policy child_police_report_insert on child_police_report as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_child_work(child_work_id)));
create policy child_police_report_report on child_police_report as permissive for select to frid_report
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM child_work w
  WHERE (w.id = child_police_report.child_work_id)))));
create policy child_police_report_select on child_police_report as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_child_work(child_work_id)));
create policy child_work_insert on child_work as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_gives_service(unit_id) AND
CASE
    WHEN (case_id IS NOT NULL) THEN frid_can_see_case(case_id)
    ELSE frid_can_see_service_course(course_id)
END));
create policy child_work_report on child_work as permissive for select to frid_report
  using (((org_id = frid_org()) AND (unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy child_work_select on child_work as permissive for select to frid_app
  using (((org_id = frid_org()) AND
CASE
    WHEN (case_id IS NOT NULL) THEN frid_can_see_case(case_id)
    ELSE frid_can_see_service_course(course_id)
END));
create policy child_work_update on child_work as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_can_see_child_work(id)));
create policy consent_insert on consent as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy consent_report on consent as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy consent_select on consent as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy consent_update on consent as permissive for update to frid_app
  using ((frid_can_see_case(case_id) AND (revoked_on IS NULL)))
  with check ((frid_can_see_case(case_id) AND (revoked_on IS NOT NULL)));
create policy consent_giver_insert on consent_giver as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy consent_giver_select on consent_giver as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy consultation_insert on consultation as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_logs_consultations(unit_id)));
create policy consultation_plan_report on consultation as permissive for select to frid_report
  using ((unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[])));
create policy consultation_select on consultation as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_logs_consultations(unit_id)));
create policy consultation_update on consultation as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_logs_consultations(unit_id)))
  with check (((org_id = frid_org()) AND frid_logs_consultations(unit_id)));
create policy coordinated_plan_insert on coordinated_plan as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND (updated_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy coordinated_plan_select on coordinated_plan as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy coordinated_plan_update on coordinated_plan as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy coordinated_plan_agency_insert on coordinated_plan_agency as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy coordinated_plan_agency_select on coordinated_plan_agency as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy crisis_talk_insert on crisis_talk as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND (EXISTS ( SELECT 1
   FROM crisis_talk_series s
  WHERE (s.id = crisis_talk.series_id)))));
create policy crisis_talk_report on crisis_talk as permissive for select to frid_report
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM crisis_talk_series s
  WHERE (s.id = crisis_talk.series_id)))));
create policy crisis_talk_select on crisis_talk as permissive for select to frid_app
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM crisis_talk_series s
  WHERE (s.id = crisis_talk.series_id)))));
create policy crisis_talk_update on crisis_talk as permissive for update to frid_app
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM crisis_talk_series s
  WHERE (s.id = crisis_talk.series_id)))));
create policy crisis_talk_series_insert on crisis_talk_series as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_child_work(child_work_id)));
create policy crisis_talk_series_report on crisis_talk_series as permissive for select to frid_report
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM child_work w
  WHERE (w.id = crisis_talk_series.child_work_id)))));
create policy crisis_talk_series_select on crisis_talk_series as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_child_work(child_work_id)));
create policy crisis_talk_series_update on crisis_talk_series as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_can_see_child_work(child_work_id)));
create policy decision_insert on decision as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (decided_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy decision_report on decision as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy decision_select on decision as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy disclosure_insert on disclosure as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy disclosure_report on disclosure as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy disclosure_select on disclosure as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy document_insert on document as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (uploaded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy document_select on document as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy document_update on document as permissive for update to frid_app
  using ((frid_can_see_case(case_id) AND (destroyed_at IS NULL)))
  with check (((destroyed_by = frid_actor()) AND (content IS NULL)));
create policy follow_up_insert on follow_up as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy follow_up_select on follow_up as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy implementation_plan_insert on implementation_plan as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy implementation_plan_select on implementation_plan as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy implementation_plan_update on implementation_plan as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check ((updated_by = frid_actor()));
create policy instructor_delete on instructor as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instructor_insert on instructor as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instructor_report on instructor as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy instructor_select on instructor as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_competence()));
create policy instructor_update on instructor as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()))
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instructor_meeting_delete on instructor_meeting as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instructor_meeting_insert on instructor_meeting as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instructor_meeting_report on instructor_meeting as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy instructor_meeting_select on instructor_meeting as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_competence()));
create policy instructor_meeting_update on instructor_meeting as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()))
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instructor_meeting_attendance_delete on instructor_meeting_attendance as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instructor_meeting_attendance_insert on instructor_meeting_attendance as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instructor_meeting_attendance_report on instructor_meeting_attendance as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy instructor_meeting_attendance_select on instructor_meeting_attendance as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_competence()));
create policy instructor_meeting_attendance_update on instructor_meeting_attendance as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()))
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy instrument_version_insert on instrument_version as permissive for insert to frid_app
  with check ((org_id = frid_org()));
create policy instrument_version_org_report on instrument_version as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy instrument_version_select on instrument_version as permissive for select to frid_app
  using ((org_id = frid_org()));
create policy intake_insert on intake as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_has_unit_role(unit_id, ARRAY['caseworker'::text, 'therapist'::text, 'protection_officer'::text, 'unit_manager'::text])));
create policy intake_report on intake as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy intake_select on intake as permissive for select to frid_app
  using (((org_id = frid_org()) AND ((recorded_by = frid_actor()) OR ((case_id IS NOT NULL) AND frid_can_see_case(case_id)) OR ((case_id IS NULL) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])))));
create policy investigation_insert on investigation as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy investigation_report on investigation as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy investigation_select on investigation as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy investigation_update on investigation as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (((updated_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy investigation_extension_insert on investigation_extension as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (decided_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy investigation_extension_report on investigation_extension as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy investigation_extension_select on investigation_extension as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy investigation_span_report on investigation_span as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy journal_entry_insert on journal_entry as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (author_id = frid_actor()) AND (signed_at IS NULL) AND frid_can_see_case(case_id)));
create policy journal_entry_select on journal_entry as permissive for select to frid_app
  using ((frid_can_see_case(case_id) AND ((signed_at IS NOT NULL) OR (author_id = frid_actor()))));
create policy journal_entry_update on journal_entry as permissive for update to frid_app
  using (((author_id = frid_actor()) AND (signed_at IS NULL) AND frid_can_see_case(case_id)))
  with check ((author_id = frid_actor()));
create policy log_review_setting_insert on log_review_setting as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND (frid_manages_a_unit() OR frid_administers_org())));
create policy log_review_setting_select on log_review_setting as permissive for select to frid_app
  using ((org_id = frid_org()));
create policy log_review_setting_update on log_review_setting as permissive for update to frid_app
  using (((org_id = frid_org()) AND (frid_manages_a_unit() OR frid_administers_org())))
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND (frid_manages_a_unit() OR frid_administers_org())));
create policy notification_digest_own on notification_digest as permissive for all to frid_app
  using (((org_id = frid_org()) AND (user_id = frid_actor())))
  with check (((org_id = frid_org()) AND (user_id = frid_actor())));
create policy notification_read_own on notification_read as permissive for all to frid_app
  using (((org_id = frid_org()) AND (user_id = frid_actor())))
  with check (((org_id = frid_org()) AND (user_id = frid_actor())));
create policy notification_setting_own on notification_setting as permissive for all to frid_app
  using (((org_id = frid_org()) AND (user_id = frid_actor())))
  with check (((org_id = frid_org()) AND (user_id = frid_actor())));
create policy partner_insert on partner as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id) AND ((partner_case_id IS NULL) OR (EXISTS ( SELECT 1
   FROM barrier b
  WHERE ((b.id = partner.barrier_id) AND (b.purpose = 'partner_contact'::text) AND (b.case_a_id = partner.case_id) AND (b.case_b_id = partner.partner_case_id)))))));
create policy partner_report on partner as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy partner_select on partner as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy partner_contact_insert on partner_contact as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_new_partner_case(case_id) AND frid_unbarred(case_id)));
create policy partner_contact_select on partner_contact as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy partner_contact_update on partner_contact as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (frid_can_see_case(case_id));
create policy partner_contact_attempt_insert on partner_contact_attempt as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy partner_contact_attempt_report on partner_contact_attempt as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy partner_contact_attempt_select on partner_contact_attempt as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy partner_contact_refusal_insert on partner_contact_refusal as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy partner_contact_refusal_report on partner_contact_refusal as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy partner_contact_refusal_select on partner_contact_refusal as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy person_insert on person as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor())));
create policy person_plan_report on person as permissive for select to frid_report
  using ((EXISTS ( SELECT 1
   FROM relation r
  WHERE ((r.other_person_id = person.id) AND (r.kind = 'child'::text)))));
create policy person_select on person as permissive for select to frid_app
  using (((org_id = frid_org()) AND (id <> ALL (( SELECT frid_barred_persons(frid_actor()) AS frid_barred_persons)::uuid[])) AND ((EXISTS ( SELECT 1
   FROM person_registration r
  WHERE ((r.person_id = person.id) AND (r.user_id = frid_actor())))) OR (EXISTS ( SELECT 1
   FROM "case" c
  WHERE (c.person_id = person.id))) OR (EXISTS ( SELECT 1
   FROM relation rel
  WHERE (rel.other_person_id = person.id))))));
create policy person_update on person as permissive for update to frid_app
  using (((org_id = frid_org()) AND (id <> ALL (( SELECT frid_barred_persons(frid_actor()) AS frid_barred_persons)::uuid[])) AND ((EXISTS ( SELECT 1
   FROM person_registration r
  WHERE ((r.person_id = person.id) AND (r.user_id = frid_actor())))) OR (EXISTS ( SELECT 1
   FROM "case" c
  WHERE (c.person_id = person.id))) OR (EXISTS ( SELECT 1
   FROM relation rel
  WHERE (rel.other_person_id = person.id))))));
create policy person_registration_all on person_registration as permissive for all to frid_app
  using (((org_id = frid_org()) AND (user_id = frid_actor())))
  with check (((org_id = frid_org()) AND (user_id = frid_actor())));
create policy person_reveal_insert on person_reveal as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (user_id = frid_actor()) AND (EXISTS ( SELECT 1
   FROM "case" c
  WHERE (c.person_id = person_reveal.person_id)))));
create policy person_reveal_select on person_reveal as permissive for select to frid_app
  using (((org_id = frid_org()) AND ((user_id = frid_actor()) OR frid_is_protection_officer_for(person_id))));
create policy place_insert on place as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_administers_place(unit_id)));
create policy place_report on place as permissive for select to frid_report
  using ((org_id = frid_org()));
create policy place_select on place as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_does_case_work()));
create policy place_update on place as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_administers_place(unit_id)))
  with check (((org_id = frid_org()) AND frid_administers_place(unit_id)));
create policy place_address_select on place_address as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_place_address(place_id)));
create policy place_address_update on place_address as permissive for update to frid_app
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM place p
  WHERE ((p.id = place_address.place_id) AND frid_administers_place(p.unit_id))))))
  with check ((updated_by = frid_actor()));
create policy place_address_write on place_address as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (updated_by = frid_actor()) AND (EXISTS ( SELECT 1
   FROM place p
  WHERE ((p.id = place_address.place_id) AND frid_administers_place(p.unit_id))))));
create policy place_contact_insert on place_contact as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM place p
  WHERE ((p.id = place_contact.place_id) AND frid_administers_place(p.unit_id))))));
create policy place_contact_select on place_contact as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_does_case_work()));
create policy place_contact_update on place_contact as permissive for update to frid_app
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM place p
  WHERE ((p.id = place_contact.place_id) AND frid_administers_place(p.unit_id))))));
create policy place_enquiry_insert on place_enquiry as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (asked_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy place_enquiry_report on place_enquiry as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy place_enquiry_select on place_enquiry as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy place_enquiry_update on place_enquiry as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check ((answered_by = frid_actor()));
create policy place_hold_insert on place_hold as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (held_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy place_hold_select on place_hold as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy place_hold_update on place_hold as permissive for update to frid_app
  using (frid_can_see_case(case_id));
create policy placement_review_insert on placement_review as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy placement_review_select on placement_review as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy police_assessment_insert on police_assessment as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy police_assessment_select on police_assessment as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy police_incident_insert on police_incident as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy police_incident_select on police_incident as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy preliminary_decision_insert on preliminary_decision as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (decided_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy preliminary_decision_report on preliminary_decision as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy preliminary_decision_select on preliminary_decision as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy protection_assessment_insert on protection_assessment as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (assessed_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy protection_assessment_select on protection_assessment as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy protection_checklist_delete on protection_checklist as permissive for delete to frid_app
  using (frid_can_see_case(case_id));
create policy protection_checklist_insert on protection_checklist as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (done_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy protection_checklist_select on protection_checklist as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy protection_consultation_insert on protection_consultation as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (officer_id = frid_actor()) AND frid_officer_of_case(case_id, person_id)));
create policy protection_consultation_select on protection_consultation as permissive for select to frid_app
  using (((org_id = frid_org()) AND ((officer_id = frid_actor()) OR frid_is_protection_officer_for(person_id) OR frid_can_see_case(case_id) OR (EXISTS ( SELECT 1
   FROM "case" c
  WHERE (c.person_id = protection_consultation.person_id))))));
create policy referral_insert on referral as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND (frid_can_see_case(case_id) OR ((direction = 'in'::text) AND frid_recorded_intake_of_case(intake_id, case_id)))));
create policy referral_select on referral as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy referral_update on referral as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (((org_id = frid_org()) AND frid_can_see_case(case_id)));
create policy relation_insert on relation as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy relation_report on relation as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy relation_select on relation as permissive for select to frid_app
  using ((EXISTS ( SELECT 1
   FROM "case" seen
  WHERE (seen.id = relation.case_id))));
create policy restraining_order_insert on restraining_order as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy restraining_order_select on restraining_order as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy restraining_order_update on restraining_order as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (frid_can_see_case(case_id));
create policy retention_receipt_insert on retention_receipt as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (removed_by = frid_actor())));
create policy retention_receipt_select on retention_receipt as permissive for select to frid_app
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM retention_run r
  WHERE ((r.id = retention_receipt.run_id) AND (r.created_by = frid_actor()))))));
create policy retention_rule_select on retention_rule as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_keeps_directory()));
create policy retention_rule_update on retention_rule as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_administers_org()))
  with check (((org_id = frid_org()) AND frid_administers_org()));
create policy retention_run_insert on retention_run as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor())));
create policy retention_run_select on retention_run as permissive for select to frid_app
  using (((org_id = frid_org()) AND (created_by = frid_actor())));
create policy retention_run_update on retention_run as permissive for update to frid_app
  using (((org_id = frid_org()) AND (created_by = frid_actor())))
  with check (((org_id = frid_org()) AND (decided_by = frid_actor())));
create policy review_plan_insert on review_plan as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])));
create policy review_plan_select on review_plan as permissive for select to frid_app
  using (((org_id = frid_org()) AND ((reviewer_id = frid_actor()) OR frid_has_unit_role(unit_id, ARRAY['unit_manager'::text]))));
create policy review_plan_update on review_plan as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])))
  with check (((org_id = frid_org()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])));
create policy risk_alert_reason_insert on risk_alert_reason as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_can_see_case(case_id) AND (EXISTS ( SELECT 1
   FROM barrier_event e
  WHERE ((e.id = risk_alert_reason.event_id) AND (e.from_case_id = risk_alert_reason.case_id) AND (e.kind = 'risk_alert'::text) AND (e.created_by = frid_actor()))))));
create policy risk_alert_reason_select on risk_alert_reason as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy risk_conference_insert on risk_conference as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (referred_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy risk_conference_report on risk_conference as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy risk_conference_select on risk_conference as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy risk_conference_update on risk_conference as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (frid_can_see_case(case_id));
create policy risk_conference_action_insert on risk_conference_action as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_can_see_case(case_id) AND ((owner_user_id IS NULL) OR (NOT frid_barred(case_id, owner_user_id)))));
create policy risk_conference_action_owner_update on risk_conference_action as permissive for update to frid_app
  using (((org_id = frid_org()) AND (owner_user_id = frid_actor()) AND (NOT frid_barred(case_id, frid_actor()))))
  with check (((org_id = frid_org()) AND (owner_user_id = frid_actor()) AND (NOT frid_barred(case_id, frid_actor()))));
create policy risk_conference_action_report on risk_conference_action as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy risk_conference_action_select on risk_conference_action as permissive for select to frid_app
  using ((frid_can_see_case(case_id) OR ((org_id = frid_org()) AND (owner_user_id = frid_actor()) AND (NOT frid_barred(case_id, frid_actor())))));
create policy risk_conference_action_update on risk_conference_action as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check ((frid_can_see_case(case_id) AND ((owner_user_id IS NULL) OR (NOT frid_barred(case_id, owner_user_id)))));
create policy risk_conference_agency_insert on risk_conference_agency as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy risk_conference_agency_select on risk_conference_agency as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy risk_conference_agency_update on risk_conference_agency as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (frid_can_see_case(case_id));
create policy routine_insert on routine as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_keeps_directory()));
create policy routine_org_report on routine as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy routine_select on routine as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_in_org()));
create policy routine_update on routine as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_directory()))
  with check (((org_id = frid_org()) AND frid_keeps_directory()));
create policy routine_approver_insert on routine_approver as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_keeps_directory()));
create policy routine_approver_org_report on routine_approver as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy routine_approver_select on routine_approver as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_in_org()));
create policy routine_document_insert on routine_document as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (uploaded_by = frid_actor()) AND frid_keeps_directory()));
create policy routine_document_select on routine_document as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_in_org()));
create policy routine_document_update on routine_document as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_directory()))
  with check (((org_id = frid_org()) AND (uploaded_by = frid_actor()) AND frid_keeps_directory()));
create policy safety_alarm_insert on safety_alarm as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy safety_alarm_select on safety_alarm as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy safety_alarm_update on safety_alarm as permissive for update to frid_app
  using (frid_can_see_case(case_id))
  with check (frid_can_see_case(case_id));
create policy safety_plan_version_insert on safety_plan_version as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (saved_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy safety_plan_version_select on safety_plan_version as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy service_contact_insert on service_contact as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND (EXISTS ( SELECT 1
   FROM service_course c
  WHERE ((c.id = service_contact.course_id) AND frid_gives_service(c.unit_id) AND ((c.created_by = frid_actor()) OR frid_can_see_service_course(c.id)))))));
create policy service_contact_report on service_contact as permissive for select to frid_report
  using ((( SELECT c.org_id
   FROM service_course c
  WHERE (c.id = service_contact.course_id)) = frid_org()));
create policy service_contact_select on service_contact as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_service_course(course_id)));
create policy service_contact_update on service_contact as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_can_see_service_course(course_id)));
create policy service_course_insert on service_course as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_gives_service(unit_id)));
create policy service_course_report on service_course as permissive for select to frid_report
  using (((org_id = frid_org()) AND (unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy service_course_select on service_course as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_service_course(id)));
create policy service_course_update on service_course as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_can_see_service_course(id)))
  with check (((org_id = frid_org()) AND frid_gives_service(unit_id)));
create policy stay_insert on stay as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_works_case(case_id)));
create policy stay_report on stay as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy stay_select on stay as permissive for select to frid_app
  using (frid_can_see_stay(id));
create policy stay_update on stay as permissive for update to frid_app
  using (frid_can_see_stay(id));
create policy stay_invoice_insert on stay_invoice as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND (EXISTS ( SELECT 1
   FROM stay s
  WHERE ((s.id = stay_invoice.stay_id) AND frid_can_see_case(s.case_id))))));
create policy stay_invoice_select on stay_invoice as permissive for select to frid_app
  using ((EXISTS ( SELECT 1
   FROM stay s
  WHERE ((s.id = stay_invoice.stay_id) AND frid_can_see_case(s.case_id)))));
create policy stay_member_insert on stay_member as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM stay s
  WHERE ((s.id = stay_member.stay_id) AND frid_works_case(s.case_id))))));
create policy stay_member_report on stay_member as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy stay_member_select on stay_member as permissive for select to frid_app
  using (frid_can_see_stay(stay_id));
create policy stay_member_update on stay_member as permissive for update to frid_app
  using (frid_can_see_stay(stay_id));
create policy stay_note_insert on stay_note as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (written_by = frid_actor()) AND frid_can_see_stay(stay_id)));
create policy stay_note_select on stay_note as permissive for select to frid_app
  using (frid_can_see_stay(stay_id));
create policy stay_segment_insert on stay_segment as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM stay s
  WHERE ((s.id = stay_segment.stay_id) AND frid_works_case(s.case_id))))));
create policy stay_segment_report on stay_segment as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy stay_segment_select on stay_segment as permissive for select to frid_app
  using (((org_id = frid_org()) AND ((EXISTS ( SELECT 1
   FROM stay s
  WHERE ((s.id = stay_segment.stay_id) AND frid_can_see_case(s.case_id)))) OR frid_runs_place(place_id))));
create policy stay_segment_update on stay_segment as permissive for update to frid_app
  using (((org_id = frid_org()) AND ((EXISTS ( SELECT 1
   FROM stay s
  WHERE ((s.id = stay_segment.stay_id) AND frid_can_see_case(s.case_id)))) OR frid_runs_place(place_id))));
create policy study_visit_delete on study_visit as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()));
create policy study_visit_insert on study_visit as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy study_visit_report on study_visit as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy study_visit_select on study_visit as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_competence()));
create policy study_visit_update on study_visit as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()))
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy supervision_session_delete on supervision_session as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()));
create policy supervision_session_insert on supervision_session as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy supervision_session_report on supervision_session as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy supervision_session_select on supervision_session as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_competence()));
create policy supervision_session_update on supervision_session as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()))
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy survey_insert on survey as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_makes_surveys(unit_id)));
create policy survey_select on survey as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_makes_surveys(unit_id)));
create policy survey_update on survey as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_makes_surveys(unit_id)))
  with check (((org_id = frid_org()) AND frid_makes_surveys(unit_id)));
create policy survey_answer_select on survey_answer as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_survey(survey_id)));
create policy survey_answer_topic_select on survey_answer_topic as permissive for select to frid_app
  using (((org_id = frid_org()) AND (EXISTS ( SELECT 1
   FROM survey_answer a
  WHERE (a.id = survey_answer_topic.answer_id)))));
create policy survey_respondent_delete on survey_respondent as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_can_see_survey(survey_id) AND (answered_at IS NULL)));
create policy survey_respondent_insert on survey_respondent as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_can_see_survey(survey_id)));
create policy survey_respondent_select on survey_respondent as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_survey(survey_id)));
create policy survey_respondent_update on survey_respondent as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_can_see_survey(survey_id)));
create policy survey_topic_delete on survey_topic as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_can_see_survey(survey_id)));
create policy survey_topic_insert on survey_topic as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_can_see_survey(survey_id)));
create policy survey_topic_select on survey_topic as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_can_see_survey(survey_id)));
create policy training_delete on training as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()));
create policy training_insert on training as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy training_report on training as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy training_select on training as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_competence()));
create policy training_update on training as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()))
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy training_instructor_delete on training_instructor as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()));
create policy training_instructor_insert on training_instructor as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy training_instructor_report on training_instructor as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy training_instructor_select on training_instructor as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_competence()));
create policy training_instructor_update on training_instructor as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()))
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy training_participants_delete on training_participants as permissive for delete to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()));
create policy training_participants_insert on training_participants as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy training_participants_report on training_participants as permissive for select to frid_report
  using (((org_id = frid_org()) AND (( SELECT cardinality(frid_reported_units()) AS cardinality) > 0)));
create policy training_participants_select on training_participants as permissive for select to frid_app
  using (((org_id = frid_org()) AND frid_reads_competence()));
create policy training_participants_update on training_participants as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_keeps_competence()))
  with check (((org_id = frid_org()) AND frid_keeps_competence()));
create policy treatment_insert on treatment as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy treatment_report on treatment as permissive for select to frid_report
  using (((org_id = frid_org()) AND (case_unit_id = ANY (( SELECT frid_reported_units() AS frid_reported_units)::uuid[]))));
create policy treatment_select on treatment as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy treatment_update on treatment as permissive for update to frid_app
  using ((frid_can_see_case(case_id) AND (phase <> 'ended'::text)))
  with check (frid_can_see_case(case_id));
create policy treatment_session_insert on treatment_session as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (recorded_by = frid_actor()) AND frid_can_see_case(case_id)));
create policy treatment_session_select on treatment_session as permissive for select to frid_app
  using (frid_can_see_case(case_id));
create policy voluntary_assignment_insert on voluntary_assignment as permissive for insert to frid_app
  with check (((org_id = frid_org()) AND (created_by = frid_actor()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])));
create policy voluntary_assignment_select on voluntary_assignment as permissive for select to frid_app
  using (((org_id = frid_org()) AND (frid_does_case_work() OR frid_keeps_directory())));
create policy voluntary_assignment_update on voluntary_assignment as permissive for update to frid_app
  using (((org_id = frid_org()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])))
  with check (((org_id = frid_org()) AND frid_has_unit_role(unit_id, ARRAY['unit_manager'::text])));

-- ===== Tables with row-level security =====

alter table access_grant enable row level security;
alter table action_plan enable row level security;
alter table action_plan_activity enable row level security;
alter table action_plan_area enable row level security;
alter table action_plan_follow_up enable row level security;
alter table action_plan_goal enable row level security;
alter table adult_population enable row level security;
alter table agency enable row level security;
alter table agency_contact enable row level security;
alter table agency_unit enable row level security;
alter table agreement enable row level security;
alter table agreement_follow_up enable row level security;
alter table agreement_party enable row level security;
alter table agreement_responsible enable row level security;
alter table assessment enable row level security;
alter table audit_conclusion enable row level security;
alter table audit_event enable row level security;
alter table barrier enable row level security;
alter table barrier_event enable row level security;
alter table break_glass_review enable row level security;
alter table "case" enable row level security;
alter table case_assignment enable row level security;
alter table case_consultation enable row level security;
alter table case_outcome enable row level security;
alter table case_outcome_history enable row level security;
alter table case_status_change enable row level security;
alter table case_task enable row level security;
alter table chat_conversation enable row level security;
alter table chat_message enable row level security;
alter table chat_setting enable row level security;
alter table child_consultation enable row level security;
alter table child_medical_exam enable row level security;
alter table child_placement enable row level security;
alter table child_police_report enable row level security;
alter table child_work enable row level security;
alter table consent enable row level security;
alter table consent_giver enable row level security;
alter table consultation enable row level security;
alter table coordinated_plan enable row level security;
alter table coordinated_plan_agency enable row level security;
alter table crisis_talk enable row level security;
alter table crisis_talk_series enable row level security;
alter table data_key enable row level security;
alter table decision enable row level security;
alter table disclosure enable row level security;
alter table document enable row level security;
alter table follow_up enable row level security;
alter table implementation_plan enable row level security;
alter table instructor enable row level security;
alter table instructor_meeting enable row level security;
alter table instructor_meeting_attendance enable row level security;
alter table instrument_version enable row level security;
alter table intake enable row level security;
alter table investigation enable row level security;
alter table investigation_extension enable row level security;
alter table investigation_span enable row level security;
alter table journal_entry enable row level security;
alter table log_review_setting enable row level security;
alter table maintenance_task enable row level security;
alter table notification_digest enable row level security;
alter table notification_read enable row level security;
alter table notification_setting enable row level security;
alter table partner enable row level security;
alter table partner_contact enable row level security;
alter table partner_contact_attempt enable row level security;
alter table partner_contact_refusal enable row level security;
alter table person enable row level security;
alter table person_registration enable row level security;
alter table person_reveal enable row level security;
alter table place enable row level security;
alter table place_address enable row level security;
alter table place_contact enable row level security;
alter table place_enquiry enable row level security;
alter table place_hold enable row level security;
alter table placement_review enable row level security;
alter table police_assessment enable row level security;
alter table police_incident enable row level security;
alter table preliminary_decision enable row level security;
alter table protection_assessment enable row level security;
alter table protection_checklist enable row level security;
alter table protection_consultation enable row level security;
alter table referral enable row level security;
alter table relation enable row level security;
alter table restraining_order enable row level security;
alter table retention_receipt enable row level security;
alter table retention_rule enable row level security;
alter table retention_run enable row level security;
alter table review_plan enable row level security;
alter table risk_alert_reason enable row level security;
alter table risk_conference enable row level security;
alter table risk_conference_action enable row level security;
alter table risk_conference_agency enable row level security;
alter table routine enable row level security;
alter table routine_approver enable row level security;
alter table routine_document enable row level security;
alter table safety_alarm enable row level security;
alter table safety_plan_version enable row level security;
alter table service_contact enable row level security;
alter table service_course enable row level security;
alter table stay enable row level security;
alter table stay_invoice enable row level security;
alter table stay_member enable row level security;
alter table stay_note enable row level security;
alter table stay_segment enable row level security;
alter table study_visit enable row level security;
alter table supervision_session enable row level security;
alter table survey enable row level security;
alter table survey_answer enable row level security;
alter table survey_answer_topic enable row level security;
alter table survey_respondent enable row level security;
alter table survey_topic enable row level security;
alter table training enable row level security;
alter table training_instructor enable row level security;
alter table training_participants enable row level security;
alter table treatment enable row level security;
alter table treatment_session enable row level security;
alter table voluntary_assignment enable row level security;

-- ===== Grants to the application's roles =====

grant insert, select, update on access_grant to frid_app;
grant delete, insert, select on account_identifier to frid_app;
grant delete, insert, select, update on action_plan to frid_app;
grant delete, insert, select, update on action_plan_activity to frid_app;
grant delete, insert, select, update on action_plan_area to frid_app;
grant delete, insert, select, update on action_plan_follow_up to frid_app;
grant delete, insert, select, update on action_plan_goal to frid_app;
grant insert, select, update on adult_population to frid_app;
grant insert, select, update on agency to frid_app;
grant insert, select, update on agency_contact to frid_app;
grant insert, select, update on agency_unit to frid_app;
grant insert, select, update on agreement to frid_app;
grant insert, select on agreement_follow_up to frid_app;
grant delete, insert, select on agreement_party to frid_app;
grant delete, insert, select on agreement_responsible to frid_app;
grant insert, select, update on app_user to frid_app;
grant insert, select on assessment to frid_app;
grant insert, select on audit_conclusion to frid_app;
grant insert, select on audit_event to frid_app;
grant insert, select on audit_seal to frid_app;
grant insert, select on barrier to frid_app;
grant insert, select on barrier_event to frid_app;
grant insert, select on break_glass_review to frid_app;
grant insert, select, update on "case" to frid_app;
grant insert, select, update on case_assignment to frid_app;
grant insert, select on case_consultation to frid_app;
grant insert, select on case_outcome to frid_app;
grant select on case_outcome_history to frid_app;
grant insert, select, update on case_reference_counter to frid_app;
grant insert, select on case_status_change to frid_app;
grant insert, select on case_task to frid_app;
grant insert, select, update on chat_conversation to frid_app;
grant insert, select on chat_message to frid_app;
grant insert, select, update on chat_setting to frid_app;
grant insert, select, update on child_consultation to frid_app;
grant insert, select, update on child_medical_exam to frid_app;
grant insert, select on child_placement to frid_app;
grant insert, select, update on child_police_report to frid_app;
grant insert, select, update on child_work to frid_app;
grant insert, select on consent to frid_app;
grant insert, select on consent_giver to frid_app;
grant insert, select, update on consultation to frid_app;
grant insert, select on coordinated_plan to frid_app;
grant insert, select on coordinated_plan_agency to frid_app;
grant insert, select, update on crisis_talk to frid_app;
grant insert, select, update on crisis_talk_series to frid_app;
grant insert, select on decision to frid_app;
grant insert, select on disclosure to frid_app;
grant insert, select on document to frid_app;
grant insert, select on follow_up to frid_app;
grant select on frid_barred_person to frid_app;
grant select on frid_break_glass_review_item to frid_app;
grant select on frid_current_work to frid_app;
grant insert, select on identifier_key to frid_app;
grant insert, select, update on identity_provider to frid_app;
grant insert, select, update on implementation_plan to frid_app;
grant delete, insert, select, update on instructor to frid_app;
grant delete, insert, select, update on instructor_meeting to frid_app;
grant delete, insert, select, update on instructor_meeting_attendance to frid_app;
grant insert, select on instrument_version to frid_app;
grant insert, select on intake to frid_app;
grant select on intervention_kind to frid_app;
grant insert, select, update on investigation to frid_app;
grant insert, select on investigation_extension to frid_app;
grant insert, select, update on journal_entry to frid_app;
grant insert, select, update on log_review_setting to frid_app;
grant insert, select, update on login_policy to frid_app;
grant delete, insert, select, update on login_throttle to frid_app;
grant delete, insert, select, update on notification_digest to frid_app;
grant delete, insert, select on notification_read to frid_app;
grant insert, select, update on notification_setting to frid_app;
grant delete, insert, select, update on oidc_login_attempt to frid_app;
grant delete, insert, select on oidc_logout_token to frid_app;
grant select on organisation to frid_app;
grant insert, select on partner to frid_app;
grant insert, select on partner_contact to frid_app;
grant insert, select on partner_contact_attempt to frid_app;
grant insert, select on partner_contact_refusal to frid_app;
grant insert, select, update on person to frid_app;
grant insert, select, update on person_registration to frid_app;
grant insert, select on person_reveal to frid_app;
grant insert, select, update on place to frid_app;
grant insert, select, update on place_address to frid_app;
grant insert, select, update on place_contact to frid_app;
grant insert, select, update on place_enquiry to frid_app;
grant insert, select, update on place_hold to frid_app;
grant insert, select on placement_review to frid_app;
grant insert, select on police_assessment to frid_app;
grant insert, select on police_incident to frid_app;
grant insert, select on preliminary_decision to frid_app;
grant insert, select on protection_assessment to frid_app;
grant delete, insert, select on protection_checklist to frid_app;
grant insert, select on protection_consultation to frid_app;
grant insert, select on referral to frid_app;
grant insert, select on relation to frid_app;
grant insert, select, update on restraining_order to frid_app;
grant insert, select on retention_receipt to frid_app;
grant select, update on retention_rule to frid_app;
grant insert, select, update on retention_run to frid_app;
grant insert, select, update on review_plan to frid_app;
grant insert, select on risk_alert_reason to frid_app;
grant insert, select on risk_conference to frid_app;
grant insert, select on risk_conference_action to frid_app;
grant insert, select on risk_conference_agency to frid_app;
grant delete, insert, select, update on role_assignment to frid_app;
grant insert, select, update on routine to frid_app;
grant insert, select on routine_approver to frid_app;
grant select on routine_area to frid_app;
grant insert, select, update on routine_document to frid_app;
grant insert, select, update on safety_alarm to frid_app;
grant insert, select on safety_plan_version to frid_app;
grant delete, insert, select on saml_assertion_seen to frid_app;
grant delete, insert, select, update on saml_login_attempt to frid_app;
grant delete, insert, select, update on saml_logout_message to frid_app;
grant select on schema_migration to frid_app;
grant select on secrecy_rule to frid_app;
grant select on seed_run to frid_app;
grant insert, select, update on service_contact to frid_app;
grant insert, select, update on service_course to frid_app;
grant insert, select, update on session to frid_app;
grant insert, select, update on stay to frid_app;
grant insert, select on stay_invoice to frid_app;
grant insert, select, update on stay_member to frid_app;
grant insert, select on stay_note to frid_app;
grant insert, select, update on stay_segment to frid_app;
grant delete, insert, select, update on study_visit to frid_app;
grant delete, insert, select, update on supervision_session to frid_app;
grant insert, select, update on survey to frid_app;
grant select on survey_answer to frid_app;
grant select on survey_answer_topic to frid_app;
grant delete, insert, select, update on survey_respondent to frid_app;
grant delete, insert, select on survey_topic to frid_app;
grant delete, insert, select, update on training to frid_app;
grant delete, insert, select, update on training_instructor to frid_app;
grant delete, insert, select, update on training_participants to frid_app;
grant insert, select on treatment to frid_app;
grant insert, select on treatment_session to frid_app;
grant insert, select on unit to frid_app;
grant insert, select, update on voluntary_assignment to frid_app;
grant delete, insert, select, update on webauthn_challenge to frid_app;
grant delete, insert, select, update on webauthn_credential to frid_app;
grant update (answers), update (assessed_on), update (client_present), update (completed_at), update (completed_by), update (interpreter_used), update (judgements), update (reasons), update (result), update (updated_at) on assessment to frid_app;
grant update (acknowledged_at), update (acknowledged_by) on barrier_event to frid_app;
grant update (goal_reached), update (not_assessed_reason), update (own_view), update (recorded_at), update (recorded_by), update (version) on case_outcome to frid_app;
grant update (done_at), update (done_by), update (done_note), update (report_on), update (report_reference), update (report_to) on case_task to frid_app;
grant update (court_outcome), update (court_ruled_on), update (court_submitted_on), update (ended_on) on child_placement to frid_app;
grant update (revoked_on), update (revoked_reason) on consent to frid_app;
grant update (coordinator_key), update (follow_up_findings), update (follow_up_on), update (followed_up_on), update (goals), update (meetings), update (participants), update (responsibilities), update (updated_at), update (updated_by), update (version) on coordinated_plan to frid_app;
grant update (content), update (destroyed_at), update (destroyed_by), update (destroyed_reason) on document to frid_app;
grant update (own_support), update (own_support_note), update (own_support_on) on partner_contact to frid_app;
grant update (answer), update (answer_text), update (answered_by), update (answered_on), update (channel), update (sent_on) on referral to frid_app;
grant update (agenda), update (chair_id), update (follow_up_notes), update (follow_up_on), update (meeting_on), update (staff_ids), update (version) on risk_conference to frid_app;
grant update (done_on), update (notes), update (version) on risk_conference_action to frid_app;
grant update (contact_ids), update (research), update (updated_at) on risk_conference_agency to frid_app;
grant update (end_kind), update (end_reason), update (ended_by), update (ended_on), update (partner_info_given_on), update (phase), update (started_on) on treatment to frid_app;
grant update (contact_address), update (contact_email), update (contact_phone), update (partner_follow_up_months), update (referral_answer_days) on unit to frid_app;
grant select (adopted_by), select (adopted_on), select (from_year), select (id), select (org_id), select (title), select (to_year) on action_plan to frid_report;
grant select (id), select (kind), select (org_id), select (plan_id), select (position), select (title) on action_plan_area to frid_report;
grant select (computed), select (computed_at), select (done), select (goal_id), select (id), select (org_id), select (plan_id), select (status), select (value), select (year) on action_plan_follow_up to frid_report;
grant select (area_id), select (created_at), select (id), select (indicator_code), select (indicator_name), select (indicator_unit), select (org_id), select (plan_id), select (target_value), select (title) on action_plan_goal to frid_report;
grant select (adults), select (org_id), select (year) on adult_population to frid_report;
grant select (id), select (kind), select (org_id) on agency to frid_report;
grant select (ended_on), select (id), select (org_id), select (signed_on), select (title) on agreement to frid_report;
grant select (agreement_id), select (followed_up_on), select (id), select (org_id) on agreement_follow_up to frid_report;
grant select (agency_id), select (agreement_id), select (org_id) on agreement_party to frid_report;
grant select (assessed_on), select (case_id), select (case_unit_id), select (completed_at), select (id), select (instrument_id), select (instrument_version), select (judgements), select (org_id), select (result) on assessment to frid_report;
grant select (acknowledged_at), select (case_unit_id), select (created_at), select (from_case_id), select (kind), select (org_id) on barrier_event to frid_report;
grant select (case_type), select (closed_at), select (granted_decision), select (id), select (opened_at), select (org_id), select (outcome_goal), select (person_id), select (status), select (unit_id) on "case" to frid_report;
grant select (case_id), select (case_unit_id), select (goal_reached), select (org_id), select (recorded_at) on case_outcome to frid_report;
grant select (case_id), select (case_unit_id), select (changed_at), select (from_status), select (id), select (org_id), select (to_status) on case_status_change to frid_report;
grant select (basis), select (child_work_id), select (held_on), select (id), select (org_id) on child_consultation to frid_report;
grant select (child_work_id), select (examined_on), select (id), select (kind), select (org_id) on child_medical_exam to frid_report;
grant select (child_work_id), select (crime_category), select (id), select (org_id), select (reported_on), select (reporter_kind) on child_police_report to frid_report;
grant select (case_id), select (closed_on), select (course_id), select (id), select (opened_on), select (org_id), select (person_id), select (unit_id) on child_work to frid_report;
grant select (case_id), select (case_unit_id), select (given_on), select (org_id), select (revoked_on), select (scope) on consent to frid_report;
grant select (id), select (occurred_at), select (org_id), select (unit_id) on consultation to frid_report;
grant select (held_on), select (id), select (number), select (org_id), select (series_id) on crisis_talk to frid_report;
grant select (child_work_id), select (ended_on), select (id), select (model), select (org_id), select (started_on) on crisis_talk_series to frid_report;
grant select (case_id), select (case_person_id), select (case_unit_id), select (decided_at), select (id), select (intervention_kind), select (org_id), select (outcome) on decision to frid_report;
grant select (case_id), select (case_unit_id), select (disclosed_on), select (ground), select (org_id), select (recipient_agency_id) on disclosure to frid_report;
grant select (id), select (org_id), select (trained_on) on instructor to frid_report;
grant select (held_on), select (id), select (org_id) on instructor_meeting to frid_report;
grant select (instructor_id), select (meeting_id), select (org_id) on instructor_meeting_attendance to frid_report;
grant select (definition), select (instrument_id), select (org_id), select (version) on instrument_version to frid_report;
grant select (case_id), select (case_type), select (case_unit_id), select (children_in_household), select (kind), select (org_id), select (preliminary_decided_at), select (received_at) on intake to frid_report;
grant select (began_at), select (case_id), select (case_type), select (case_unit_id), select (completed_at), select (extended_until), select (org_id) on investigation to frid_report;
grant select (case_id), select (case_unit_id), select (extended_until), select (org_id) on investigation_extension to frid_report;
grant select (began_at), select (case_id), select (case_person_id), select (case_type), select (case_unit_id), select (children_as_of), select (children_in_household), select (ended_at), select (org_id) on investigation_span to frid_report;
grant select (case_id), select (case_unit_id), select (exception_kind), select (org_id), select (recorded_at) on partner to frid_report;
grant select (attempted_on), select (case_id), select (case_unit_id), select (org_id), select (outcome) on partner_contact_attempt to frid_report;
grant select (case_id), select (case_unit_id), select (continue_treatment), select (org_id), select (refused_on) on partner_contact_refusal to frid_report;
grant select (birth_date), select (id) on person to frid_report;
grant select (closed_on), select (created_at), select (id), select (kind), select (name), select (org_id), select (places), select (unit_id) on place to frid_report;
grant select (answered_at), select (case_id), select (case_unit_id), select (id), select (org_id), select (outcome), select (place_id) on place_enquiry to frid_report;
grant select (case_id), select (case_unit_id), select (decided_at), select (open_investigation), select (org_id) on preliminary_decision to frid_report;
grant select (case_id), select (case_unit_id), select (id), select (kind), select (org_id), select (other_person_id) on relation to frid_report;
grant select (case_id), select (case_unit_id), select (id), select (meeting_on), select (org_id) on risk_conference to frid_report;
grant select (case_id), select (case_unit_id), select (created_at), select (done_on), select (id), select (org_id) on risk_conference_action to frid_report;
grant select (approved_on), select (approver_id), select (area), select (id), select (org_id), select (review_on), select (supersedes_id), select (title) on routine to frid_report;
grant select (id), select (management), select (org_id) on routine_approver to frid_report;
grant select (code), select (question), select (sort_order) on routine_area to frid_report;
grant select (channel), select (course_id), select (duration_minutes), select (id), select (intake_id), select (kind), select (occurred_at), select (org_id), select (outcome), select (violence_kinds) on service_contact to frid_report;
grant select (birth_year), select (closed_at), select (created_at), select (id), select (is_child), select (org_id), select (person_id), select (sex), select (subject_kind), select (unit_id) on service_course to frid_report;
grant select (arrived_on), select (cancelled_at), select (case_id), select (case_unit_id), select (end_reason), select (id), select (left_on), select (org_id), select (planned_from) on stay to frid_report;
grant select (case_unit_id), select (org_id), select (person_id), select (role), select (stay_began_on), select (stay_cancelled), select (stay_id) on stay_member to frid_report;
grant select (adults), select (case_unit_id), select (children), select (from_on), select (id), select (org_id), select (place_id), select (price_adult_ore), select (price_child_ore), select (stay_cancelled), select (stay_id), select (stay_left_on), select (to_on) on stay_segment to frid_report;
grant select (id), select (org_id), select (visited_on), select (visitors) on study_visit to frid_report;
grant select (held_on), select (hours), select (id), select (org_id) on supervision_session to frid_report;
grant select (hours), select (id), select (joint_with), select (org_id), select (starts_on) on training to frid_report;
grant select (instructor_id), select (org_id), select (training_id) on training_instructor to frid_report;
grant select (id), select (org_id), select (participants), select (training_id) on training_participants to frid_report;
grant select (case_id), select (case_unit_id), select (end_kind), select (ended_on), select (org_id), select (partner_info_given_on), select (referral_source), select (referred_on), select (report_until), select (started_on) on treatment to frid_report;
grant select (id), select (org_id) on unit to frid_report;
