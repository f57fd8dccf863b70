-- Frid 0050 (issue 16): sheltered housing and emergency flats — places, holds, enquiries,
-- stays with their children, moves, notes and invoices.
--
-- Who sees what (docs/security.md, "Places and stays"):
-- * A place's register entry (no address) is seen by everyone in the organisation who does
--   case work, so a caseworker can find a free place; its ADDRESS lives in place_address, a
--   table of its own that no list, search, PDF or export joins, readable only by those who
--   administer the place (unit_manager or housing_coordinator of the place's unit), the staff
--   of the shelter unit that runs it, and whoever may see a case with an ongoing stay there.
-- * A stay is seen by whoever may see its case, and by the staff of the shelter unit running
--   a place the stay has been at (their own place only: never the placing case itself).
-- * Occupancy is counted for everyone by frid_place_occupancy (counts only, no person).

-- A unit may be a shelter (as Trollhättan's Kriscentrum runs one); its staff hold the role
-- shelter_staff. housing_coordinator (boendesamordnare) administers places.
alter table unit drop constraint unit_kind_check;
alter table unit add constraint unit_kind_check
  check (kind in ('adult_services', 'child_services', 'crisis_centre', 'resource_function', 'shelter'));
alter table role_assignment drop constraint role_assignment_role_check;
alter table role_assignment add constraint role_assignment_role_check
  check (role in ('caseworker', 'therapist', 'protection_officer', 'unit_manager', 'administrator',
                  'analyst', 'consultant', 'housing_coordinator', 'shelter_staff'));

-- "Other housing" is counted in the yearly follow-up beside the emergency flat and the shelter.
insert into intervention_kind (code, name_sv, legal_ref, old_ref, sort_order) values
  ('other_housing', 'Annat boende', 'SoL (2025:400) 11 kap. 1 §', 'SoL (2001:453) 4 kap. 1 §', 11);

create table place (
  id                     uuid primary key,
  org_id                 uuid not null references organisation (id),
  -- the unit that administers the place in the register and answers for its costs
  unit_id                uuid not null references unit (id),
  -- a shelter unit of the organisation whose staff run the place, if any
  shelter_unit_id        uuid references unit (id),
  name                   text not null check (length(trim(name)) between 1 and 200),
  kind                   text not null check (kind in ('emergency_flat', 'sheltered_housing', 'other_housing')),
  operator_kind          text not null check (operator_kind in
                           ('own', 'voluntary_shelter', 'other_municipality', 'private_operator')),
  operator_name          text not null check (length(trim(operator_name)) between 1 and 200),
  ivo_permit_number      text check (ivo_permit_number is null or length(trim(ivo_permit_number)) between 1 and 100),
  ivo_permit_expires_on  date,
  -- capacity in persons (beds); an emergency flat takes one household whatever its beds
  places                 integer not null check (places between 1 and 500),
  rooms                  integer check (rooms is null or rooms between 1 and 500),
  accepts_women          boolean not null default true,
  accepts_men            boolean not null default false,
  accepts_non_binary     boolean not null default false,
  accepts_children       boolean not null default true,
  -- boys older than this are not accepted (null: no limit)
  boys_age_limit         integer check (boys_age_limit is null or boys_age_limit between 0 and 25),
  accepts_pets           boolean not null default false,
  accepts_substance_use  boolean not null default false,
  wheelchair_access      boolean not null default false,
  accessibility_notes    text check (accessibility_notes is null or length(accessibility_notes) <= 2000),
  staff_languages        text[] not null default '{}',
  -- prices per day in öre (1 kr = 100 öre), so sums are exact
  price_adult_ore        integer not null check (price_adult_ore between 0 and 10000000),
  price_child_ore        integer not null check (price_child_ore between 0 and 10000000),
  -- how long a hold on this place lasts unless it becomes a stay
  hold_hours             integer not null default 24 check (hold_hours between 1 and 168),
  closed_on              date,
  version                integer not null default 1,
  created_by             uuid not null references app_user (id),
  created_at             timestamptz not null default now(),
  updated_at             timestamptz not null default now(),
  check (ivo_permit_expires_on is null or ivo_permit_number is not null)
);
create index place_org_idx on place (org_id, name);
create index place_shelter_unit_idx on place (shelter_unit_id) where shelter_unit_id is not null;

-- The address: a table of its own so nothing that lists places can reach it by accident.
create table place_address (
  place_id     uuid primary key references place (id),
  org_id       uuid not null references organisation (id),
  street       text not null check (length(trim(street)) between 1 and 200),
  postal_code  text not null check (postal_code ~ '^[0-9]{3} ?[0-9]{2}$'),
  city         text not null check (length(trim(city)) between 1 and 100),
  directions   text check (directions is null or length(directions) <= 2000),
  updated_by   uuid not null references app_user (id),
  updated_at   timestamptz not null default now()
);

create table place_contact (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisation (id),
  place_id    uuid not null references place (id),
  name        text not null check (length(trim(name)) between 1 and 200),
  role        text check (role is null or length(role) <= 200),
  phone       text check (phone is null or length(phone) <= 50),
  email       text check (email is null or length(email) <= 254),
  removed_at  timestamptz
);
create index place_contact_place_idx on place_contact (place_id);

-- A hold keeps places for a named case for hold_hours; it counts until it expires, is
-- released or becomes a stay. Expiry is a fact of the clock (expires_at), never a job.
create table place_hold (
  id            uuid primary key,
  org_id        uuid not null references organisation (id),
  place_id      uuid not null references place (id),
  case_id       uuid not null references "case" (id),
  persons       integer not null check (persons between 1 and 20),
  held_by       uuid not null references app_user (id),
  held_at       timestamptz not null default now(),
  expires_at    timestamptz not null,
  ended_at      timestamptz,
  ended_reason  text check (ended_reason in ('stay', 'released')),
  check ((ended_at is null) = (ended_reason is null)),
  check (expires_at > held_at)
);
create index place_hold_active_idx on place_hold (place_id, expires_at) where ended_at is null;
create index place_hold_case_idx on place_hold (case_id);

-- An enquiry to a place (mostly an external shelter) and its coded answer.
create table place_enquiry (
  id           uuid primary key,
  org_id       uuid not null references organisation (id),
  place_id     uuid not null references place (id),
  case_id      uuid not null references "case" (id),
  persons      integer not null check (persons between 1 and 20),
  asked_by     uuid not null references app_user (id),
  asked_at     timestamptz not null default now(),
  outcome      text check (outcome in ('placed', 'no_space', 'declined_by_person', 'not_suitable')),
  reason       text check (reason is null or length(reason) <= 2000),
  answered_by  uuid references app_user (id),
  answered_at  timestamptz,
  check ((outcome is null) = (answered_at is null)),
  check (outcome not in ('declined_by_person', 'not_suitable') or length(trim(reason)) > 0)
);
create index place_enquiry_case_idx on place_enquiry (case_id);
create index place_enquiry_org_idx on place_enquiry (org_id, asked_at);

-- A stay: from a granted housing decision on the adult's case.
create table stay (
  id               uuid primary key,
  org_id           uuid not null references organisation (id),
  case_id          uuid not null references "case" (id),
  decision_id      uuid not null references decision (id),
  planned_from     date not null,
  planned_to       date,
  -- check-in and check-out (the actual start and end)
  arrived_on       date,
  left_on          date,
  end_reason       text check (end_reason in
                     ('own_housing', 'back_home', 'other_municipality', 'left_without_notice', 'other')),
  went_to          text check (went_to is null or length(went_to) <= 500),
  followed_up_on   date,
  follow_up_note   text check (follow_up_note is null or length(follow_up_note) <= 4000),
  cancelled_at     timestamptz,
  version          integer not null default 1,
  created_by       uuid not null references app_user (id),
  created_at       timestamptz not null default now(),
  check (planned_to is null or planned_to >= planned_from),
  check (left_on is null or (arrived_on is not null and left_on >= arrived_on)),
  check ((left_on is null) = (end_reason is null)),
  check (followed_up_on is null or left_on is not null),
  check (cancelled_at is null or arrived_on is null)
);
create index stay_case_idx on stay (case_id);
create index stay_org_idx on stay (org_id, planned_from);

-- Who stays: the adult and each accompanying child (a child in sheltered housing with its own
-- decision, or its lag (2024:79) placement, linked).
create table stay_member (
  stay_id                 uuid not null references stay (id),
  person_id               uuid not null references person (id),
  org_id                  uuid not null references organisation (id),
  role                    text not null check (role in ('adult', 'child')),
  child_decision_id       uuid references decision (id),
  -- the child's schooling while in the stay (Öppna jämförelser asks for a routine)
  school_kind             text check (school_kind in ('preschool', 'school', 'none_needed')),
  school_name             text check (school_name is null or length(school_name) <= 200),
  school_municipality     text check (school_municipality is null or length(school_municipality) <= 100),
  school_contacted_on     date,
  school_arranged_on      date,
  school_transport        text check (school_transport is null or length(school_transport) <= 500),
  shelter_contact_person  text check (shelter_contact_person is null or length(shelter_contact_person) <= 200),
  child_view              text check (child_view is null or length(child_view) <= 4000),
  primary key (stay_id, person_id),
  check (role = 'child' or (child_decision_id is null and school_kind is null))
);
create index stay_member_person_idx on stay_member (person_id);

-- Where the stay is, period by period: a move ends one segment and starts the next. The
-- prices are the place's at the segment's start, so a later price change never rewrites a
-- cost already incurred.
create table stay_segment (
  id               uuid primary key,
  org_id           uuid not null references organisation (id),
  stay_id          uuid not null references stay (id),
  place_id         uuid not null references place (id),
  from_on          date not null,
  to_on            date,
  price_adult_ore  integer not null,
  price_child_ore  integer not null,
  check (to_on is null or to_on >= from_on)
);
create index stay_segment_stay_idx on stay_segment (stay_id, from_on);
create index stay_segment_place_idx on stay_segment (place_id, from_on);

-- Talks, talks with a child and incidents, written by the caseworker or the shelter's staff.
create table stay_note (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  stay_id     uuid not null references stay (id),
  kind        text not null check (kind in ('talk', 'child_talk', 'incident', 'note')),
  person_id   uuid references person (id),
  happened_on date not null,
  text        text not null check (length(trim(text)) between 1 and 8000),
  written_by  uuid not null references app_user (id),
  written_at  timestamptz not null default now(),
  check (kind <> 'child_talk' or person_id is not null)
);
create index stay_note_stay_idx on stay_note (stay_id, happened_on);

create table stay_invoice (
  id            uuid primary key,
  org_id        uuid not null references organisation (id),
  stay_id       uuid not null references stay (id),
  operator_name text not null check (length(trim(operator_name)) between 1 and 200),
  reference     text check (reference is null or length(reference) <= 100),
  period_from   date not null,
  period_to     date not null,
  amount_ore    bigint not null check (amount_ore between 0 and 100000000000),
  recorded_by   uuid not null references app_user (id),
  recorded_at   timestamptz not null default now(),
  check (period_to >= period_from)
);
create index stay_invoice_stay_idx on stay_invoice (stay_id);

-- The rules --------------------------------------------------------------------------------

-- Administers the place: unit manager or housing coordinator of the place's unit.
create function frid_administers_place(p_unit uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select frid_has_unit_role(p_unit, array['unit_manager', 'housing_coordinator'])
$$;

-- Runs the place: staff or manager of the shelter unit named on the place.
create function frid_runs_place(p_place uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from place p
                 where p.id = p_place and p.org_id = frid_org() and p.shelter_unit_id is not null
                   and frid_has_unit_role(p.shelter_unit_id, array['shelter_staff', 'unit_manager']))
$$;

-- Does case work anywhere in the organisation (sees the register and the vacancy board).
create function frid_does_case_work() returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('caseworker', 'therapist', 'protection_officer', 'unit_manager',
                                  'housing_coordinator', 'shelter_staff'))
$$;

-- The stay is the actor's to see: its case, or a place the actor's shelter runs that the stay
-- has been at.
create function frid_can_see_stay(p_stay uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from stay s
                 where s.id = p_stay and s.org_id = frid_org()
                   and (frid_can_see_case(s.case_id)
                        or exists (select 1 from stay_segment g
                                   where g.stay_id = s.id and frid_runs_place(g.place_id))))
$$;

-- The address is for those who administer or run the place and those handling an ongoing
-- stay there (not cancelled, not left).
create function frid_can_see_place_address(p_place uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from place p
                 where p.id = p_place and p.org_id = frid_org()
                   and (frid_administers_place(p.unit_id)
                        or frid_runs_place(p.id)
                        or exists (select 1 from stay_segment g join stay s on s.id = g.stay_id
                                   where g.place_id = p.id and g.to_on is null
                                     and s.left_on is null and s.cancelled_at is null
                                     and frid_can_see_case(s.case_id))))
$$;

-- Today's occupancy of every place of the organisation, for the vacancy board: persons in
-- ongoing stays there on p_day, stays (households), and persons held by holds not expired at
-- p_now. Counts only: no person, no case.
create function frid_place_occupancy(p_day date, p_now timestamptz)
returns table (place_id uuid, persons integer, households integer, held_persons integer, holds integer)
language sql stable security definer set search_path = public as $$
  select p.id,
         coalesce(o.persons, 0)::integer, coalesce(o.households, 0)::integer,
         coalesce(h.persons, 0)::integer, coalesce(h.holds, 0)::integer
  from place p
  left join lateral (
    select count(*) filter (where true) as persons, count(distinct g.stay_id) as households
    from stay_segment g
    join stay s on s.id = g.stay_id
    join stay_member m on m.stay_id = s.id
    where g.place_id = p.id and g.from_on <= p_day and (g.to_on is null or g.to_on > p_day)
      and s.cancelled_at is null and (s.left_on is null or s.left_on > p_day)) o on true
  left join lateral (
    select sum(x.persons) as persons, count(*) as holds
    from place_hold x
    where x.place_id = p.id and x.ended_at is null and x.expires_at > p_now) h on true
  where p.org_id = frid_org() and frid_does_case_work()
$$;

grant execute on function frid_administers_place(uuid), frid_runs_place(uuid), frid_does_case_work(),
  frid_can_see_stay(uuid), frid_can_see_place_address(uuid), frid_place_occupancy(date, timestamptz)
  to frid_app;

alter table place enable row level security;
create policy place_select on place for select to frid_app
  using (org_id = frid_org() and frid_does_case_work());
create policy place_insert on place for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_administers_place(unit_id));
create policy place_update on place for update to frid_app
  using (org_id = frid_org() and frid_administers_place(unit_id))
  with check (org_id = frid_org() and frid_administers_place(unit_id));

alter table place_address enable row level security;
create policy place_address_select on place_address for select to frid_app
  using (org_id = frid_org() and frid_can_see_place_address(place_id));
create policy place_address_write on place_address for insert to frid_app
  with check (org_id = frid_org() and updated_by = frid_actor()
              and exists (select 1 from place p where p.id = place_id and frid_administers_place(p.unit_id)));
create policy place_address_update on place_address for update to frid_app
  using (org_id = frid_org() and exists (select 1 from place p where p.id = place_id and frid_administers_place(p.unit_id)))
  with check (updated_by = frid_actor());

alter table place_contact enable row level security;
create policy place_contact_select on place_contact for select to frid_app
  using (org_id = frid_org() and frid_does_case_work());
create policy place_contact_insert on place_contact for insert to frid_app
  with check (org_id = frid_org() and exists (select 1 from place p where p.id = place_id and frid_administers_place(p.unit_id)));
create policy place_contact_update on place_contact for update to frid_app
  using (org_id = frid_org() and exists (select 1 from place p where p.id = place_id and frid_administers_place(p.unit_id)));

-- Holds and enquiries belong to a case: seen and made by whoever may see the case.
alter table place_hold enable row level security;
create policy place_hold_select on place_hold for select to frid_app using (frid_can_see_case(case_id));
create policy place_hold_insert on place_hold for insert to frid_app
  with check (org_id = frid_org() and held_by = frid_actor() and frid_can_see_case(case_id));
create policy place_hold_update on place_hold for update to frid_app using (frid_can_see_case(case_id));

alter table place_enquiry enable row level security;
create policy place_enquiry_select on place_enquiry for select to frid_app using (frid_can_see_case(case_id));
create policy place_enquiry_insert on place_enquiry for insert to frid_app
  with check (org_id = frid_org() and asked_by = frid_actor() and frid_can_see_case(case_id));
create policy place_enquiry_update on place_enquiry for update to frid_app
  using (frid_can_see_case(case_id)) with check (answered_by = frid_actor());

alter table stay enable row level security;
create policy stay_select on stay for select to frid_app using (frid_can_see_stay(id));
create policy stay_insert on stay for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(case_id));
create policy stay_update on stay for update to frid_app using (frid_can_see_stay(id));

