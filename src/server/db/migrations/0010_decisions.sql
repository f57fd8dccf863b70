-- Frid 0010: decisions on interventions. The catalogue of interventions is data, with the
-- legal basis in SoL (2025:400) and the old SoL (2001:453) reference for older records
-- (domain.md; references marked "verify" there are to be confirmed by the organisation).

create table intervention_kind (
  code        text primary key,
  name_sv     text not null,
  legal_ref   text not null,   -- SoL (2025:400)
  old_ref     text not null,   -- SoL (2001:453), for older records
  sort_order  integer not null
);
insert into intervention_kind (code, name_sv, legal_ref, old_ref, sort_order) values
  ('sheltered_housing',   'Skyddat boende',                          'SoL (2025:400) 9 kap. 6 §',  'SoL (2001:453) 6 kap.',   1),
  ('emergency_flat',      'Akutlägenhet',                            'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 2),
  ('financial_aid',       'Ekonomiskt bistånd',                      'SoL (2025:400) 12 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 3),
  ('support_talks',       'Stödsamtal',                              'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 4),
  ('trauma_talks',        'Traumafokuserade samtal',                 'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 5),
  ('contact_person',      'Kontaktperson',                           'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 6),
  ('protected_data_help', 'Hjälp med skyddade personuppgifter',      'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 7),
  ('authority_support',   'Stöd i kontakter med myndigheter',        'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 8),
  ('parenting_support',   'Föräldraskapsstöd',                       'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 9),
  ('other',               'Annan insats',                            'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 10);

create table decision (
  id                 uuid primary key,
  org_id             uuid not null references organisation (id),
  case_id            uuid not null references "case" (id),
  intervention_kind  text not null references intervention_kind (code),
  outcome            text not null check (outcome in ('granted', 'partly_granted', 'denied')),
  period_from        date,
  period_to          date,
  reasoning          text not null check (length(trim(reasoning)) > 0),
  -- a denial (or partial grant) always carries how to appeal
  appeal_info        text,
  decided_by         uuid not null references app_user (id),
  decided_at         timestamptz not null default now(),
  check (outcome = 'granted' or length(trim(appeal_info)) > 0),
  check (period_to is null or period_from is null or period_to >= period_from)
);
create index decision_case_idx on decision (case_id, decided_at);

alter table decision enable row level security;
create policy decision_select on decision for select to frid_app using (frid_can_see_case(case_id));
create policy decision_insert on decision for insert to frid_app
  with check (org_id = frid_org() and decided_by = frid_actor() and frid_can_see_case(case_id));
grant select on intervention_kind to frid_app;
grant select, insert on decision to frid_app;
