-- Frid 0069 (issue 18, items 9 and 7): police collaboration — restraining orders
-- (kontaktförbud) and safety alarms (skyddslarm / trygghetslarm) recorded in a case — and the
-- case's anonymised consultations. The police-reported incidents are 0063's police_incident.
--
-- Who sees what: everything here belongs to one case and is seen and written by those who
-- may see that case (frid_can_see_case), as the case's other records. The person an order is
-- against is named only through a relation of this case (as the case knows him: the name the
-- recorder typed, never more) or as a free-text name; his identity number is never shown.

create table restraining_order (
  id                    uuid primary key,
  org_id                uuid not null references organisation (id),
  case_id               uuid not null references "case" (id),
  kind                  text not null check (kind in
                          ('contact', 'shared_home', 'extended', 'extended_monitored')),
  status                text not null check (status in
                          ('applied', 'granted', 'rejected', 'ended_early')),
  -- the protected person: the case's person or a child related to her in this case
  protected_person_id   uuid not null references person (id),
  -- whom it is against: a relation of this case, or a name as the case knows him
  against_relation_id   uuid references relation (id),
  against_name          text check (against_name is null or length(trim(against_name)) between 1 and 200),
  applied_on            date,
  valid_from            date,
  valid_until           date,
  ended_on              date,
  reference             text check (reference is null or length(trim(reference)) between 1 and 100),
  decided_by            text check (decided_by is null or length(trim(decided_by)) between 1 and 200),
  police_assessment_id  uuid references police_assessment (id),
  -- the worker has asked whether a new order is needed (ends the Att göra line)
  renewal_considered_on date,
  note                  text not null default '' check (length(note) <= 2000),
  version               integer not null default 1,
  recorded_by           uuid not null references app_user (id),
  recorded_at           timestamptz not null default now(),
  updated_by            uuid references app_user (id),
  updated_at            timestamptz,
  check ((against_relation_id is null) <> (against_name is null)),
  check (status <> 'granted' or (valid_from is not null and valid_until is not null)),
  check (valid_until is null or valid_from is null or valid_until >= valid_from),
  check ((status = 'ended_early') = (ended_on is not null))
);
create index restraining_order_case_idx on restraining_order (case_id);

create table safety_alarm (
  id                    uuid primary key,
  org_id                uuid not null references organisation (id),
  case_id               uuid not null references "case" (id),
  kind                  text not null check (kind in ('protection_alarm', 'safety_alarm')),
  valid_from            date not null,
  valid_until           date,
  follow_up_on          date,
  followed_up_on        date,
  supplied_by           text not null check (length(trim(supplied_by)) between 1 and 200),
  returned_on           date,
  police_assessment_id  uuid references police_assessment (id),
  note                  text not null default '' check (length(note) <= 2000),
  version               integer not null default 1,
  recorded_by           uuid not null references app_user (id),
  recorded_at           timestamptz not null default now(),
  updated_by            uuid references app_user (id),
  updated_at            timestamptz,
  check (valid_until is null or valid_until >= valid_from),
  check (returned_on is null or returned_on >= valid_from)
);
create index safety_alarm_case_idx on safety_alarm (case_id);

-- A consultation about the case's child or adult WITHOUT consent: the text never names the
-- person (the API refuses identity numbers and warns on names); only the case id links it,
-- on the worker's side. It is never disclosed: no disclosure context points at it.
create table case_consultation (
  id               uuid primary key,
  org_id           uuid not null references organisation (id),
  case_id          uuid not null references "case" (id),
  held_on          date not null,
  about            text not null check (about in ('child', 'adult')),
  agency_id        uuid references agency (id),
  with_whom        text check (with_whom is null or length(trim(with_whom)) between 1 and 200),
  question         text not null check (length(trim(question)) between 1 and 4000),
  advice           text not null default '' check (length(advice) <= 4000),
  names_confirmed  boolean not null default false,
  recorded_by      uuid not null references app_user (id),
  recorded_at      timestamptz not null default now(),
  check (agency_id is not null or with_whom is not null)
);
create index case_consultation_case_idx on case_consultation (case_id, held_on);

alter table restraining_order enable row level security;
alter table safety_alarm enable row level security;
alter table case_consultation enable row level security;
grant select, insert, update on restraining_order, safety_alarm to frid_app;
grant select, insert on case_consultation to frid_app;
create policy restraining_order_select on restraining_order for select to frid_app
  using (frid_can_see_case(case_id));
create policy restraining_order_insert on restraining_order for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
create policy restraining_order_update on restraining_order for update to frid_app
  using (frid_can_see_case(case_id)) with check (frid_can_see_case(case_id));
create policy safety_alarm_select on safety_alarm for select to frid_app
  using (frid_can_see_case(case_id));
create policy safety_alarm_insert on safety_alarm for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
create policy safety_alarm_update on safety_alarm for update to frid_app
  using (frid_can_see_case(case_id)) with check (frid_can_see_case(case_id));
create policy case_consultation_select on case_consultation for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_consultation_insert on case_consultation for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
