-- Frid 0068 (issue 18, item 8): the multi-agency risk conference (the MARAC model). A case is
-- referred when its criteria are met (computed, shared/risk-conference-criteria.ts); the
-- referral keeps a snapshot of the assessment it rests on (no re-keying, and what the
-- conference saw stays as it was), the criteria met, the worker's addition and the consent or
-- the secrecy rule it is made on. The conference itself: date, chair, the agencies taking part
-- with their participants and research answers, the agenda, the action plan, the follow-up.
-- What other agencies are told is a disclosure (0063) with context 'risk_conference'.

create table risk_conference (
  id                   uuid primary key,
  org_id               uuid not null references organisation (id),
  case_id              uuid not null references "case" (id),
  person_id            uuid not null references person (id),
  referred_on          date not null,
  referred_by          uuid not null references app_user (id),
  assessment_id        uuid references assessment (id),
  assessment_snapshot  jsonb,
  criteria             jsonb not null,
  addition             text not null default '' check (length(addition) <= 4000),
  consent_id           uuid references consent (id),
  secrecy_rule         text references secrecy_rule (code),
  meeting_on           date,
  chair_id             uuid references app_user (id),
  staff_ids            uuid[] not null default '{}',
  agenda               text not null default '' check (length(agenda) <= 4000),
  follow_up_on         date,
  follow_up_notes      text not null default '' check (length(follow_up_notes) <= 4000),
  version              integer not null default 1,
  created_at           timestamptz not null default now(),
  -- Referred on the person's consent, or without it on a secrecy-breaking rule: one of them.
  check ((consent_id is null) <> (secrecy_rule is null)),
  check ((assessment_id is null) = (assessment_snapshot is null))
);
create index risk_conference_case_idx on risk_conference (case_id, referred_on);
create index risk_conference_person_idx on risk_conference (person_id, referred_on);

-- The agencies taking part: their participants (contacts of the directory) and their research
-- answers (what their records show), recorded by the coordinator.
create table risk_conference_agency (
  id             uuid primary key,
  org_id         uuid not null references organisation (id),
  conference_id  uuid not null references risk_conference (id),
  case_id        uuid not null references "case" (id),
  agency_id      uuid not null references agency (id),
  contact_ids    uuid[] not null default '{}',
  research       text not null default '' check (length(research) <= 4000),
  recorded_by    uuid not null references app_user (id),
  updated_at     timestamptz not null default now(),
  unique (conference_id, agency_id)
);

-- The action plan: each action with one owner (a Frid user, or a contact of an agency) and a
-- due date; done or not, with notes.
create table risk_conference_action (
  id                uuid primary key,
  org_id            uuid not null references organisation (id),
  conference_id     uuid not null references risk_conference (id),
  case_id           uuid not null references "case" (id),
  description       text not null check (length(trim(description)) between 1 and 2000),
  owner_user_id     uuid references app_user (id),
  owner_contact_id  uuid references agency_contact (id),
  agency_id         uuid references agency (id),
  due_on            date not null,
  done_on           date,
  notes             text not null default '' check (length(notes) <= 2000),
  version           integer not null default 1,
  created_by        uuid not null references app_user (id),
  created_at        timestamptz not null default now(),
  check ((owner_user_id is null) <> (owner_contact_id is null)),
  check ((owner_contact_id is null) = (agency_id is null))
);
create index risk_conference_action_conference_idx on risk_conference_action (conference_id);
create index risk_conference_action_owner_idx on risk_conference_action (owner_user_id)
  where owner_user_id is not null and done_on is null;

alter table risk_conference enable row level security;
alter table risk_conference_agency enable row level security;
alter table risk_conference_action enable row level security;
create policy risk_conference_select on risk_conference for select to frid_app
  using (frid_can_see_case(case_id));
create policy risk_conference_insert on risk_conference for insert to frid_app
  with check (org_id = frid_org() and referred_by = frid_actor() and frid_can_see_case(case_id));
create policy risk_conference_update on risk_conference for update to frid_app
  using (frid_can_see_case(case_id)) with check (frid_can_see_case(case_id));
create policy risk_conference_agency_select on risk_conference_agency for select to frid_app
  using (frid_can_see_case(case_id));
create policy risk_conference_agency_insert on risk_conference_agency for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
create policy risk_conference_agency_update on risk_conference_agency for update to frid_app
  using (frid_can_see_case(case_id)) with check (frid_can_see_case(case_id));
-- An action is also its owner's: it is on their Att göra even when they do not work the case
-- (modules/worklist/risk-conferences.ts shows them no more of the case than they may see).
create policy risk_conference_action_select on risk_conference_action for select to frid_app
  using (frid_can_see_case(case_id) or (org_id = frid_org() and owner_user_id = frid_actor()));
create policy risk_conference_action_insert on risk_conference_action for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(case_id));
create policy risk_conference_action_update on risk_conference_action for update to frid_app
  using (frid_can_see_case(case_id)) with check (frid_can_see_case(case_id));
grant select, insert, update on risk_conference, risk_conference_agency, risk_conference_action
  to frid_app;

-- For routing and the audit trail only (as frid_stay_case): the case of a conference, so a
-- command on /api/risk-conferences/:id runs as a command on its case.
create function frid_risk_conference_case(p_conference uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select case_id from risk_conference where id = p_conference and org_id = frid_org()
$$;
create function frid_risk_conference_action_case(p_action uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select case_id from risk_conference_action where id = p_action and org_id = frid_org()
$$;
-- The day of a person's latest conference in any case (the repeat flag looks across cases,
-- some of which the worker may not open): a date only, asked after the caller's case check.
create function frid_last_risk_conference(p_person uuid, p_except uuid) returns date
language sql stable security definer set search_path = public as $$
  select max(coalesce(meeting_on, referred_on)) from risk_conference
   where person_id = p_person and org_id = frid_org()
     and (p_except is null or id <> p_except)
$$;
grant execute on function frid_risk_conference_case(uuid), frid_risk_conference_action_case(uuid),
  frid_last_risk_conference(uuid, uuid) to frid_app;

-- An action's owner may not work the case (it is on their Att göra all the same): for their
-- line, the conference's day and, for the audit trail only, the ids of the case's person and
-- unit. Only for an action the caller owns; nothing of the case's content.
create function frid_conference_action_trail(p_action uuid) returns json
language sql stable security definer set search_path = public as $$
  select json_build_object('day', coalesce(r.meeting_on, r.referred_on),
                           'person_id', c.person_id, 'unit_id', c.unit_id)
    from risk_conference_action a
    join risk_conference r on r.id = a.conference_id
    join "case" c on c.id = a.case_id
   where a.id = p_action and a.org_id = frid_org() and a.owner_user_id = frid_actor()
$$;
grant execute on function frid_conference_action_trail(uuid) to frid_app;
