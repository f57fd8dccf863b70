-- Frid 0087 (issue 20, item 1): the social welfare committee's action plan against violence in
-- close relationships (seed 003, Ekerö) and its yearly follow-up.
--
-- Who sees what (docs/security.md, "The action plan"): the plan is the organisation's own and
-- names no client. Unit managers and administrators keep it; analysts read it too. A goal's
-- activity names its owner, a user of the organisation. Caseworkers and the rest see nothing.
-- A computed indicator's value is counted by frid_report (below), never read from a case.

create table action_plan (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  title       text not null check (length(trim(title)) between 1 and 200),
  adopted_by  text not null check (length(trim(adopted_by)) between 1 and 200),
  adopted_on  date not null,
  from_year   integer not null check (from_year between 2000 and 2100),
  to_year     integer not null check (to_year between 2000 and 2100),
  version     integer not null default 1,
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now(),
  updated_by  uuid references app_user (id),
  updated_at  timestamptz,
  constraint action_plan_period check (to_year >= from_year and to_year - from_year <= 10)
);
create index action_plan_org on action_plan (org_id, from_year);

-- The five areas the committee asked to hear about, and the organisation's own (with a title).
create table action_plan_area (
  id        uuid primary key,
  org_id    uuid not null references organisation (id),
  plan_id   uuid not null references action_plan (id),
  kind      text not null check (kind in ('collaboration', 'competence_development', 'mapping',
                                          'investigation_methods', 'statistics', 'own')),
  title     text check (title is null or length(trim(title)) between 1 and 200),
  position  integer not null,
  constraint action_plan_area_own_title check ((kind = 'own') = (title is not null))
);
create unique index action_plan_area_fixed on action_plan_area (plan_id, kind) where kind <> 'own';
create index action_plan_area_plan on action_plan_area (plan_id, position);

create table action_plan_goal (
  id               uuid primary key,
  org_id           uuid not null references organisation (id),
  plan_id          uuid not null references action_plan (id),
  area_id          uuid not null references action_plan_area (id),
  title            text not null check (length(trim(title)) between 1 and 200),
  description      text not null default '' check (length(description) <= 4000),
  indicator_name   text not null check (length(trim(indicator_name)) between 1 and 200),
  indicator_unit   text not null check (length(trim(indicator_unit)) between 1 and 50),
  target_value     numeric not null check (target_value >= 0),
  -- null: a manual indicator; otherwise a code of the catalogue in action-plan/indicators.ts
  indicator_code   text check (indicator_code is null or length(indicator_code) between 1 and 60),
  created_at       timestamptz not null default now()
);
create index action_plan_goal_plan on action_plan_goal (plan_id, created_at);

create table action_plan_activity (
  id        uuid primary key,
  org_id    uuid not null references organisation (id),
  plan_id   uuid not null references action_plan (id),
  goal_id   uuid not null references action_plan_goal (id),
  title     text not null check (length(trim(title)) between 1 and 200),
  owner_id  uuid not null references app_user (id),
  due_on    date not null,
  status    text not null check (status in ('planned', 'ongoing', 'done', 'cancelled')),
  created_at timestamptz not null default now()
);
create index action_plan_activity_goal on action_plan_activity (goal_id, due_on);
-- Att göra: an owner's activities past their day and not done
create index action_plan_activity_owner on action_plan_activity (owner_id, due_on)
  where status in ('planned', 'ongoing');

create table action_plan_follow_up (
  id           uuid primary key,
  org_id       uuid not null references organisation (id),
  plan_id      uuid not null references action_plan (id),
  goal_id      uuid not null references action_plan_goal (id),
  year         integer not null check (year between 2000 and 2100),
  status       text not null check (status in ('reached', 'partly_reached', 'not_reached', 'ongoing')),
  done         text not null check (length(trim(done)) between 1 and 4000),
  value        numeric,
  -- computed: Frid counted the value for the year when the follow-up was recorded (computed_at)
  computed     boolean not null default false,
  computed_at  timestamptz,
  recorded_by  uuid not null references app_user (id),
  recorded_at  timestamptz not null default now(),
  constraint action_plan_follow_up_computed check (computed = (computed_at is not null)),
  constraint action_plan_follow_up_once unique (goal_id, year)
);

