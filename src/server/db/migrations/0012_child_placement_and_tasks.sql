-- Frid 0012: a child's own sheltered-housing decision (consent records, or the lag (2024:79)
-- court track with its clocks and six-monthly reviews), and tasks that rules put on a case.

-- Consent is a record of its own (roadmap: who, scope, form, date, expiry, revoked), never a
-- boolean. Today's scope: a custodian's consent to a child's placement in sheltered housing.
create table consent (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references organisation (id),
  case_id          uuid not null references "case" (id),
  decision_id      uuid references decision (id),
  scope            text not null check (scope in ('child_sheltered_housing')),
  given_by_name    text not null check (length(trim(given_by_name)) > 0),
  form             text not null check (form in ('written', 'oral')),
  given_on         date not null,
  expires_on       date,
  revoked_on       date,
  revoked_reason   text,
  recorded_by      uuid not null references app_user (id),
  recorded_at      timestamptz not null default now(),
  check (revoked_on is null or length(trim(revoked_reason)) > 0)
);
create index consent_case_idx on consent (case_id);

create table child_placement (
  decision_id        uuid primary key references decision (id),
  org_id             uuid not null references organisation (id),
  case_id            uuid not null references "case" (id),
  basis              text not null check (basis in ('custodians_consent', 'court_2024_79')),
  sole_custody       boolean not null default false,
  immediate          boolean not null default false,
  location_withheld  boolean not null default false,
  court_submitted_on date,
  court_ruled_on     date,
  court_outcome      text check (court_outcome in ('approved', 'rejected')),
  ended_on           date,
  check (basis = 'court_2024_79' or not immediate),
  check (basis = 'court_2024_79' or (court_submitted_on is null and court_ruled_on is null)),
  check ((court_ruled_on is null) = (court_outcome is null)),
  check (court_ruled_on is null or (court_submitted_on is not null and court_ruled_on >= court_submitted_on))
);
create index child_placement_case_idx on child_placement (case_id);

create table placement_review (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisation (id),
  decision_id   uuid not null references child_placement (decision_id),
  case_id       uuid not null references "case" (id),
  reviewed_on   date not null,
  continues     boolean not null,
  notes         text not null check (length(trim(notes)) > 0),
  recorded_by   uuid not null references app_user (id),
  recorded_at   timestamptz not null default now()
);
create index placement_review_idx on placement_review (decision_id, reviewed_on);

create table case_task (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisation (id),
  case_id     uuid not null references "case" (id),
  kind        text not null check (kind in ('assess_children_witnessed_violence')),
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now(),
  done_at     timestamptz,
  done_by     uuid references app_user (id),
  done_note   text,
  check ((done_at is null) = (done_by is null)),
  check (done_at is null or length(trim(done_note)) > 0)
);
-- A rule creates its task once per case.
create unique index case_task_kind_idx on case_task (case_id, kind);

alter table consent enable row level security;
alter table child_placement enable row level security;
alter table placement_review enable row level security;
alter table case_task enable row level security;
create policy consent_select on consent for select to frid_app using (frid_can_see_case(case_id));
create policy consent_insert on consent for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
create policy child_placement_select on child_placement for select to frid_app using (frid_can_see_case(case_id));
create policy child_placement_insert on child_placement for insert to frid_app
  with check (org_id = frid_org() and frid_can_see_case(case_id));
create policy child_placement_update on child_placement for update to frid_app
  using (frid_can_see_case(case_id)) with check (frid_can_see_case(case_id));
create policy placement_review_select on placement_review for select to frid_app using (frid_can_see_case(case_id));
create policy placement_review_insert on placement_review for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
create policy case_task_select on case_task for select to frid_app using (frid_can_see_case(case_id));
create policy case_task_insert on case_task for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(case_id));
create policy case_task_update on case_task for update to frid_app
  using (frid_can_see_case(case_id)) with check (done_by = frid_actor());
grant select, insert on consent to frid_app;
grant select, insert, update on child_placement to frid_app;
grant select, insert on placement_review to frid_app;
grant select, insert, update on case_task to frid_app;
