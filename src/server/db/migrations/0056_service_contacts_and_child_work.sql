-- Frid 0056 (issue 17): work outside an investigated case — service contacts (serviceinsatser:
-- phone advice, counselling visits, support with an authority, group sessions) and the
-- children's crisis centre's work with a child (crisis talks, police reports, medical
-- examinations, consultations with other agencies).
--
-- Who sees what (docs/security.md, "Service contacts and children's crisis work"):
-- * A service course (one person's contacts at a unit; a single phone call is a course of one)
--   is seen by its responsible worker, by every worker who recorded one of its contacts, and
--   by the managers of its unit — need-to-know, as for a case. Nobody else, not even the
--   unit's other workers.
-- * A course names its person in one of three ways: identified (a person record), by first
--   name and birth year only (no person record), or anonymous (no person record, no name).
--   An anonymous contact never creates a person record: the check below makes it impossible.
-- * A child's crisis-centre work (child_work) belongs either to a case (seen as the case is)
--   or to a service course for the child (seen as the course is).

create table service_course (
  id            uuid primary key,
  org_id        uuid not null references organisation (id),
  unit_id       uuid not null references unit (id),
  subject_kind  text not null check (subject_kind in ('identified', 'first_name', 'anonymous')),
  person_id     uuid references person (id),
  first_name    text check (first_name is null or length(trim(first_name)) between 1 and 100),
  -- the birth year a person gives (for age in the figures); optional when anonymous
  birth_year    integer check (birth_year is null or birth_year between 1900 and 2100),
  -- for the figures (women, men, children); optional
  sex           text check (sex is null or sex in ('female', 'male', 'other')),
  -- the course is a child's (the children's crisis centre)
  is_child      boolean not null default false,
  responsible_id uuid not null references app_user (id),
  created_by    uuid not null references app_user (id),
  created_at    timestamptz not null default now(),
  closed_at     timestamptz,
  constraint service_course_subject check (
    (subject_kind = 'identified' and person_id is not null and first_name is null)
    or (subject_kind = 'first_name' and person_id is null and first_name is not null and birth_year is not null)
    or (subject_kind = 'anonymous' and person_id is null and first_name is null))
);
create index service_course_unit on service_course (unit_id, created_at desc, id desc);
create index service_course_person on service_course (person_id) where person_id is not null;
create index service_course_responsible on service_course (responsible_id, created_at desc);

create table service_contact (
  id               uuid primary key,
  org_id           uuid not null references organisation (id),
  course_id        uuid not null references service_course (id),
  kind             text not null check (kind in
                     ('phone_advice', 'counselling_visit', 'authority_support', 'group_session')),
  channel          text not null check (channel in ('phone', 'visit', 'video', 'chat', 'email', 'other')),
  occurred_at      timestamptz not null,
  duration_minutes integer not null check (duration_minutes between 1 and 1440),
  worker_id        uuid not null references app_user (id),
  -- the kinds of violence asked about / told of (codes: shared/api/service-contacts.ts)
  violence_kinds   text[] not null default '{}' check (violence_kinds <@ array[
                     'physical', 'psychological', 'sexual', 'economic', 'material', 'latent',
                     'neglect', 'honour', 'digital']::text[]),
  topic            text not null check (length(trim(topic)) between 1 and 200),
  -- what was said, as the worker writes it (carried into an intake made from the contact)
  summary          text check (summary is null or length(summary) <= 8000),
  outcome          text not null check (outcome in ('advice_given', 'referred', 'intake_made', 'none')),
  referred_to      text check (referred_to is null or length(trim(referred_to)) between 1 and 200),
  -- the intake made from this contact (one click: contact → intake → case)
  intake_id        uuid references intake (id),
  created_by       uuid not null references app_user (id),
  created_at       timestamptz not null default now(),
  constraint service_contact_intake check ((outcome = 'intake_made') = (intake_id is not null))
);
create index service_contact_course on service_contact (course_id, occurred_at desc);
create index service_contact_org_day on service_contact (org_id, occurred_at);
create index service_contact_worker on service_contact (worker_id, course_id);

