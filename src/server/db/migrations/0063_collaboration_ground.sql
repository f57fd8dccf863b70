-- Frid 0063: the shared ground of collaboration (issue 18). What every part of it stands on:
-- the agency directory's rows, the consent registry (the consent table of 0012 generalised to
-- sharing information), the catalogue of secrecy-breaking rules, the disclosure record (every
-- time information leaves social services) and the police-reported incidents that a risk
-- conference's escalation counts. The parts add their own tables and write policies later
-- (0064 onwards); here only what several of them read.

-- The directory of collaborating agencies. Not personal data of clients: professionals' work
-- contacts, seen by everyone who does case work in the organisation. Each agency has an owner
-- who keeps it current (a contact not confirmed in 12 months is flagged to them).
create table agency (
  id            uuid primary key,
  org_id        uuid not null references organisation (id),
  kind          text not null check (kind in (
                  'police', 'health_centre', 'psychiatry', 'hospital', 'region', 'school',
                  'preschool', 'barnahus', 'tax_agency', 'migration_agency', 'prison_probation',
                  'social_insurance', 'voluntary_shelter', 'municipality', 'court', 'other')),
  name          text not null check (length(trim(name)) between 1 and 200),
  municipality  text check (municipality is null or length(trim(municipality)) between 1 and 100),
  owner_id      uuid not null references app_user (id),
  notes         text not null default '' check (length(notes) <= 2000),
  version       integer not null default 1,
  archived_at   timestamptz,
  created_by    uuid not null references app_user (id),
  created_at    timestamptz not null default now(),
  unique (org_id, name)
);
create index agency_owner_idx on agency (owner_id) where archived_at is null;

-- An agency's own units: a police area's victim-support group, a health centre, a school.
create table agency_unit (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  agency_id   uuid not null references agency (id),
  name        text not null check (length(trim(name)) between 1 and 200),
  archived_at timestamptz,
  created_at  timestamptz not null default now(),
  unique (agency_id, name)
);
create index agency_unit_agency_idx on agency_unit (agency_id);

create table agency_contact (
  id              uuid primary key,
  org_id          uuid not null references organisation (id),
  agency_id       uuid not null references agency (id),
  agency_unit_id  uuid references agency_unit (id),
  name            text not null check (length(trim(name)) between 1 and 200),
  role            text not null check (length(trim(role)) between 1 and 200),
  phone           text check (phone is null or length(trim(phone)) between 1 and 40),
  email           text check (email is null or length(trim(email)) between 3 and 254),
  confirmed_on    date not null,
  confirmed_by    uuid not null references app_user (id),
  archived_at     timestamptz,
  created_at      timestamptz not null default now()
);
create index agency_contact_agency_idx on agency_contact (agency_id);

alter table agency enable row level security;
alter table agency_unit enable row level security;
alter table agency_contact enable row level security;
create policy agency_select on agency for select to frid_app
  using (org_id = frid_org() and frid_does_case_work());
create policy agency_unit_select on agency_unit for select to frid_app
  using (org_id = frid_org() and frid_does_case_work());
create policy agency_contact_select on agency_contact for select to frid_app
  using (org_id = frid_org() and frid_does_case_work());
grant select on agency, agency_unit, agency_contact to frid_app;

-- The consent registry. A consent to share is a record of its own: whose information (the
-- person), what information, shared with which agency (or a named recipient outside the
-- directory), for what purpose, from when (given_on), until when (expires_on), revoked when.
-- Who gave it is one row per giver in consent_giver: the person, or each custodian of a child
-- (custodians_required of them), each written (with the signed document) or oral (with who
-- heard it). The placement and partner-contact consents of 0012 / 0020 keep their own shape.
alter table consent alter column given_by_name drop not null;
alter table consent alter column form drop not null;
alter table consent
  add column person_id             uuid references person (id),
  add column information           text,
  add column recipient_agency_id   uuid references agency (id),
  add column recipient_name        text,
  add column purpose               text,
  add column custodians_required   integer;
alter table consent drop constraint consent_scope_check;
alter table consent add constraint consent_scope_check check (
  (scope = 'child_sheltered_housing' and decision_id is not null and partner_id is null) or
  (scope = 'partner_contact' and decision_id is null and partner_id is not null) or
  (scope = 'sharing' and decision_id is null and partner_id is null));
alter table consent add constraint consent_giver_shape check (
  scope = 'sharing' or (given_by_name is not null and form is not null));
alter table consent add constraint consent_sharing_shape check (
  scope <> 'sharing' or (
    person_id is not null
    and length(trim(information)) between 1 and 2000
    and length(trim(purpose)) between 1 and 2000
    and (recipient_agency_id is not null or length(trim(recipient_name)) between 1 and 200)
    and (custodians_required is null or custodians_required in (1, 2))));
alter table consent add constraint consent_expiry_after_start check (
  expires_on is null or expires_on >= given_on);
create index consent_person_idx on consent (person_id) where person_id is not null;

-- A written consent's signed form is a document of the case.
alter table document drop constraint document_kind_check;
alter table document add constraint document_kind_check
  check (kind in ('partner_contact_consent', 'sharing_consent', 'disclosure'));

create table consent_giver (
  id           uuid primary key,
  org_id       uuid not null references organisation (id),
  consent_id   uuid not null references consent (id),
  case_id      uuid not null references "case" (id),
  kind         text not null check (kind in ('self', 'custodian')),
  name         text not null check (length(trim(name)) between 1 and 200),
  form         text not null check (form in ('written', 'oral')),
  document_id  uuid references document (id),
  heard_by     uuid references app_user (id),
  given_on     date not null,
  recorded_by  uuid not null references app_user (id),
  recorded_at  timestamptz not null default now(),
  check ((form = 'written') = (document_id is not null)),
  check ((form = 'oral') = (heard_by is not null))
);
create index consent_giver_consent_idx on consent_giver (consent_id);

