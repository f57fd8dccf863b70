-- Frid 0004: the case's status flow (intake → (child: preliminary assessment) →
-- investigation → implementation → follow-up → closed, and reopening), with its history.

alter table "case" drop constraint case_status_check;
update "case" set status = 'intake' where status = 'open';
alter table "case" alter column status set default 'intake';
alter table "case" add constraint case_status_check check (status in
  ('intake', 'preliminary_assessment', 'investigation', 'implementation', 'follow_up', 'closed'));
alter table "case"
  add column status_changed_at timestamptz not null default now(),
  add column closed_reason text check (closed_reason in
    ('goal_reached', 'no_investigation_opened', 'needs_met_elsewhere', 'client_declined', 'moved', 'other')),
  add constraint case_closed_has_reason check ((status = 'closed') = (closed_reason is not null));

-- Every change of status, with who, when and why: the case's history is a fact, not a guess.
create table case_status_change (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisation (id),
  case_id      uuid not null references "case" (id),
  from_status  text not null,
  to_status    text not null,
  reason_code  text,
  comment      text,
  changed_by   uuid not null references app_user (id),
  changed_at   timestamptz not null default now()
);
create index case_status_change_case_idx on case_status_change (case_id, changed_at);

alter table case_status_change enable row level security;
create policy case_status_change_select on case_status_change for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_status_change_insert on case_status_change for insert to frid_app
  with check (org_id = frid_org() and changed_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on case_status_change to frid_app;
