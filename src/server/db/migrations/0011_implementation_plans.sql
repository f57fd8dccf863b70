-- Frid 0011: implementation plans (genomförandeplan, SoL 2025:400 9 kap. 12 § (verify)) per
-- granted intervention, and their follow-ups (uppföljning), whose dates drive the work list.

create table implementation_plan (
  id               uuid primary key,
  org_id           uuid not null references organisation (id),
  case_id          uuid not null references "case" (id),
  decision_id      uuid not null unique references decision (id),
  goals            text not null check (length(trim(goals)) > 0),
  activities       text not null check (length(trim(activities)) > 0), -- what is done, by whom
  start_date       date not null,
  follow_up_date   date not null,
  updated_by       uuid not null references app_user (id),
  updated_at       timestamptz not null default now(),
  check (follow_up_date >= start_date)
);
create index implementation_plan_case_idx on implementation_plan (case_id);

create table follow_up (
  id                   uuid primary key default gen_random_uuid(),
  org_id               uuid not null references organisation (id),
  plan_id              uuid not null references implementation_plan (id),
  case_id              uuid not null references "case" (id),
  outcome              text not null check (outcome in ('goal_reached', 'partly_reached', 'not_reached')),
  notes                text not null check (length(trim(notes)) > 0),
  next_follow_up_date  date,
  recorded_by          uuid not null references app_user (id),
  recorded_at          timestamptz not null default now()
);
create index follow_up_plan_idx on follow_up (plan_id, recorded_at);

alter table implementation_plan enable row level security;
alter table follow_up enable row level security;
create policy implementation_plan_select on implementation_plan for select to frid_app using (frid_can_see_case(case_id));
create policy implementation_plan_insert on implementation_plan for insert to frid_app
  with check (org_id = frid_org() and updated_by = frid_actor() and frid_can_see_case(case_id));
create policy implementation_plan_update on implementation_plan for update to frid_app
  using (frid_can_see_case(case_id)) with check (updated_by = frid_actor());
create policy follow_up_select on follow_up for select to frid_app using (frid_can_see_case(case_id));
create policy follow_up_insert on follow_up for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert, update on implementation_plan to frid_app;
grant select, insert on follow_up to frid_app;
