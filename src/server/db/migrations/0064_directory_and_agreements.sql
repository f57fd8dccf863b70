-- Frid 0064 (issue 18, items 1–2): who keeps the agency directory, and the collaboration
-- agreements with their follow-ups and the assignments to voluntary organisations.
--
-- The directory and the agreements hold no client's data: professionals' work contacts and
-- the organisation's own agreements. Everyone doing case work reads them (0063); they are
-- kept by the directory's keepers — unit managers and administrators of the organisation —
-- and each agency also by its owner. An agreement belongs to a unit (the owning unit): its
-- unit managers change it; they and the agreement's responsible users record follow-ups.

-- Keeps the directory: a unit manager or an administrator of the organisation.
create function frid_keeps_directory() returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org()
                   and r.role in ('unit_manager', 'administrator'))
$$;

-- Keeps this agency: a keeper of the directory, or the agency's owner.
create function frid_keeps_agency(p_agency uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select frid_keeps_directory()
      or exists (select 1 from agency a
                 where a.id = p_agency and a.org_id = frid_org() and a.owner_id = frid_actor())
$$;
grant execute on function frid_keeps_directory(), frid_keeps_agency(uuid) to frid_app;

-- A contact changed by several (the owner confirms it while a manager corrects the phone).
alter table agency_contact add column version integer not null default 1;

-- Administrators keep the directory without doing case work: they read it too.
create policy agency_select_keeper on agency for select to frid_app
  using (org_id = frid_org() and frid_keeps_directory());
create policy agency_unit_select_keeper on agency_unit for select to frid_app
  using (org_id = frid_org() and frid_keeps_directory());
create policy agency_contact_select_keeper on agency_contact for select to frid_app
  using (org_id = frid_org() and frid_keeps_directory());

create policy agency_insert on agency for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_keeps_directory());
create policy agency_update on agency for update to frid_app
  using (org_id = frid_org() and frid_keeps_agency(id))
  with check (org_id = frid_org());
create policy agency_unit_insert on agency_unit for insert to frid_app
  with check (org_id = frid_org() and frid_keeps_agency(agency_id));
create policy agency_unit_update on agency_unit for update to frid_app
  using (org_id = frid_org() and frid_keeps_agency(agency_id))
  with check (org_id = frid_org() and frid_keeps_agency(agency_id));
create policy agency_contact_insert on agency_contact for insert to frid_app
  with check (org_id = frid_org() and frid_keeps_agency(agency_id));
create policy agency_contact_update on agency_contact for update to frid_app
  using (org_id = frid_org() and frid_keeps_agency(agency_id))
  with check (org_id = frid_org() and frid_keeps_agency(agency_id));
grant insert, update on agency, agency_unit, agency_contact to frid_app;

-- A collaboration agreement at the overall level (seed 000): its parties, its areas, goals,
-- responsible persons, signed date and the next follow-up, no later than 24 months after the
-- signing or the last follow-up (Öppna jämförelser asks whether it was followed up within 24
-- months). The signed original is kept in the registry: document_reference names it there.
create table agreement (
  id                   uuid primary key,
  org_id               uuid not null references organisation (id),
  unit_id              uuid not null references unit (id),
  title                text not null check (length(trim(title)) between 1 and 200),
  areas                text[] not null check (
                         cardinality(areas) between 1 and 5
                         and areas <@ array['reports_of_concern', 'children_witnessed_violence',
                                            'protected_personal_data', 'out_of_hours', 'other']),
  goals                text not null check (length(trim(goals)) between 1 and 4000),
  signed_on            date not null,
  last_followed_up_on  date,
  next_follow_up_on    date not null,
  ended_on             date,
  document_reference   text check (document_reference is null
                                   or length(trim(document_reference)) between 1 and 200),
  version              integer not null default 1,
  created_by           uuid not null references app_user (id),
  created_at           timestamptz not null default now(),
  check (last_followed_up_on is null or last_followed_up_on >= signed_on),
  check (next_follow_up_on > coalesce(last_followed_up_on, signed_on)),
  check (next_follow_up_on <= coalesce(last_followed_up_on, signed_on) + interval '24 months'),
  check (ended_on is null or ended_on >= signed_on)
);
create index agreement_unit_idx on agreement (unit_id, next_follow_up_on) where ended_on is null;

create table agreement_party (
  agreement_id  uuid not null references agreement (id),
  agency_id     uuid not null references agency (id),
  org_id        uuid not null references organisation (id),
  primary key (agreement_id, agency_id)
);
create index agreement_party_agency_idx on agreement_party (agency_id);

-- Responsible persons: our users, and the other agencies' contact persons.
create table agreement_responsible (
  id                 uuid primary key,
  agreement_id       uuid not null references agreement (id),
  org_id             uuid not null references organisation (id),
  user_id            uuid references app_user (id),
  agency_contact_id  uuid references agency_contact (id),
  check ((user_id is null) <> (agency_contact_id is null))
);
create index agreement_responsible_agreement_idx on agreement_responsible (agreement_id);
create index agreement_responsible_user_idx on agreement_responsible (user_id) where user_id is not null;

