-- Frid 0018: safety plans. Every save is a new version; versions are never changed or
-- removed (no update or delete grant), so the plan's history is the table.
create table safety_plan_version (
  id        uuid primary key default gen_random_uuid(),
  org_id    uuid not null references organisation (id),
  case_id   uuid not null references "case" (id),
  version   integer not null check (version >= 1),
  measures  jsonb not null,
  saved_by  uuid not null references app_user (id),
  saved_at  timestamptz not null default now(),
  unique (case_id, version)
);

alter table safety_plan_version enable row level security;
create policy safety_plan_version_select on safety_plan_version for select to frid_app
  using (frid_can_see_case(case_id));
create policy safety_plan_version_insert on safety_plan_version for insert to frid_app
  with check (org_id = frid_org() and saved_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on safety_plan_version to frid_app;
