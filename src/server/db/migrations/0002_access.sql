-- Frid 0002: accounts, roles, sessions, minimal persons and cases, need-to-know access,
-- barriers, the audit trail, and row-level security repeating the access rule.

-- The application's role. Roles are cluster-wide, so another Frid database on the same
-- server may have made it already (also at this very moment, hence unique_violation).
do $$
begin
  create role frid_app nologin;
exception when duplicate_object or unique_violation then null;
end $$;
-- Lets the connecting (owner) user switch to frid_app for all application work.
grant frid_app to current_user;

-- Accounts -------------------------------------------------------------------------------
alter table app_user
  add column password_hash   text,
  add column totp_secret     text,
  add column mfa_enrolled_at timestamptz,
  add column failed_logins   integer not null default 0,
  add column locked_until    timestamptz,
  add column last_login_at   timestamptz;

create table role_assignment (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisation (id),
  user_id     uuid not null references app_user (id),
  -- null: organisation-wide, only for administrators and analysts
  unit_id     uuid references unit (id),
  role        text not null check (role in ('caseworker', 'therapist', 'protection_officer',
                'unit_manager', 'administrator', 'analyst', 'consultant')),
  created_at  timestamptz not null default now(),
  created_by  uuid references app_user (id),
  check (unit_id is not null or role in ('administrator', 'analyst'))
);
create unique index role_assignment_unique_idx
  on role_assignment (user_id, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), role);
create index role_assignment_unit_idx on role_assignment (unit_id, role);

-- The session id itself is never stored: only its SHA-256, so a copy of the database
-- cannot be used to take over sessions.
create table session (
  id_hash             text primary key,
  user_id             uuid not null references app_user (id),
  org_id              uuid not null references organisation (id),
  state               text not null check (state in ('authenticated', 'mfa_required', 'mfa_enrolment_required')),
  csrf_token          text not null,
  pending_totp_secret text,
  created_at          timestamptz not null default now(),
  last_seen_at        timestamptz not null default now(),
  expires_at          timestamptz not null,
  revoked_at          timestamptz,
  client_address      text
);
create index session_user_idx on session (user_id);

-- Failed logins per username and per client address, whether or not the username exists.
create table login_throttle (
  key               text primary key,
  failures          integer not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until      timestamptz
);

-- Persons and cases ------------------------------------------------------------------------
alter table person add column created_by uuid references app_user (id);

-- Who registered (or re-registered) a person: they may see that person's identity.
create table person_registration (
  org_id     uuid not null references organisation (id),
  person_id  uuid not null references person (id),
  user_id    uuid not null references app_user (id),
  created_at timestamptz not null default now(),
  primary key (person_id, user_id)
);

create table case_reference_counter (
  org_id  uuid not null references organisation (id),
  year    integer not null,
  last    integer not null,
  primary key (org_id, year)
);

create table "case" (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  unit_id     uuid not null references unit (id),
  person_id   uuid not null references person (id),
  case_type   text not null check (case_type in ('adult_victim', 'child', 'perpetrator', 'partner')),
  status      text not null default 'open' check (status in ('open', 'closed')),
  reference   text not null,
  opened_at   timestamptz not null default now(),
  opened_by   uuid not null references app_user (id),
  closed_at   timestamptz,
  unique (org_id, reference)
);
create index case_person_idx on "case" (person_id);
create index case_unit_idx on "case" (unit_id);

create table case_assignment (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisation (id),
  case_id       uuid not null references "case" (id),
  user_id       uuid not null references app_user (id),
  assigned_at   timestamptz not null default now(),
  assigned_by   uuid not null references app_user (id),
  unassigned_at timestamptz,
  unassigned_by uuid references app_user (id)
);
create unique index case_assignment_active_idx on case_assignment (case_id, user_id) where unassigned_at is null;
create index case_assignment_user_idx on case_assignment (user_id, case_id);

-- Time-limited access for a stated reason (e.g. covering for a colleague).
create table access_grant (
  id         uuid primary key default gen_random_uuid(),
  org_id     uuid not null references organisation (id),
  case_id    uuid not null references "case" (id),
  user_id    uuid not null references app_user (id),
  reason     text not null check (length(reason) >= 10),
  granted_by uuid not null references app_user (id),
  granted_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  check (expires_at > granted_at)
);
create index access_grant_case_user_idx on access_grant (case_id, user_id);

