-- Frid 0059 (issue 17, items 3 and 5): the resource function's log of consultations to
-- professionals, and the organisation's competence register.
--
-- Who sees what (docs/security.md, "Consultations and the competence register"):
-- * A consultation is advice to a professional (a school, social services, health care …)
--   about a situation; it never names the individual concerned: no person, no case, and the
--   API refuses identity numbers in every text and warns on names. It belongs to the unit
--   that gave it — a resource function or a crisis centre — and that unit's staff
--   (consultant, caseworker, therapist, protection officer, unit manager) log it, read the
--   unit's log and its figures. Nobody else.
-- * The competence register (trainings, participants as counts, instructors, their follow-up
--   meetings, supervision given, study visits received) belongs to the organisation: kept by
--   unit managers and consultants of any unit, read by anyone doing case work or consulting.
--   It holds staff data (instructors' names), never a client's.

create table consultation (
  id                      uuid primary key,
  org_id                  uuid not null references organisation (id),
  unit_id                 uuid not null references unit (id),
  occurred_at             timestamptz not null,
  asker_organisation_kind text not null check (asker_organisation_kind in
                            ('school', 'social_services', 'health_care', 'police', 'barnahus', 'other')),
  -- the asking organisation (a school's name), never a person
  asker_organisation_name text check (asker_organisation_name is null
                                      or length(trim(asker_organisation_name)) between 1 and 200),
  municipality            text not null check (length(trim(municipality)) between 1 and 100),
  -- the professional's role (rektor, kurator, socialsekreterare …), never their name
  asker_role              text not null check (length(trim(asker_role)) between 1 and 100),
  topics                  text[] not null check (cardinality(topics) between 1 and 9 and topics <@ array[
                            'honour_related_violence', 'child_and_forced_marriage',
                            'female_genital_mutilation', 'trafficking', 'sex_for_compensation',
                            'risk_assessment', 'protection', 'lvu_investigation', 'other']::text[]),
  stage                   text not null check (stage in
                            ('before_report', 'at_report', 'during_investigation', 'after')),
  minutes                 integer not null check (minutes between 1 and 1440),
  question                text not null check (length(trim(question)) between 1 and 4000),
  advice                  text check (advice is null or length(advice) <= 4000),
  follow_up               text not null check (follow_up in ('none', 'planned', 'done')),
  -- planned: the day it is planned for; done: the day it was done (optional)
  follow_up_on            date,
  follow_up_note          text check (follow_up_note is null or length(follow_up_note) <= 2000),
  worker_id               uuid not null references app_user (id),
  created_by              uuid not null references app_user (id),
  created_at              timestamptz not null default now(),
  updated_by              uuid references app_user (id),
  updated_at              timestamptz,
  version                 integer not null default 1,
  constraint consultation_follow_up check (follow_up <> 'planned' or follow_up_on is not null),
  constraint consultation_no_day_without_follow_up check (follow_up <> 'none' or follow_up_on is null)
);
create index consultation_unit on consultation (unit_id, occurred_at desc, id desc);
create index consultation_org_day on consultation (org_id, occurred_at);

-- Logs consultations in the unit: its staff, when the unit is a resource function or a
-- crisis centre (the units that advise other professionals).
create function frid_logs_consultations(p_unit uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from unit u
                 where u.id = p_unit and u.org_id = frid_org()
                   and u.kind in ('resource_function', 'crisis_centre'))
     and frid_has_unit_role(p_unit, array['consultant', 'caseworker', 'therapist',
                                          'protection_officer', 'unit_manager'])
$$;

alter table consultation enable row level security;
grant select, insert, update on consultation to frid_app;
create policy consultation_select on consultation for select to frid_app
  using (org_id = frid_org() and frid_logs_consultations(unit_id));
create policy consultation_insert on consultation for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_logs_consultations(unit_id));
create policy consultation_update on consultation for update to frid_app
  using (org_id = frid_org() and frid_logs_consultations(unit_id))
  with check (org_id = frid_org() and frid_logs_consultations(unit_id));

-- The competence register ------------------------------------------------------------------

create table training (
  id             uuid primary key,
  org_id         uuid not null references organisation (id),
  kind           text not null check (kind in ('course', 'instructor_training', 'joint_day', 'other')),
  title          text not null check (length(trim(title)) between 1 and 200),
  starts_on      date not null,
  ends_on        date,
  -- how many occasions (six half-days: 6)
  sessions       integer not null default 1 check (sessions between 1 and 100),
  hours          numeric(6, 1) not null check (hours > 0 and hours <= 2000),
  organiser      text not null check (length(trim(organiser)) between 1 and 200),
  target_group   text check (target_group is null or length(trim(target_group)) between 1 and 200),
  -- the other agencies the training was held jointly with
  joint_with     text[] not null default '{}' check (cardinality(joint_with) <= 8 and joint_with <@ array[
                   'police', 'health_care', 'social_services', 'school', 'prosecutor',
                   'voluntary_organisation', 'other']::text[]),
  notes          text check (notes is null or length(notes) <= 2000),
  created_by     uuid not null references app_user (id),
  created_at     timestamptz not null default now(),
  version        integer not null default 1,
  constraint training_period check (ends_on is null or ends_on >= starts_on)
);
create index training_org_day on training (org_id, starts_on);

-- Participants as counts per organisation and role ("Socialtjänsten, socialsekreterare: 12").
create table training_participants (
  id            uuid primary key,
  org_id        uuid not null references organisation (id),
  training_id   uuid not null references training (id) on delete cascade,
  organisation  text not null check (length(trim(organisation)) between 1 and 200),
  role          text check (role is null or length(trim(role)) between 1 and 100),
  participants  integer not null check (participants between 1 and 10000)
);
create index training_participants_training on training_participants (training_id);

-- Kvinnofridsinstruktörer: staff trained to train their own administration.
create table instructor (
  id             uuid primary key,
  org_id         uuid not null references organisation (id),
  name           text not null check (length(trim(name)) between 1 and 200),
  administration text not null check (length(trim(administration)) between 1 and 200),
  trained_on     date not null,
  active         boolean not null default true,
  created_by     uuid not null references app_user (id),
  created_at     timestamptz not null default now(),
  version        integer not null default 1
);
create index instructor_org on instructor (org_id, trained_on);

-- Instructors who led a training (an instructor is active the year they give one).
create table training_instructor (
  training_id   uuid not null references training (id) on delete cascade,
  instructor_id uuid not null references instructor (id),
  org_id        uuid not null references organisation (id),
  primary key (training_id, instructor_id)
);
create index training_instructor_instructor on training_instructor (instructor_id);

create table instructor_meeting (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  held_on     date not null,
  topic       text not null check (length(trim(topic)) between 1 and 200),
  hours       numeric(6, 1) check (hours is null or (hours > 0 and hours <= 100)),
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now()
);
create index instructor_meeting_org_day on instructor_meeting (org_id, held_on);

create table instructor_meeting_attendance (
  meeting_id    uuid not null references instructor_meeting (id) on delete cascade,
  instructor_id uuid not null references instructor (id),
  org_id        uuid not null references organisation (id),
  primary key (meeting_id, instructor_id)
);
create index instructor_meeting_attendance_instructor on instructor_meeting_attendance (instructor_id);

-- Supervision (handledning) given to staff groups.
create table supervision_session (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  held_on     date not null,
  staff_group text not null check (length(trim(staff_group)) between 1 and 200),
  hours       numeric(6, 1) not null check (hours > 0 and hours <= 100),
  given_by    text not null check (length(trim(given_by)) between 1 and 200),
  notes       text check (notes is null or length(notes) <= 2000),
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now()
);
create index supervision_session_org_day on supervision_session (org_id, held_on);

-- Study visits received.
create table study_visit (
  id                    uuid primary key,
  org_id                uuid not null references organisation (id),
  visited_on            date not null,
  visitors_organisation text not null check (length(trim(visitors_organisation)) between 1 and 200),
  visitors              integer not null check (visitors between 1 and 10000),
  notes                 text check (notes is null or length(notes) <= 2000),
  created_by            uuid not null references app_user (id),
  created_at            timestamptz not null default now()
);
create index study_visit_org_day on study_visit (org_id, visited_on);

-- Keeps the register: a unit manager or a consultant of any unit of the organisation.
create function frid_keeps_competence() returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('unit_manager', 'consultant'))
$$;

