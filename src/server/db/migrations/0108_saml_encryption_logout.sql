-- Frid 0108 (issue 21, items 2 and 5 for SAML): encrypted assertions and single logout.
--
-- Frid's own SAML key pair (it signs Frid's requests; IdPs encrypt assertions to it) is read
-- from files named in the configuration, never kept here (ADR 0032).
--
-- saml_want_encrypted: the provider's assertions must come encrypted to Frid's certificate
--   (the Swedish eID framework's profile); a plain one is refused even when signed.
-- saml_slo_url: the IdP's single logout address (HTTP-Redirect binding); null: it offers
--   none, and a logout from Frid leaves the IdP's own session open (the person is told).
alter table identity_provider
  add column saml_want_encrypted boolean not null default false,
  add column saml_slo_url text
    check (saml_slo_url ~ '^https?://[^\s]+$' and length(saml_slo_url) <= 500);
alter table identity_provider add constraint identity_provider_saml_logout_fields
  check (protocol = 'saml' or (saml_want_encrypted = false and saml_slo_url is null));

-- A SAML session's NameID is kept as provider_sub and its SessionIndex as provider_sid (the
-- columns 0107 made for the OIDC sub and sid); the NameID's Format and qualifiers are kept
-- beside them, since a LogoutRequest must name the person exactly as the assertion did.
alter table session add column provider_name_id_format text
  check (length(provider_name_id_format) between 1 and 200);
alter table session add column provider_name_qualifier text
  check (length(provider_name_qualifier) between 1 and 500);
alter table session add column provider_sp_name_qualifier text
  check (length(provider_sp_name_qualifier) between 1 and 500);

-- Single logout messages: the LogoutRequests Frid sent (their id is the IdP's answer's
-- InResponseTo: answered once, within ten minutes) and the IdP's LogoutRequests Frid acted
-- on (an id seen before is a replay). Old rows are deleted as new ones come.
create table saml_logout_message (
  message_id   text primary key check (length(message_id) between 1 and 200),
  direction    text not null check (direction in ('sent', 'received')),
  provider_id  uuid not null references identity_provider (id),
  org_id       uuid not null references organisation (id),
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  answered_at  timestamptz
);
create index saml_logout_message_expires_idx on saml_logout_message (expires_at);

grant select, insert, update, delete on saml_logout_message to frid_app;