-- A child's work at the children's crisis centre, in a case or as a service.
create table child_work (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  unit_id     uuid not null references unit (id),
  -- in a case: the case and the child (the case's person or a child related to it)
  case_id     uuid references "case" (id),
  person_id   uuid references person (id),
  -- as a service: the child's own service course
  course_id   uuid references service_course (id),
  opened_on   date not null,
  closed_on   date,
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now(),
  constraint child_work_anchor check (
    (case_id is not null and person_id is not null and course_id is null)
    or (case_id is null and person_id is null and course_id is not null)),
  constraint child_work_period check (closed_on is null or closed_on >= opened_on)
);
create unique index child_work_case_child on child_work (case_id, person_id) where case_id is not null;
create unique index child_work_course on child_work (course_id) where course_id is not null;
create index child_work_org_period on child_work (org_id, opened_on);

-- A series of crisis talks (e.g. following the Trappan model) and its talks.
create table crisis_talk_series (
  id            uuid primary key,
  org_id        uuid not null references organisation (id),
  child_work_id uuid not null references child_work (id),
  model         text not null check (model in ('trappan', 'other')),
  planned_talks integer check (planned_talks is null or planned_talks between 1 and 100),
  worker_id     uuid not null references app_user (id),
  started_on    date not null,
  ended_on      date,
  created_by    uuid not null references app_user (id),
  created_at    timestamptz not null default now()
);
create index crisis_talk_series_work on crisis_talk_series (child_work_id);

create table crisis_talk (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  series_id   uuid not null references crisis_talk_series (id),
  number      integer not null check (number between 1 and 100),
  held_on     date not null,
  -- the child's own words, where recorded
  child_words text check (child_words is null or length(child_words) <= 8000),
  notes       text check (notes is null or length(notes) <= 8000),
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now(),
  unique (series_id, number)
);
create index crisis_talk_org_day on crisis_talk (org_id, held_on);

create table child_police_report (
  id              uuid primary key,
  org_id          uuid not null references organisation (id),
  child_work_id   uuid not null references child_work (id),
  reported_on     date not null,
  reporter_kind   text not null check (reporter_kind in
                    ('own_unit', 'social_services', 'school', 'health_care', 'custodian', 'other')),
  -- the worker who made it, when the unit did
  reporter_user_id uuid references app_user (id),
  crime_category  text not null check (crime_category in
                    ('assault', 'gross_violation_of_integrity', 'unlawful_threat', 'sexual_crime',
                     'child_witness_crime', 'molestation', 'stalking', 'honour_oppression',
                     'forced_marriage', 'female_genital_mutilation', 'other')),
  notes           text check (notes is null or length(notes) <= 4000),
  created_by      uuid not null references app_user (id),
  created_at      timestamptz not null default now()
);
create index child_police_report_org_day on child_police_report (org_id, reported_on);
create index child_police_report_work on child_police_report (child_work_id);

create table child_medical_exam (
  id            uuid primary key,
  org_id        uuid not null references organisation (id),
  child_work_id uuid not null references child_work (id),
  examined_on   date not null,
  kind          text not null check (kind in ('forensic', 'paediatric', 'other')),
  place         text not null check (length(trim(place)) between 1 and 200),
  notes         text check (notes is null or length(notes) <= 4000),
  created_by    uuid not null references app_user (id),
  created_at    timestamptz not null default now()
);
create index child_medical_exam_org_day on child_medical_exam (org_id, examined_on);
create index child_medical_exam_work on child_medical_exam (child_work_id);

-- A consultation (samråd) with other agencies about the child: anonymised, or with consent.
create table child_consultation (
  id            uuid primary key,
  org_id        uuid not null references organisation (id),
  child_work_id uuid not null references child_work (id),
  held_on       date not null,
  agencies      text[] not null check (cardinality(agencies) between 1 and 8 and agencies <@ array[
                  'police', 'prosecutor', 'social_services', 'health_care', 'school', 'barnahus',
                  'forensic_medicine', 'other']::text[]),
  participants  text not null check (length(trim(participants)) between 1 and 1000),
  basis         text not null check (basis in ('anonymised', 'consent')),
  -- who consented and how, when the basis is consent (issue 18 links the consent registry)
  consent_note  text check (consent_note is null or length(trim(consent_note)) between 1 and 1000),
  notes         text check (notes is null or length(notes) <= 4000),
  created_by    uuid not null references app_user (id),
  created_at    timestamptz not null default now(),
  constraint child_consultation_consent check ((basis = 'consent') = (consent_note is not null))
);
create index child_consultation_org_day on child_consultation (org_id, held_on);
create index child_consultation_work on child_consultation (child_work_id);

-- The course is the actor's to see: responsible, a worker of one of its contacts, or a manager
-- of its unit.
create function frid_can_see_service_course(p_course uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from service_course c
                 where c.id = p_course and c.org_id = frid_org()
                   and (c.responsible_id = frid_actor()
                        or frid_has_unit_role(c.unit_id, array['unit_manager'])
                        or exists (select 1 from service_contact s
                                   where s.course_id = c.id and s.worker_id = frid_actor())))
$$;

-- Gives service contacts in the unit: its case workers and managers.
create function frid_gives_service(p_unit uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select frid_has_unit_role(p_unit, array['caseworker', 'therapist', 'protection_officer', 'unit_manager'])
$$;

-- The child's work is the actor's to see: as its case, or as its course.
create function frid_can_see_child_work(p_work uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from child_work w
                 where w.id = p_work and w.org_id = frid_org()
                   and case when w.case_id is not null then frid_can_see_case(w.case_id)
                            else frid_can_see_service_course(w.course_id) end)
$$;

alter function frid_can_see_service_course(uuid) cost 10;
alter function frid_can_see_child_work(uuid) cost 15;
grant execute on function frid_can_see_service_course(uuid), frid_gives_service(uuid),
  frid_can_see_child_work(uuid) to frid_app;

grant select, insert, update on service_course, service_contact, child_work, crisis_talk_series,
  crisis_talk, child_police_report, child_medical_exam, child_consultation to frid_app;

alter table service_course enable row level security;
create policy service_course_select on service_course for select to frid_app
  using (org_id = frid_org() and frid_can_see_service_course(id));
create policy service_course_insert on service_course for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_gives_service(unit_id));
create policy service_course_update on service_course for update to frid_app
  using (org_id = frid_org() and frid_can_see_service_course(id))
  with check (org_id = frid_org() and frid_gives_service(unit_id));

alter table service_contact enable row level security;
create policy service_contact_select on service_contact for select to frid_app
  using (org_id = frid_org() and frid_can_see_service_course(course_id));
-- a new course's first contact is written by its creator, who is then its worker
create policy service_contact_insert on service_contact for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor()
              and exists (select 1 from service_course c where c.id = course_id
                            and frid_gives_service(c.unit_id)
                            and (c.created_by = frid_actor() or frid_can_see_service_course(c.id))));