-- Two cases whose workers must never overlap and never see each other's case
-- (partner contact: the perpetrator's therapist and the partner's worker).
create table barrier (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisation (id),
  case_a_id   uuid not null references "case" (id),
  case_b_id   uuid not null references "case" (id),
  reason      text not null,
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now(),
  check (case_a_id <> case_b_id)
);
create index barrier_a_idx on barrier (case_a_id);
create index barrier_b_idx on barrier (case_b_id);

-- Audit ----------------------------------------------------------------------------------
-- Append-only: the application may insert and read, never change or delete. No foreign
-- keys: the trail must outlive what it speaks of.
create table audit_event (
  id             bigint generated always as identity primary key,
  org_id         uuid,           -- null only for a login with an unknown username
  occurred_at    timestamptz not null default clock_timestamp(),
  actor_user_id  uuid,
  actor_role     text,
  unit_id        uuid,
  action         text not null,
  outcome        text not null check (outcome in ('allowed', 'denied')),
  resource_type  text not null,
  resource_id    text,
  person_id      uuid,
  reason         text,
  request_id     text,
  client_address text,
  data           jsonb not null default '{}'
);
create index audit_event_person_idx on audit_event (org_id, person_id, id);
create index audit_event_actor_idx on audit_event (org_id, actor_user_id, id);