alter table consent_giver enable row level security;
create policy consent_giver_select on consent_giver for select to frid_app
  using (frid_can_see_case(case_id));
create policy consent_giver_insert on consent_giver for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on consent_giver to frid_app;

-- The rules that break secrecy, as data with their legal reference (offentlighets- och
-- sekretesslagen 2009:400). A disclosure on a rule names one of these.
create table secrecy_rule (
  code        text primary key,
  name_sv     text not null,
  legal_ref   text not null,
  sort_order  integer not null
);
insert into secrecy_rule (code, name_sv, legal_ref, sort_order) values
  ('necessary_for_task', 'Nödvändigt för att fullgöra socialtjänstens egen verksamhet',
   'OSL (2009:400) 10 kap. 2 §', 1),
  ('prevent_violence_close_relative', 'För att förhindra allvarligt våld mot en närstående (till polisen)',
   'OSL (2009:400) 10 kap. 18 c §', 2),
  ('crime_against_child', 'Misstanke om brott mot barn (3, 4 eller 6 kap. brottsbalken, könsstympning)',
   'OSL (2009:400) 10 kap. 21 §', 3),
  ('serious_crime', 'Misstanke om brott med minst ett års fängelse i straffskalan',
   'OSL (2009:400) 10 kap. 23 §', 4),
  ('duty_to_provide', 'Uppgiftsskyldighet enligt lag eller förordning',
   'OSL (2009:400) 10 kap. 28 §', 5);
grant select on secrecy_rule to frid_app;

-- A disclosure: information about a person leaving social services. What, to whom, how, on
-- which ground (a consent; a secrecy-breaking rule; a court's request), the secrecy review
-- (who assessed it, when, with what conclusion), and the document sent, kept as a document of
-- the case. `context` says which piece of collaboration it was made for (a referral, a SIP, a
-- risk conference), so each can show only what was disclosed for it.
create table disclosure (
  id                     uuid primary key,
  org_id                 uuid not null references organisation (id),
  case_id                uuid not null references "case" (id),
  person_id              uuid not null references person (id),
  information            text not null check (length(trim(information)) between 1 and 4000),
  recipient_agency_id    uuid references agency (id),
  recipient_unit_id      uuid references agency_unit (id),
  recipient_name         text check (recipient_name is null or length(trim(recipient_name)) between 1 and 200),
  channel                text not null check (channel in
                           ('letter', 'secure_email', 'secure_digital', 'phone', 'meeting', 'handed_over')),
  ground                 text not null check (ground in ('consent', 'secrecy_rule', 'court_request')),
  consent_id             uuid references consent (id),
  secrecy_rule           text references secrecy_rule (code),
  court_reference        text check (court_reference is null or length(trim(court_reference)) between 1 and 200),
  reviewed_by            uuid not null references app_user (id),
  reviewed_at            timestamptz not null,
  review_conclusion      text not null check (length(trim(review_conclusion)) between 1 and 2000),
  disclosed_on           date not null,
  document_id            uuid references document (id),
  context_kind           text not null default 'direct' check (context_kind in
                           ('direct', 'referral', 'coordinated_plan', 'risk_conference')),
  context_id             uuid,
  recorded_by            uuid not null references app_user (id),
  recorded_at            timestamptz not null default now(),
  check (recipient_agency_id is not null or recipient_name is not null),
  check (recipient_unit_id is null or recipient_agency_id is not null),
  check ((ground = 'consent') = (consent_id is not null)),
  check ((ground = 'secrecy_rule') = (secrecy_rule is not null)),
  check ((ground = 'court_request') = (court_reference is not null)),
  check ((context_kind = 'direct') = (context_id is null))
);
create index disclosure_case_idx on disclosure (case_id, disclosed_on);
create index disclosure_person_idx on disclosure (person_id, disclosed_on);
create index disclosure_context_idx on disclosure (context_id) where context_id is not null;
create index disclosure_consent_idx on disclosure (consent_id) where consent_id is not null;

-- A disclosure is a fact once made: it is never changed or removed.
alter table disclosure enable row level security;
create policy disclosure_select on disclosure for select to frid_app
  using (frid_can_see_case(case_id));
create policy disclosure_insert on disclosure for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on disclosure to frid_app;

-- Incidents reported to the police, recorded in the case as the worker learns of them: the
-- risk conference's escalation criterion counts them (commonly three in 12 months).
create table police_incident (
  id                uuid primary key,
  org_id            uuid not null references organisation (id),
  case_id           uuid not null references "case" (id),
  occurred_on       date not null,
  reported_on       date,
  police_reference  text check (police_reference is null or length(trim(police_reference)) between 1 and 100),
  crime_category    text not null check (crime_category in (
                      'assault', 'gross_violation_of_integrity', 'unlawful_threat', 'molestation',
                      'stalking', 'sexual_crime', 'violation_of_restraining_order', 'damage',
                      'honour_oppression', 'other')),
  description       text not null default '' check (length(description) <= 2000),
  recorded_by       uuid not null references app_user (id),
  recorded_at       timestamptz not null default now(),
  check (reported_on is null or reported_on >= occurred_on)
);
create index police_incident_case_idx on police_incident (case_id, occurred_on);

alter table police_incident enable row level security;
create policy police_incident_select on police_incident for select to frid_app
  using (frid_can_see_case(case_id));
create policy police_incident_insert on police_incident for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on police_incident to frid_app;
