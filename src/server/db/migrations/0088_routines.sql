-- Frid 0088 (issue 20, item 2): the organisation's written routines, so Frid answers
-- Socialstyrelsen's Öppna jämförelser questions itself and warns before a routine goes stale.
--
-- Routines are the organisation's own documents, no client's data: everyone with a role in
-- the organisation reads the register and downloads the documents; the directory's keepers
-- (unit managers and administrators, frid_keeps_directory from 0064) keep it. A routine is
-- never changed into another: a new version is a new row that supersedes the old one, so
-- the history (and what was current on a past date) stays.

-- The areas as Öppna jämförelser names them: a catalogue as data, the same for everyone.
create table routine_area (
  code        text primary key check (code ~ '^[a-z_]{1,60}$'),
  sort_order  integer not null unique,
  name        text not null check (length(trim(name)) between 1 and 200),
  question    text not null check (length(trim(question)) between 1 and 400)
);
insert into routine_area (code, sort_order, name, question) values
  ('detect_violence_children', 1, 'Att upptäcka våld – barn och unga',
   'Finns aktuell ledningsprövad rutin för att upptäcka våld inom individ- och familjeomsorgens arbete med barn och unga?'),
  ('detect_violence_adults', 2, 'Att upptäcka våld – vuxna',
   'Finns aktuell ledningsprövad rutin för att upptäcka våld inom individ- och familjeomsorgens arbete med vuxna?'),
  ('detect_violence_substance_abuse', 3, 'Att upptäcka våld – missbruk',
   'Finns aktuell ledningsprövad rutin för att upptäcka våld inom missbruks- och beroendevården?'),
  ('detect_violence_financial_aid', 4, 'Att upptäcka våld – ekonomiskt bistånd',
   'Finns aktuell ledningsprövad rutin för att upptäcka våld inom ekonomiskt bistånd?'),
  ('detect_violence_elderly_care', 5, 'Att upptäcka våld – äldreomsorg',
   'Finns aktuell ledningsprövad rutin för att upptäcka våld inom äldreomsorgen?'),
  ('detect_violence_disability', 6, 'Att upptäcka våld – funktionsnedsättning',
   'Finns aktuell ledningsprövad rutin för att upptäcka våld inom verksamhet för personer med funktionsnedsättning?'),
  ('children_schooling_sheltered_housing', 7, 'Barns skolgång vid skyddat boende',
   'Finns aktuell ledningsprövad rutin för barns skolgång när barnet vistas i skyddat boende?'),
  ('protected_personal_data', 8, 'Skyddade personuppgifter',
   'Finns aktuell ledningsprövad rutin för handläggning av ärenden med skyddade personuppgifter?'),
  ('competence_plan', 9, 'Kompetensutvecklingsplan',
   'Finns en aktuell ledningsprövad kompetensutvecklingsplan för arbetet mot våld i nära relationer?'),
  ('support_talks_perpetrators', 10, 'Stödsamtal till våldsutövare',
   'Finns aktuell ledningsprövad rutin för att erbjuda stödsamtal till personer som utövar våld?'),
  ('agreements_followed_up', 11, 'Överenskommelser följda inom 24 månader',
   'Finns aktuell ledningsprövad rutin för samverkansöverenskommelser, och har de följts upp inom 24 månader?'),
  ('group_level_follow_up', 12, 'Uppföljning av resultat på gruppnivå',
   'Finns aktuell ledningsprövad rutin för att följa upp resultat på gruppnivå?');

-- Who approves routines: a body or a role ("Socialnämnden", "Socialchef"). Öppna jämförelser
-- counts a routine only when management approved it, so each approver is marked.
create table routine_approver (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  name        text not null check (length(trim(name)) between 1 and 120),
  management  boolean not null,
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now(),
  unique (org_id, name)
);

create table routine (
  id              uuid primary key,
  org_id          uuid not null references organisation (id),
  area            text not null references routine_area (code),
  title           text not null check (length(trim(title)) between 1 and 200),
  approver_id     uuid not null references routine_approver (id),
  approved_on     date not null,
  review_on       date not null,
  owner_id        uuid not null references app_user (id),
  -- The routine this one replaces; at most one new version per routine.
  supersedes_id   uuid unique references routine (id),
  version         integer not null default 1,
  created_by      uuid not null references app_user (id),
  created_at      timestamptz not null default now(),
  check (review_on > approved_on),
  check (supersedes_id is null or supersedes_id <> id)
);
create index routine_org_area_idx on routine (org_id, area);
create index routine_owner_idx on routine (owner_id);

-- The routine's document (PDF, DOCX or ODT, checked by its first bytes): not personal data,
-- so the bytes stay in the database, in a table of their own so lists never load them.
create table routine_document (
  routine_id   uuid primary key references routine (id),
  org_id       uuid not null references organisation (id),
  filename     text not null check (length(trim(filename)) between 1 and 200),
  media_type   text not null check (media_type in (
                 'application/pdf',
                 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                 'application/vnd.oasis.opendocument.text')),
  size_bytes   integer not null check (size_bytes > 0),
  sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content      bytea not null,
  uploaded_by  uuid not null references app_user (id),
  uploaded_at  timestamptz not null default now()
);

-- Has a role in the organisation: reads the register (routines are not secret).
create function frid_in_org() returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org())
$$;
grant execute on function frid_in_org() to frid_app;

alter table routine_approver enable row level security;
alter table routine enable row level security;
alter table routine_document enable row level security;

create policy routine_approver_select on routine_approver for select to frid_app
  using (org_id = frid_org() and frid_in_org());
create policy routine_approver_insert on routine_approver for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_keeps_directory());

create policy routine_select on routine for select to frid_app
  using (org_id = frid_org() and frid_in_org());
create policy routine_insert on routine for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_keeps_directory());
create policy routine_update on routine for update to frid_app
  using (org_id = frid_org() and frid_keeps_directory())
  with check (org_id = frid_org() and frid_keeps_directory());

create policy routine_document_select on routine_document for select to frid_app
  using (org_id = frid_org() and frid_in_org());
create policy routine_document_insert on routine_document for insert to frid_app
  with check (org_id = frid_org() and uploaded_by = frid_actor() and frid_keeps_directory());
create policy routine_document_update on routine_document for update to frid_app
  using (org_id = frid_org() and frid_keeps_directory())
  with check (org_id = frid_org() and uploaded_by = frid_actor() and frid_keeps_directory());

grant select on routine_area to frid_app;
grant select, insert on routine_approver to frid_app;
grant select, insert, update on routine, routine_document to frid_app;