alter table stay_member enable row level security;
create policy stay_member_select on stay_member for select to frid_app using (frid_can_see_stay(stay_id));
create policy stay_member_insert on stay_member for insert to frid_app
  with check (org_id = frid_org()
              and exists (select 1 from stay s where s.id = stay_id and frid_can_see_case(s.case_id)));
create policy stay_member_update on stay_member for update to frid_app using (frid_can_see_stay(stay_id));

-- A shelter's staff see the segments at their own place only, never where she went next.
alter table stay_segment enable row level security;
create policy stay_segment_select on stay_segment for select to frid_app
  using (org_id = frid_org()
         and (exists (select 1 from stay s where s.id = stay_id and frid_can_see_case(s.case_id))
              or frid_runs_place(place_id)));
create policy stay_segment_insert on stay_segment for insert to frid_app
  with check (org_id = frid_org()
              and exists (select 1 from stay s where s.id = stay_id and frid_can_see_case(s.case_id)));
create policy stay_segment_update on stay_segment for update to frid_app
  using (org_id = frid_org()
         and (exists (select 1 from stay s where s.id = stay_id and frid_can_see_case(s.case_id))
              or frid_runs_place(place_id)));

alter table stay_note enable row level security;
create policy stay_note_select on stay_note for select to frid_app using (frid_can_see_stay(stay_id));
create policy stay_note_insert on stay_note for insert to frid_app
  with check (org_id = frid_org() and written_by = frid_actor() and frid_can_see_stay(stay_id));

