-- Frid 0001: tenants, units, users and the minimal person record.
-- Every tenant-owned table carries org_id (architecture: sharding by organisation later).

create table organisation (
  id          uuid primary key default gen_random_uuid(),
  name        text not null,
  -- kommun, region, stiftelse, förening
  kind        text not null check (kind in ('municipality', 'region', 'foundation', 'association')),
  created_at  timestamptz not null default now()
);

create table unit (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisation (id),
  name        text not null,
  -- what the unit does; more kinds come with the county resource function and shelters
  kind        text not null check (kind in ('adult_services', 'child_services', 'crisis_centre', 'resource_function')),
  created_at  timestamptz not null default now(),
  unique (org_id, name)
);
create index unit_org_idx on unit (org_id);

-- "user" is a reserved word in PostgreSQL.
create table app_user (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisation (id),
  username      text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name  text not null,
  active        boolean not null default true,
  created_at    timestamptz not null default now()
);
create index app_user_org_idx on app_user (org_id);

create table person (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references organisation (id),
  identity_kind    text not null check (identity_kind in
                     ('personal_identity_number', 'coordination_number', 'reserve_number', 'unidentified')),
  -- twelve digits for personal identity and coordination numbers; null when unidentified
  identity_number  text,
  given_name       text not null,
  family_name      text not null,
  birth_date       date,
  -- for statistics only
  sex              text not null default 'unknown' check (sex in ('female', 'male', 'other', 'unknown')),
  protection_level text not null default 'none' check (protection_level in
                     ('none', 'confidentiality_marking', 'protected_registration', 'fictitious_identity')),
  created_at       timestamptz not null default now(),
  check ((identity_kind = 'unidentified') = (identity_number is null))
);
create unique index person_identity_idx on person (org_id, identity_number) where identity_number is not null;
create index person_org_idx on person (org_id);

-- Records which demo-data steps have run, so the seed runs once and never twice.
create table seed_run (
  name        text primary key,
  applied_at  timestamptz not null default now()
);
