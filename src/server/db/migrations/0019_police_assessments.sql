-- Frid 0019: the police's risk assessment, obtained with the client's consent, recorded
-- beside Frid's own. Records are final (no update grant).
create table police_assessment (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid not null references organisation (id),
  case_id            uuid not null references "case" (id),
  assessed_on        date not null,
  level              text not null check (length(trim(level)) > 0),
  summary            text not null default '',
  consent_given_on   date not null,
  consent_form       text not null check (consent_form in ('written', 'oral')),
  consent_reference  text not null check (length(trim(consent_reference)) > 0),
  recorded_by        uuid not null references app_user (id),
  recorded_at        timestamptz not null default now()
);
create index police_assessment_case_idx on police_assessment (case_id, assessed_on);

alter table police_assessment enable row level security;
create policy police_assessment_select on police_assessment for select to frid_app
  using (frid_can_see_case(case_id));
create policy police_assessment_insert on police_assessment for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on police_assessment to frid_app;
