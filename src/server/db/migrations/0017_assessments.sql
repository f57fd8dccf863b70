-- Frid 0017: risk assessments. An instrument version is stored the first time it is used, so
-- an old assessment always renders with the definition it was made with. Completed
-- assessments are final: a trigger refuses changes; a new assessment supersedes.

create table instrument_version (
  org_id         uuid not null references organisation (id),
  instrument_id  text not null,
  version        integer not null check (version >= 1),
  definition     jsonb not null,
  stored_at      timestamptz not null default now(),
  primary key (org_id, instrument_id, version)
);

create table assessment (
  id                  uuid primary key,
  org_id              uuid not null references organisation (id),
  case_id             uuid not null references "case" (id),
  instrument_id       text not null,
  instrument_version  integer not null,
  answers             jsonb not null default '{}',
  assessed_on         date not null,
  client_present      boolean,
  interpreter_used    boolean,
  result              jsonb,
  judgements          jsonb,
  reasons             text,
  created_by          uuid not null references app_user (id),
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  completed_at        timestamptz,
  completed_by        uuid references app_user (id),
  foreign key (org_id, instrument_id, instrument_version)
    references instrument_version (org_id, instrument_id, version),
  check ((completed_at is null) = (completed_by is null)),
  check (completed_at is null or (result is not null and judgements is not null))
);
create index assessment_case_idx on assessment (case_id, created_at);

create function frid_assessment_final() returns trigger language plpgsql as $$
begin
  if old.completed_at is not null then
    raise exception 'a completed assessment never changes' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger assessment_final before update or delete on assessment
  for each row execute function frid_assessment_final();

alter table instrument_version enable row level security;
alter table assessment enable row level security;
create policy instrument_version_select on instrument_version for select to frid_app
  using (org_id = frid_org());
create policy instrument_version_insert on instrument_version for insert to frid_app
  with check (org_id = frid_org());
create policy assessment_select on assessment for select to frid_app using (frid_can_see_case(case_id));
create policy assessment_insert on assessment for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(case_id));
create policy assessment_update on assessment for update to frid_app
  using (frid_can_see_case(case_id) and completed_at is null)
  with check (frid_can_see_case(case_id));
grant select, insert on instrument_version to frid_app;
grant select, insert on assessment to frid_app;
grant update (answers, assessed_on, client_present, interpreter_used, result, judgements, reasons,
  updated_at, completed_at, completed_by) on assessment to frid_app;