-- Reads the register: anyone doing case work (frid_does_case_work, 0050) or consulting.
create function frid_reads_competence() returns boolean
language sql stable security definer set search_path = public as $$
  select frid_does_case_work()
      or exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org() and r.role = 'consultant')
$$;

grant execute on function frid_logs_consultations(uuid), frid_keeps_competence(),
  frid_reads_competence() to frid_app;

grant select, insert, update, delete on training, training_participants, instructor,
  training_instructor, instructor_meeting, instructor_meeting_attendance, supervision_session,
  study_visit to frid_app;

-- One rule for every table of the register: read by readers, written by keepers, in the
-- organisation. (A DO block keeps the eight tables' policies identical.)
do $$
declare t text;
begin
  foreach t in array array['training', 'training_participants', 'instructor',
                           'training_instructor', 'instructor_meeting',
                           'instructor_meeting_attendance', 'supervision_session', 'study_visit']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy %I on %I for select to frid_app
                      using (org_id = frid_org() and frid_reads_competence())', t || '_select', t);
    execute format('create policy %I on %I for insert to frid_app
                      with check (org_id = frid_org() and frid_keeps_competence())', t || '_insert', t);
    execute format('create policy %I on %I for update to frid_app
                      using (org_id = frid_org() and frid_keeps_competence())
                      with check (org_id = frid_org() and frid_keeps_competence())', t || '_update', t);
    execute format('create policy %I on %I for delete to frid_app
                      using (org_id = frid_org() and frid_keeps_competence())', t || '_delete', t);
  end loop;
end
$$;
