-- Frid 0007: the children's track. For each report of concern, the same-day protection
-- assessment; for the case, the preliminary assessment's decision (open an investigation or
-- not, with reasoning) and decided extensions of a child's investigation.

create table protection_assessment (
  id                          uuid primary key default gen_random_uuid(),
  org_id                      uuid not null references organisation (id),
  case_id                     uuid not null references "case" (id),
  intake_id                   uuid not null unique references intake (id),
  needs_immediate_protection  boolean not null,
  reasoning                   text not null check (length(trim(reasoning)) > 0),
  assessed_by                 uuid not null references app_user (id),
  assessed_at                 timestamptz not null default now()
);

create table preliminary_decision (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisation (id),
  -- a reopened case may go through another preliminary assessment: the latest decides
  case_id      uuid not null references "case" (id),
  open_investigation boolean not null,
  reasoning    text not null check (length(trim(reasoning)) > 0),
  decided_by   uuid not null references app_user (id),
  decided_at   timestamptz not null default now()
);

create table investigation_extension (
  id              uuid primary key default gen_random_uuid(),
  org_id          uuid not null references organisation (id),
  case_id         uuid not null references "case" (id),
  extended_until  date not null,
  reason          text not null check (length(trim(reason)) > 0),
  decided_by      uuid not null references app_user (id),
  decided_at      timestamptz not null default now()
);
create index preliminary_decision_case_idx on preliminary_decision (case_id, decided_at);
create index investigation_extension_case_idx on investigation_extension (case_id);

alter table protection_assessment enable row level security;
alter table preliminary_decision enable row level security;
alter table investigation_extension enable row level security;
create policy protection_assessment_select on protection_assessment for select to frid_app using (frid_can_see_case(case_id));
create policy protection_assessment_insert on protection_assessment for insert to frid_app
  with check (org_id = frid_org() and assessed_by = frid_actor() and frid_can_see_case(case_id));
create policy preliminary_decision_select on preliminary_decision for select to frid_app using (frid_can_see_case(case_id));
create policy preliminary_decision_insert on preliminary_decision for insert to frid_app
  with check (org_id = frid_org() and decided_by = frid_actor() and frid_can_see_case(case_id));
create policy investigation_extension_select on investigation_extension for select to frid_app using (frid_can_see_case(case_id));
create policy investigation_extension_insert on investigation_extension for insert to frid_app
  with check (org_id = frid_org() and decided_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on protection_assessment, preliminary_decision, investigation_extension to frid_app;
