-- Frid 0103 (issue 21, items 1, 3, 4): logging in through the organisation's OpenID Connect
-- identity provider. Frid keeps which providers an organisation trusts, which identifier of
-- each account a provider's login is matched to, and whether local passwords are still
-- allowed. No account is ever created by a login: an administrator gives the identifiers.
--
-- Like app_user and session, these tables are read before anyone is logged in (the login
-- itself), so they carry no row-level security: the application scopes every statement to
-- the caller's organisation (modules/identity-providers/, auth/oidc/).

-- Organisation setting: may accounts log in with a password Frid keeps? Allowed until an
-- administrator turns it off; a break-glass administrator (app_user.break_glass) still may.
create table login_policy (
  org_id           uuid primary key references organisation (id),
  local_passwords  boolean not null default true,
  updated_by       uuid references app_user (id),
  updated_at       timestamptz not null default now()
);

-- The one local account per organisation kept for when the identity provider is down.
alter table app_user add column break_glass boolean not null default false;

create table identity_provider (
  id                 uuid primary key default gen_random_uuid(),
  org_id             uuid not null references organisation (id),
  display_name       text not null check (length(trim(display_name)) between 2 and 100),
  issuer             text not null check (issuer ~ '^https?://[^\s]+$' and length(issuer) <= 500),
  client_id          text not null check (length(client_id) between 1 and 200),
  -- The NAME of the environment variable holding the client secret, never the secret; the
  -- prefix keeps an administrator from sending another of Frid's settings to an issuer.
  -- Null: a public client (PKCE only).
  client_secret_env  text check (client_secret_env ~ '^FRID_OIDC_SECRET_[A-Z0-9_]{1,60}$'),
  scopes             text not null default 'openid'
                       check (scopes ~ '^openid( [A-Za-z0-9_:./-]{1,100}){0,20}$'),
  -- Which claim of the ID token names the person, and of which kind its value is.
  identifier_kind    text not null
                       check (identifier_kind in ('hsa_id', 'personal_identity_number', 'email', 'sub')),
  identifier_claim   text not null check (length(identifier_claim) between 1 and 200),
  -- The acr values accepted (e.g. http://id.elegnamnden.se/loa/1.0/loa3); none: no check.
  acr_values         text[] not null default '{}',
  enabled            boolean not null default true,
  created_by         uuid not null references app_user (id),
  created_at         timestamptz not null default now(),
  updated_by         uuid not null references app_user (id),
  updated_at         timestamptz not null default now(),
  unique (org_id, display_name)
);
create index identity_provider_org_idx on identity_provider (org_id);

-- An account's identifier of one kind. A personal identity number is stored only as a keyed
-- hash (a blind index, auth/oidc/identifiers.ts): equal numbers match, the number is never
-- written. A `sub` is unique only at its issuer, so it names its provider.
create table account_identifier (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisation (id),
  user_id      uuid not null references app_user (id),
  kind         text not null check (kind in ('hsa_id', 'personal_identity_number', 'email', 'sub')),
  value        text not null check (length(value) between 1 and 300),
  provider_id  uuid references identity_provider (id),
  created_by   uuid not null references app_user (id),
  created_at   timestamptz not null default now(),
  check ((kind = 'sub') = (provider_id is not null))
);
create unique index account_identifier_value_idx
  on account_identifier (org_id, kind, value, coalesce(provider_id, '00000000-0000-0000-0000-000000000000'));
create unique index account_identifier_user_idx
  on account_identifier (user_id, kind, coalesce(provider_id, '00000000-0000-0000-0000-000000000000'));

-- The organisation's key of the blind index: random, sealed under its data key
-- (db/sealed-columns.ts), so a copy of the database alone cannot test numbers against it.
create table identifier_key (
  org_id      uuid primary key references organisation (id),
  sealed_key  text not null,
  created_at  timestamptz not null default now()
);

-- A login begun at a provider and not yet returned: state (its hash), nonce and the PKCE
-- verifier stay on the server; the browser holds only a random binding in a cookie, so a
-- callback is accepted once, within ten minutes, in the browser that began it.
create table oidc_login_attempt (
  state_hash     text primary key,
  provider_id    uuid not null references identity_provider (id),
  org_id         uuid not null references organisation (id),
  browser_hash   text not null,
  nonce          text not null,
  code_verifier  text not null,
  redirect_uri   text not null,
  created_at     timestamptz not null default now(),
  expires_at     timestamptz not null,
  used_at        timestamptz
);
create index oidc_login_attempt_expires_idx on oidc_login_attempt (expires_at);

grant select, insert, update on login_policy, identity_provider to frid_app;
grant select, insert, delete on account_identifier to frid_app;
grant select, insert on identifier_key to frid_app;
grant select, insert, update, delete on oidc_login_attempt to frid_app;