-- Invoices are the placing side's: the shelter's staff never see what the stay costs.
alter table stay_invoice enable row level security;
create policy stay_invoice_select on stay_invoice for select to frid_app
  using (exists (select 1 from stay s where s.id = stay_id and frid_can_see_case(s.case_id)));
create policy stay_invoice_insert on stay_invoice for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor()
              and exists (select 1 from stay s where s.id = stay_id and frid_can_see_case(s.case_id)));

grant select, insert, update on place, place_address, place_contact, place_hold, place_enquiry,
  stay, stay_member, stay_segment to frid_app;
grant select, insert on stay_note, stay_invoice to frid_app;

-- Who stays, by name, for the staff of a shelter the stay has been at: they run the house and
-- need the residents' names, but have no case to reach the person through. Names and birth
-- year only — no identity number, no contact details, nothing of the case.
create function frid_stay_people(p_stay uuid)
returns table (person_id uuid, role text, given_name text, family_name text, birth_year integer)
language sql stable security definer set search_path = public as $$
  select m.person_id, m.role, p.given_name, p.family_name, extract(year from p.birth_date)::integer
  from stay_member m join person p on p.id = m.person_id
  where m.stay_id = p_stay and frid_can_see_stay(p_stay)
$$;
grant execute on function frid_stay_people(uuid) to frid_app;
