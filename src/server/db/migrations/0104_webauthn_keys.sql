-- Frid 0104 (issue 21, item 6): security keys and passkeys (WebAuthn) as the second factor of
-- a local account, beside or instead of the one-time code (ADR 0029).

-- A user's keys. Only the public key is kept: a copy of the database lets no one log in.
-- The counter is the authenticator's signature count: one that goes backwards is a cloned
-- key, and its login is refused.
create table webauthn_credential (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisation (id),
  user_id       uuid not null references app_user (id),
  -- base64url, as the browser sends it; one key belongs to one account only.
  credential_id text not null unique check (length(credential_id) between 16 and 1400),
  public_key    bytea not null,
  counter       bigint not null default 0 check (counter >= 0),
  transports    text[] not null default '{}',
  device_type   text not null check (device_type in ('singleDevice', 'multiDevice')),
  backed_up     boolean not null,
  name          text not null check (length(name) between 1 and 60),
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz
);
create index webauthn_credential_user_idx on webauthn_credential (user_id);

-- The challenge a key must sign, kept on the server and bound to the session that asked for
-- it: one per session and purpose (a new request replaces the old), deleted when it is used,
-- so it can be answered once, and only before expires_at.
create table webauthn_challenge (
  session_id_hash text not null references session (id_hash) on delete cascade,
  purpose         text not null check (purpose in ('registration', 'authentication')),
  challenge       text not null,
  expires_at      timestamptz not null,
  primary key (session_id_hash, purpose)
);

-- As the other login tables (app_user, session, login_throttle): no row-level security, the
-- application reads them only for the session's own user.
grant select, insert, update, delete on webauthn_credential, webauthn_challenge to frid_app;
