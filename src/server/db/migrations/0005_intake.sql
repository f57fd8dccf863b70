-- Frid 0005: intake (aktualisering) — how a matter reached the unit. An application or a
-- report of concern opens (or joins) a case; a mere request for information does not, and
-- then the reason is recorded.

create table intake (
  id                      uuid primary key,
  org_id                  uuid not null references organisation (id),
  unit_id                 uuid not null references unit (id),
  person_id               uuid not null references person (id),
  case_id                 uuid references "case" (id),
  source                  text not null check (source in
                            ('the_person', 'police', 'health_care', 'school', 'other_authority', 'ngo', 'anonymous', 'other')),
  channel                 text not null check (channel in ('phone', 'visit', 'letter', 'email', 'digital', 'other')),
  received_at             timestamptz not null,
  kind                    text not null check (kind in ('application', 'report_of_concern', 'request_for_information')),
  asked_about_violence    boolean not null,
  violence_answer         text,
  interpreter_needed      boolean not null default false,
  interpreter_language    text,
  children_in_household   integer check (children_in_household between 0 and 30),
  information_only_reason text,
  recorded_by             uuid not null references app_user (id),
  recorded_at             timestamptz not null default now(),
  -- a request for information stays without a case, with a reason; everything else has one
  check ((kind = 'request_for_information') = (case_id is null)),
  check (kind <> 'request_for_information' or length(trim(information_only_reason)) > 0),
  check (not interpreter_needed or length(trim(interpreter_language)) > 0)
);
create index intake_case_idx on intake (case_id);
create index intake_person_idx on intake (person_id);

alter table intake enable row level security;
-- Intakes with a case follow the case; one without is seen by the managers of its unit;
-- whoever recorded an intake always sees what they recorded.
create policy intake_select on intake for select to frid_app
  using (org_id = frid_org() and (
    recorded_by = frid_actor()
    or (case_id is not null and frid_can_see_case(case_id))
    or (case_id is null and frid_has_unit_role(unit_id, array['unit_manager']))));

-- For attaching a new report or application to the person's open case at the unit, which
-- the recorder may not be allowed to see (the case's own workers must get the report).
create function frid_open_case_for(p_person uuid, p_unit uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select id from "case"
  where person_id = p_person and unit_id = p_unit and org_id = frid_org() and status <> 'closed'
  order by opened_at desc limit 1
$$;
grant execute on function frid_open_case_for(uuid, uuid) to frid_app;
create policy intake_insert on intake for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor()
              and frid_has_unit_role(unit_id, array['caseworker', 'therapist', 'protection_officer', 'unit_manager']));
grant select, insert on intake to frid_app;
