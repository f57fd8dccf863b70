-- Frid 0067: SIP, the coordinated individual plan (samordnad individuell plan; issue 18, item 6).
-- Made with the region, and only with the person's consent: every agency the plan is shared
-- with is joined by a consent to share naming that agency (coordinated_plan_agency, one row per
-- agency, never removed: who took part stays on record). The plan itself — the participants,
-- her own goals in her words, each agency's responsibilities with due dates, the meetings, the
-- follow-up and who coordinates — is edited as a whole, the way the safety plan is: one
-- document with a version, a save from a stale version refused (409). Its lists are JSON
-- validated by the API (shared/api/coordinated-plans.ts); what points into the directory or
-- the staff is checked by the service when it is saved.
create table coordinated_plan (
  id                  uuid primary key,
  org_id              uuid not null references organisation (id),
  case_id             uuid not null references "case" (id),
  person_id           uuid not null references person (id),
  opened_on           date not null,
  goals               jsonb not null default '[]',
  participants        jsonb not null default '[]',
  responsibilities    jsonb not null default '[]',
  meetings            jsonb not null default '[]',
  coordinator_key     text check (coordinator_key is null or length(coordinator_key) between 1 and 40),
  follow_up_on        date,
  followed_up_on      date,
  follow_up_findings  text not null default '' check (length(follow_up_findings) <= 4000),
  version             integer not null default 1,
  created_by          uuid not null references app_user (id),
  created_at          timestamptz not null default now(),
  updated_by          uuid not null references app_user (id),
  updated_at          timestamptz not null default now(),
  check (jsonb_typeof(goals) = 'array' and jsonb_typeof(participants) = 'array'
         and jsonb_typeof(responsibilities) = 'array' and jsonb_typeof(meetings) = 'array'),
  check (followed_up_on is null or followed_up_on >= opened_on)
);
create index coordinated_plan_case_idx on coordinated_plan (case_id);

-- The agencies a plan is shared with, each on its own consent (checked with
-- requireValidConsent when the agency joins, and again before every print).
create table coordinated_plan_agency (
  id           uuid primary key,
  org_id       uuid not null references organisation (id),
  plan_id      uuid not null references coordinated_plan (id),
  case_id      uuid not null references "case" (id),
  agency_id    uuid not null references agency (id),
  consent_id   uuid not null references consent (id),
  joined_on    date not null,
  recorded_by  uuid not null references app_user (id),
  recorded_at  timestamptz not null default now(),
  unique (plan_id, agency_id)
);
create index coordinated_plan_agency_consent_idx on coordinated_plan_agency (consent_id);

alter table coordinated_plan enable row level security;
alter table coordinated_plan_agency enable row level security;
create policy coordinated_plan_select on coordinated_plan for select to frid_app
  using (frid_can_see_case(case_id));
create policy coordinated_plan_insert on coordinated_plan for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and updated_by = frid_actor()
              and frid_can_see_case(case_id));
create policy coordinated_plan_update on coordinated_plan for update to frid_app
  using (frid_can_see_case(case_id))
  with check (org_id = frid_org() and updated_by = frid_actor() and frid_can_see_case(case_id));
create policy coordinated_plan_agency_select on coordinated_plan_agency for select to frid_app
  using (frid_can_see_case(case_id));
create policy coordinated_plan_agency_insert on coordinated_plan_agency for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert, update on coordinated_plan to frid_app;
grant select, insert on coordinated_plan_agency to frid_app;