create policy service_contact_update on service_contact for update to frid_app
  using (org_id = frid_org() and frid_can_see_service_course(course_id));

alter table child_work enable row level security;
create policy child_work_select on child_work for select to frid_app
  using (org_id = frid_org() and case when case_id is not null then frid_can_see_case(case_id)
                                      else frid_can_see_service_course(course_id) end);
create policy child_work_insert on child_work for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_gives_service(unit_id)
              and case when case_id is not null then frid_can_see_case(case_id)
                       else frid_can_see_service_course(course_id) end);
create policy child_work_update on child_work for update to frid_app
  using (org_id = frid_org() and frid_can_see_child_work(id));

alter table crisis_talk_series enable row level security;
create policy crisis_talk_series_select on crisis_talk_series for select to frid_app
  using (org_id = frid_org() and frid_can_see_child_work(child_work_id));
create policy crisis_talk_series_insert on crisis_talk_series for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_child_work(child_work_id));
create policy crisis_talk_series_update on crisis_talk_series for update to frid_app
  using (org_id = frid_org() and frid_can_see_child_work(child_work_id));

alter table crisis_talk enable row level security;
create policy crisis_talk_select on crisis_talk for select to frid_app
  using (org_id = frid_org() and exists (select 1 from crisis_talk_series s where s.id = series_id));
create policy crisis_talk_insert on crisis_talk for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor()
              and exists (select 1 from crisis_talk_series s where s.id = series_id));
create policy crisis_talk_update on crisis_talk for update to frid_app
  using (org_id = frid_org() and exists (select 1 from crisis_talk_series s where s.id = series_id));

alter table child_police_report enable row level security;
create policy child_police_report_select on child_police_report for select to frid_app
  using (org_id = frid_org() and frid_can_see_child_work(child_work_id));
create policy child_police_report_insert on child_police_report for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_child_work(child_work_id));

alter table child_medical_exam enable row level security;
create policy child_medical_exam_select on child_medical_exam for select to frid_app
  using (org_id = frid_org() and frid_can_see_child_work(child_work_id));
create policy child_medical_exam_insert on child_medical_exam for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_child_work(child_work_id));

alter table child_consultation enable row level security;
create policy child_consultation_select on child_consultation for select to frid_app
  using (org_id = frid_org() and frid_can_see_child_work(child_work_id));
create policy child_consultation_insert on child_consultation for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_child_work(child_work_id));