-- Keeps the plan: a unit manager of any unit or an administrator of the organisation.
create function frid_keeps_action_plan() returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('unit_manager', 'administrator'))
$$;
-- Reads the plan: those who keep it, and analysts.
create function frid_reads_action_plan() returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('unit_manager', 'administrator', 'analyst'))
$$;

do $$
declare t text;
begin
  foreach t in array array['action_plan', 'action_plan_area', 'action_plan_goal',
                           'action_plan_activity', 'action_plan_follow_up']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('grant select, insert, update, delete on %I to frid_app', t);
    execute format('create policy %I on %I for select to frid_app
                      using (org_id = frid_org() and frid_reads_action_plan())', t || '_select', t);
    execute format('create policy %I on %I for insert to frid_app
                      with check (org_id = frid_org() and frid_keeps_action_plan())', t || '_insert', t);
    execute format('create policy %I on %I for update to frid_app
                      using (org_id = frid_org() and frid_keeps_action_plan())
                      with check (org_id = frid_org() and frid_keeps_action_plan())', t || '_update', t);
    execute format('create policy %I on %I for delete to frid_app
                      using (org_id = frid_org() and frid_keeps_action_plan())', t || '_delete', t);
  end loop;
end
$$;
-- An activity's owner sees her own activities on Att göra without reading the plan.
create policy action_plan_activity_owner on action_plan_activity for select to frid_app
  using (org_id = frid_org() and owner_id = frid_actor());

-- The computed indicators (action-plan/indicators.ts) counted as frid_report where no grant
-- existed: rows count when their case is in a unit the actor reports on (0042's rule); the
-- organisation's own records (agreements' follow-ups) when the actor reports on any unit, as
-- 0062 lets the competence register be counted. Policy names end in _plan_report so another
-- migration's *_report policy on the same table cannot collide with them.
grant select (id, case_id, org_id, to_status, changed_at) on case_status_change to frid_report;
grant select (id, case_id, org_id, kind, other_person_id) on relation to frid_report;
grant select (id, case_id, org_id, completed_at) on assessment to frid_report;
grant select (id, org_id, unit_id, occurred_at) on consultation to frid_report;
grant select (id, org_id, agreement_id, followed_up_on) on agreement_follow_up to frid_report;
create policy case_status_change_plan_report on case_status_change for select to frid_report
  using ((select c.org_id from "case" c where c.id = case_status_change.case_id) = frid_org());
create policy relation_plan_report on relation for select to frid_report
  using ((select c.org_id from "case" c where c.id = relation.case_id) = frid_org());
create policy assessment_plan_report on assessment for select to frid_report
  using ((select c.org_id from "case" c where c.id = assessment.case_id) = frid_org());
create policy consultation_plan_report on consultation for select to frid_report
  using (unit_id = any ((select frid_reported_units())::uuid[]));
create policy agreement_follow_up_plan_report on agreement_follow_up for select to frid_report
  using (org_id = frid_org() and (select cardinality(frid_reported_units())) > 0);
-- The accompanying children's birth dates (minors in the year), and only of persons who are a
-- child in a relation of a case the actor reports on (relation_plan_report above).
grant select (id, birth_date) on person to frid_report;
create policy person_plan_report on person for select to frid_report
  using (exists (select 1 from relation r where r.other_person_id = person.id and r.kind = 'child'));

-- The yearly report reads the plan's year as frid_report (action-plan/follow-up.ts): the plan,
-- its areas and goals and the follow-ups, never who recorded them nor the activities' owners.
grant select (id, org_id, title, adopted_by, adopted_on, from_year, to_year) on action_plan to frid_report;
grant select (id, org_id, plan_id, kind, title, position) on action_plan_area to frid_report;
grant select (id, org_id, plan_id, area_id, title, indicator_name, indicator_unit, target_value,
              indicator_code, created_at) on action_plan_goal to frid_report;
grant select (id, org_id, plan_id, goal_id, year, status, done, value, computed, computed_at)
  on action_plan_follow_up to frid_report;
do $$
declare t text;
begin
  foreach t in array array['action_plan', 'action_plan_area', 'action_plan_goal', 'action_plan_follow_up']
  loop
    execute format('create policy %I on %I for select to frid_report
                      using (org_id = frid_org() and (select cardinality(frid_reported_units())) > 0)',
                   t || '_report', t);
  end loop;
end
$$;
