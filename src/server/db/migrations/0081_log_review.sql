-- Frid 0081 (issue 19, item 7): systematic log review. A unit manager's anomaly lists are
-- computed from the audit trail on demand (frid_log_anomalies below), each anomaly is
-- concluded by a reviewer (audit_conclusion, itself audited as audit.conclusion), and a
-- review plan per unit says who reviews what, how often; an overdue plan is a line on the
-- reviewer's Att göra. The trail itself is never changed (audit/sealer.ts chains it).

-- The anomaly lists read the organisation's events of a period: led by the organisation and
-- the time, or every list would walk the organisation's whole trail.
create index audit_event_org_time_idx on audit_event (org_id, occurred_at);

-- How many distinct persons one user may open in a day before it is an anomaly. A setting
-- per organisation (no row: the default of 30, see modules/audit-review/anomalies.ts).
create table log_review_setting (
  org_id                uuid primary key references organisation (id),
  many_persons_per_day  integer not null check (many_persons_per_day between 1 and 10000),
  updated_by            uuid references app_user (id),
  updated_at            timestamptz not null default now()
);

-- A reviewer's conclusion about one anomaly, named by its stable key (kind:user:day[:person]).
-- Appended, never changed: a later conclusion (after "needs follow-up") is a new row and the
-- newest counts. No foreign key to person: the conclusion outlives what it speaks of, as the
-- trail does.
create table audit_conclusion (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references organisation (id),
  anomaly_kind     text not null check (anomaly_kind in ('many_persons', 'protected_person',
                     'outside_own_cases', 'outside_unit', 'after_hours', 'same_surname',
                     'refused')),
  anomaly_key      text not null check (length(anomaly_key) between 1 and 200),
  subject_user_id  uuid not null references app_user (id),
  day              date not null,
  person_id        uuid,
  conclusion       text not null check (conclusion in ('justified', 'needs_follow_up',
                     'unjustified')),
  note             text check (length(note) <= 2000),
  concluded_by     uuid not null references app_user (id),
  concluded_at     timestamptz not null default now()
);
create index audit_conclusion_key_idx on audit_conclusion (org_id, anomaly_key, concluded_at desc);

-- Who reviews a unit's log, which kinds of anomaly (or the full log), how often.
create table review_plan (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisation (id),
  unit_id       uuid not null references unit (id),
  reviewer_id   uuid not null references app_user (id),
  scope         text[] not null check (cardinality(scope) between 1 and 8 and scope <@ array[
                  'full', 'many_persons', 'protected_person', 'outside_own_cases',
                  'outside_unit', 'after_hours', 'same_surname', 'refused']::text[]),
  every_days    integer not null check (every_days between 1 and 366),
  starts_on     date not null,
  last_done_on  date,
  created_by    uuid not null references app_user (id),
  created_at    timestamptz not null default now(),
  ended_at      timestamptz
);
create index review_plan_unit_idx on review_plan (unit_id) where ended_at is null;
create index review_plan_reviewer_idx on review_plan (org_id, reviewer_id) where ended_at is null;

-- Whether the session's user manages any unit of the organisation.
create function frid_manages_a_unit() returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r join unit u on u.id = r.unit_id
                  where r.user_id = frid_actor() and u.org_id = frid_org()
                    and r.role = 'unit_manager')
$$;
grant execute on function frid_manages_a_unit() to frid_app;

alter table log_review_setting enable row level security;
create policy log_review_setting_select on log_review_setting for select to frid_app
  using (org_id = frid_org());
grant select on log_review_setting to frid_app;

-- Conclusions: the organisation's unit managers (the service shows each only beside an
-- anomaly the manager's own lists hold, and records one only for such an anomaly).
alter table audit_conclusion enable row level security;
create policy audit_conclusion_select on audit_conclusion for select to frid_app
  using (org_id = frid_org() and frid_manages_a_unit());
create policy audit_conclusion_insert on audit_conclusion for insert to frid_app
  with check (org_id = frid_org() and concluded_by = frid_actor() and frid_manages_a_unit());
grant select, insert on audit_conclusion to frid_app;

-- Plans: the unit's managers make and change them; the reviewer (a manager of the unit, the
-- service checks) records a review as done.
alter table review_plan enable row level security;
create policy review_plan_select on review_plan for select to frid_app
  using (org_id = frid_org()
         and (reviewer_id = frid_actor() or frid_has_unit_role(unit_id, array['unit_manager'])));
create policy review_plan_insert on review_plan for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor()
              and frid_has_unit_role(unit_id, array['unit_manager']));
create policy review_plan_update on review_plan for update to frid_app
  using (org_id = frid_org() and frid_has_unit_role(unit_id, array['unit_manager']))
  with check (org_id = frid_org() and frid_has_unit_role(unit_id, array['unit_manager']));
grant select, insert, update on review_plan to frid_app;

-- The anomalies of a period for the session's user as a unit manager: events by the users
-- with a role in the units they manage, and events about persons with a case in those units.
-- Security definer because the facts it needs (the person's protection level and family
-- name, assignments and grants at the time of the read) are about persons and cases the
-- manager may not see; it returns only kinds, ids, days and counts — the service names a
-- person only as the manager may see her (row-level security), never her identity otherwise.
--
-- A "read" is an allowed event whose own person (person_id) is set: a record opened or
-- changed. A list's rows (person_ids) are not counted: a list shows a name and a reference,
-- and one list of a unit would otherwise make every manager "many persons" each day.
--
-- Outside own cases / unit, as the access tables say at the time of the read: assigned to a
-- case of hers (assigned_at ≤ t < unassigned_at), an access grant in force, the user having
-- registered her, or a unit manager of a unit holding a case of hers: not an anomaly. Else a
-- role in a unit holding a case of hers: outside own cases; else: outside the unit. Roles and
-- a case's unit have no history: today's are taken (the roles created before the read).
--
-- p_days_off: the days in the period that are not working days (weekends and holidays,
-- shared/working-hours.ts decides); p_start_hour/p_end_hour: the working day, Swedish time.
create function frid_log_anomalies(p_from timestamptz, p_to timestamptz, p_threshold integer,
                                   p_days_off date[], p_start_hour integer, p_end_hour integer)
returns table (kind text, user_id uuid, day date, person_id uuid, events integer,
               persons integer, protected boolean)
language plpgsql stable security definer set search_path = public as $$
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
$$;
grant execute on function frid_log_anomalies(timestamptz, timestamptz, integer, date[], integer,
  integer) to frid_app;