create table agreement_follow_up (
  id                 uuid primary key,
  org_id             uuid not null references organisation (id),
  agreement_id       uuid not null references agreement (id),
  followed_up_on     date not null,
  findings           text not null check (length(trim(findings)) between 1 and 4000),
  next_follow_up_on  date not null,
  recorded_by        uuid not null references app_user (id),
  recorded_at        timestamptz not null default now(),
  check (next_follow_up_on > followed_up_on),
  check (next_follow_up_on <= followed_up_on + interval '24 months')
);
create index agreement_follow_up_agreement_idx on agreement_follow_up (agreement_id, followed_up_on);

-- An assignment to a voluntary organisation (a women's shelter): the committee's decision,
-- the legal basis, what they are assigned to do, for how long, when it is followed up.
create table voluntary_assignment (
  id                   uuid primary key,
  org_id               uuid not null references organisation (id),
  unit_id              uuid not null references unit (id),
  agency_id            uuid not null references agency (id),
  decided_on           date not null,
  decision_reference   text not null check (length(trim(decision_reference)) between 1 and 200),
  legal_basis          text not null check (length(trim(legal_basis)) between 1 and 1000),
  scope                text not null check (length(trim(scope)) between 1 and 4000),
  valid_from           date not null,
  valid_until          date,
  follow_up_on         date,
  version              integer not null default 1,
  created_by           uuid not null references app_user (id),
  created_at           timestamptz not null default now(),
  check (valid_until is null or valid_until >= valid_from)
);
create index voluntary_assignment_agency_idx on voluntary_assignment (agency_id);

-- Manages the agreement's unit (changes it); or is responsible for it (records follow-ups).
create function frid_manages_agreement(p_agreement uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from agreement a
                 where a.id = p_agreement and a.org_id = frid_org()
                   and frid_has_unit_role(a.unit_id, array['unit_manager']))
$$;
create function frid_follows_up_agreement(p_agreement uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select frid_manages_agreement(p_agreement)
      or exists (select 1 from agreement_responsible r
                 where r.agreement_id = p_agreement and r.org_id = frid_org()
                   and r.user_id = frid_actor())
$$;
grant execute on function frid_manages_agreement(uuid), frid_follows_up_agreement(uuid) to frid_app;

alter table agreement enable row level security;
alter table agreement_party enable row level security;
alter table agreement_responsible enable row level security;
alter table agreement_follow_up enable row level security;
alter table voluntary_assignment enable row level security;

create policy agreement_select on agreement for select to frid_app
  using (org_id = frid_org() and (frid_does_case_work() or frid_keeps_directory()));
create policy agreement_insert on agreement for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor()
              and frid_has_unit_role(unit_id, array['unit_manager']));
-- A follow-up moves the agreement's dates: its responsible users may update it for that.
create policy agreement_update on agreement for update to frid_app
  using (org_id = frid_org() and frid_follows_up_agreement(id))
  with check (org_id = frid_org());

create policy agreement_party_select on agreement_party for select to frid_app
  using (org_id = frid_org() and (frid_does_case_work() or frid_keeps_directory()));
create policy agreement_party_write on agreement_party for insert to frid_app
  with check (org_id = frid_org() and frid_manages_agreement(agreement_id));
create policy agreement_party_delete on agreement_party for delete to frid_app
  using (org_id = frid_org() and frid_manages_agreement(agreement_id));

create policy agreement_responsible_select on agreement_responsible for select to frid_app
  using (org_id = frid_org() and (frid_does_case_work() or frid_keeps_directory()));
create policy agreement_responsible_write on agreement_responsible for insert to frid_app
  with check (org_id = frid_org() and frid_manages_agreement(agreement_id));
create policy agreement_responsible_delete on agreement_responsible for delete to frid_app
  using (org_id = frid_org() and frid_manages_agreement(agreement_id));

create policy agreement_follow_up_select on agreement_follow_up for select to frid_app
  using (org_id = frid_org() and (frid_does_case_work() or frid_keeps_directory()));
create policy agreement_follow_up_insert on agreement_follow_up for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor()
              and frid_follows_up_agreement(agreement_id));

create policy voluntary_assignment_select on voluntary_assignment for select to frid_app
  using (org_id = frid_org() and (frid_does_case_work() or frid_keeps_directory()));
create policy voluntary_assignment_insert on voluntary_assignment for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor()
              and frid_has_unit_role(unit_id, array['unit_manager']));
create policy voluntary_assignment_update on voluntary_assignment for update to frid_app
  using (org_id = frid_org() and frid_has_unit_role(unit_id, array['unit_manager']))
  with check (org_id = frid_org() and frid_has_unit_role(unit_id, array['unit_manager']));

grant select, insert, update on agreement, voluntary_assignment to frid_app;
grant select, insert, delete on agreement_party, agreement_responsible to frid_app;
grant select, insert on agreement_follow_up to frid_app;
