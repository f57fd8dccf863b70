-- Frid 0009: the investigation's structured sections (HSLF-FS 2022:39; seeds 000 slides 34–57).
-- One investigation per case; free text per section, a summary and an assessment, and the
-- date it was completed.

create table investigation (
  case_id       uuid primary key references "case" (id),
  org_id        uuid not null references organisation (id),
  sections      jsonb not null default '{}',
  -- adults: did the children in the household witness violence? (null: not yet known)
  children_witnessed_violence boolean,
  summary       text not null default '',
  assessment    text not null default '',
  completed_at  timestamptz,
  completed_by  uuid references app_user (id),
  updated_at    timestamptz not null default now(),
  updated_by    uuid not null references app_user (id)
);

alter table investigation enable row level security;
create policy investigation_select on investigation for select to frid_app using (frid_can_see_case(case_id));
create policy investigation_insert on investigation for insert to frid_app
  with check (org_id = frid_org() and updated_by = frid_actor() and frid_can_see_case(case_id));
create policy investigation_update on investigation for update to frid_app
  using (frid_can_see_case(case_id)) with check (updated_by = frid_actor());
grant select, insert, update on investigation to frid_app;
