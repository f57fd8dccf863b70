-- Frid 0074 (issue 19, item 4, the shared ground): each organisation's data keys for the
-- contact details Frid encrypts in the application (src/server/crypto: AES-256-GCM, each
-- value naming its key). A data key is stored only wrapped by the key-encryption key, which
-- lives outside the database (configuration or a key service): a dump or a backup holds
-- neither a usable key nor a readable address. One active key per organisation and purpose;
-- during a rotation the old one stays 'decrypt_only' until no value uses it, then 'retired'.
--
-- The application's role never reads this table: the keys are loaded once at start over the
-- owner connection (db/data-keys.ts) and held in memory. No grant, and row-level security
-- on without a policy, so even a mistaken grant shows nothing.

create table data_key (
  id          uuid primary key,
  org_id      uuid not null references organisation (id),
  purpose     text not null default 'contact' check (purpose in ('contact')),
  wrapped     bytea not null,
  kek_id      text not null check (length(kek_id) between 1 and 100),
  state       text not null check (state in ('active', 'decrypt_only', 'retired')),
  created_at  timestamptz not null default now(),
  retired_at  timestamptz,
  check ((state = 'retired') = (retired_at is not null))
);
create unique index data_key_one_active on data_key (org_id, purpose) where state = 'active';
alter table data_key enable row level security;
revoke all on data_key from public;