-- The hash chain, per organisation ('system' for events without one), written by the
-- background sealer: hash = sha256(previous hash + the event's canonical text).
create table audit_seal (
  event_id   bigint primary key,
  chain      text not null,
  seq        bigint not null,
  prev_hash  text not null,
  hash       text not null,
  sealed_at  timestamptz not null default now(),
  unique (chain, seq)
);

-- The actor of the current transaction, set by the application (access/transaction.ts).
create function frid_actor() returns uuid language sql stable as
  $$ select nullif(current_setting('frid.user_id', true), '')::uuid $$;
create function frid_org() returns uuid language sql stable as
  $$ select nullif(current_setting('frid.org_id', true), '')::uuid $$;

-- Whether a user has ever worked a case on the other side of a barrier from this one
-- (the other case may be one the caller cannot see, hence security definer).
create function frid_barred(p_case uuid, p_user uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return exists (
    select 1 from barrier b
    join case_assignment o on o.case_id = case when b.case_a_id = p_case then b.case_b_id else b.case_a_id end
    where (b.case_a_id = p_case or b.case_b_id = p_case) and o.user_id = p_user
  );
end
$$;

-- The access rule, once, in SQL (the application's accessibleCases() says the same).
-- security definer: the rule reads assignments and roles whatever the caller may see.
-- plpgsql, not sql: PostgreSQL cannot inline a security-definer SQL function and would
-- plan its body again in every statement; plpgsql keeps the plans for the session
-- (bench:access measured about twice the throughput).
create function frid_can_see_case(p_case uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
declare
  actor uuid := frid_actor();
begin
  return exists (
    select 1 from "case" c
    where c.id = p_case
      and c.org_id = frid_org()
      and (
        exists (select 1 from case_assignment a
                where a.case_id = c.id and a.user_id = actor and a.unassigned_at is null)
        or exists (select 1 from role_assignment r
                   where r.user_id = actor and r.unit_id = c.unit_id and r.role = 'unit_manager')
        or exists (select 1 from access_grant g
                   where g.case_id = c.id and g.user_id = actor
                     and g.revoked_at is null and g.expires_at > now())
      )
      -- a barrier: whoever has ever worked the other side never sees this one
      and not frid_barred(c.id, actor)
  );
end
$$;

create function frid_can_see_person(p_person uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return exists (select 1 from person_registration r
                 where r.person_id = p_person and r.user_id = frid_actor() and r.org_id = frid_org())
      or exists (select 1 from "case" c where c.person_id = p_person and frid_can_see_case(c.id));
end
$$;

create function frid_has_unit_role(p_unit uuid, p_roles text[]) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r join unit u on u.id = r.unit_id
                 where r.user_id = frid_actor() and r.unit_id = p_unit and u.org_id = frid_org()
                   and r.role = any (p_roles))
$$;

-- Only the opener's own first assignment to a case nobody has worked on yet.
create function frid_is_first_assignment_by_opener(p_case uuid, p_user uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select p_user = frid_actor()
     and exists (select 1 from "case" c where c.id = p_case and c.opened_by = frid_actor())
     and not exists (select 1 from case_assignment a where a.case_id = p_case)
$$;

-- For the audit trail only: whose case a (possibly invisible) case id is.
create function frid_case_person(p_case uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select person_id from "case" where id = p_case and org_id = frid_org()
$$;

-- For registration only: the id of an existing person with this identity number, so a
-- second registration links to it instead of revealing, by an error, that it exists.
create function frid_person_id_by_identity(p_number text) returns uuid
language sql stable security definer set search_path = public as $$
  select id from person where org_id = frid_org() and identity_number = p_number
$$;

-- Row-level security -----------------------------------------------------------------------
alter table person enable row level security;
create policy person_select on person for select to frid_app using (frid_can_see_person(id));
create policy person_insert on person for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor());
create policy person_update on person for update to frid_app using (frid_can_see_person(id));

alter table person_registration enable row level security;
create policy person_registration_all on person_registration for all to frid_app
  using (org_id = frid_org() and user_id = frid_actor())
  with check (org_id = frid_org() and user_id = frid_actor());

alter table "case" enable row level security;
create policy case_select on "case" for select to frid_app using (frid_can_see_case(id));
create policy case_insert on "case" for insert to frid_app
  with check (org_id = frid_org() and opened_by = frid_actor()
              and frid_has_unit_role(unit_id, array['caseworker', 'therapist', 'protection_officer', 'unit_manager']));
create policy case_update on "case" for update to frid_app using (frid_can_see_case(id));

alter table case_assignment enable row level security;
create policy case_assignment_select on case_assignment for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_assignment_insert on case_assignment for insert to frid_app
  with check (org_id = frid_org() and (frid_can_see_case(case_id) or frid_is_first_assignment_by_opener(case_id, user_id)));
create policy case_assignment_update on case_assignment for update to frid_app
  using (frid_can_see_case(case_id));

alter table access_grant enable row level security;
create policy access_grant_select on access_grant for select to frid_app
  using (frid_can_see_case(case_id));
create policy access_grant_insert on access_grant for insert to frid_app
  with check (org_id = frid_org() and frid_can_see_case(case_id));

alter table barrier enable row level security;
create policy barrier_select on barrier for select to frid_app
  using (org_id = frid_org() and (frid_can_see_case(case_a_id) or frid_can_see_case(case_b_id)));
create policy barrier_insert on barrier for insert to frid_app
  with check (org_id = frid_org() and frid_can_see_case(case_a_id) and frid_can_see_case(case_b_id));

alter table audit_event enable row level security;
create policy audit_event_insert on audit_event for insert to frid_app
  with check (org_id is not distinct from frid_org());
create policy audit_event_select on audit_event for select to frid_app
  using (org_id is not distinct from frid_org());

-- Grants: what the application role may do at all ------------------------------------------
grant usage on schema public to frid_app;
grant select on organisation, unit, schema_migration, seed_run to frid_app;
grant insert on unit to frid_app;
grant select, insert, update on app_user, role_assignment, session, login_throttle to frid_app;
grant delete on role_assignment, login_throttle to frid_app;
grant select, insert, update on person, person_registration, case_reference_counter,
  "case", case_assignment, access_grant to frid_app;
grant select, insert on barrier to frid_app;
grant select, insert on audit_event, audit_seal to frid_app;
grant execute on function frid_actor(), frid_org(), frid_can_see_case(uuid), frid_can_see_person(uuid),
  frid_has_unit_role(uuid, text[]), frid_is_first_assignment_by_opener(uuid, uuid),
  frid_case_person(uuid), frid_person_id_by_identity(text), frid_barred(uuid, uuid) to frid_app;
