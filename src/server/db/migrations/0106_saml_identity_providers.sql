-- Frid 0106 (issue 21, item 2): logging in through an identity provider that speaks SAML 2.0
-- (the Swedish eID framework's profile; Sambi, Inera's IdP). A provider row is now of one
-- protocol. A SAML provider keeps the IdP's entity id, its single sign-on address
-- (HTTP-Redirect binding) and its signing certificates (public: several while the IdP
-- rotates). The columns both protocols share keep one meaning each:
--   identifier_kind / identifier_claim: which value names the person — an ID token's claim,
--     or a SAML attribute's name (e.g. urn:oid:1.2.752.29.4.13) or `NameID`;
--   acr_values: the assurance required — the ID token's acr, or the assertion's
--     AuthnContextClassRef (e.g. http://id.elegnamnden.se/loa/1.0/loa3).
-- The OIDC-only columns are null on a SAML row and the SAML-only ones on an OIDC row; the
-- CHECK holds each protocol's required fields.

alter table identity_provider
  add column protocol text not null default 'oidc' check (protocol in ('oidc', 'saml')),
  add column saml_entity_id text check (length(saml_entity_id) between 1 and 500),
  add column saml_sso_url text
    check (saml_sso_url ~ '^https?://[^\s]+$' and length(saml_sso_url) <= 500),
  add column saml_certificates text[]
    check (cardinality(saml_certificates) between 1 and 5);

alter table identity_provider alter column issuer drop not null;
alter table identity_provider alter column client_id drop not null;

alter table identity_provider add constraint identity_provider_protocol_fields check (
  case protocol
    when 'oidc' then issuer is not null and client_id is not null
      and saml_entity_id is null and saml_sso_url is null and saml_certificates is null
    when 'saml' then saml_entity_id is not null and saml_sso_url is not null
      and saml_certificates is not null
      and issuer is null and client_id is null and client_secret_env is null
  end
);

-- A SAML login begun and not yet returned. The AuthnRequest's id (the answer's InResponseTo)
-- stays here; the browser carries the RelayState (found by its hash) and a random binding in
-- a cookie, so an answer is accepted once, within ten minutes, in the browser that asked.
create table saml_login_attempt (
  relay_state_hash  text primary key,
  request_id        text not null unique check (length(request_id) between 1 and 100),
  provider_id       uuid not null references identity_provider (id),
  org_id            uuid not null references organisation (id),
  browser_hash      text not null,
  created_at        timestamptz not null default now(),
  expires_at        timestamptz not null,
  used_at           timestamptz
);
create index saml_login_attempt_expires_idx on saml_login_attempt (expires_at);

-- Every assertion accepted, until it could no longer be accepted anyway (its
-- NotOnOrAfter): the same assertion posted again — from a proxy's log, a browser's history —
-- is a replay and refused. One id is accepted once, whichever provider sent it.
create table saml_assertion_seen (
  assertion_id     text primary key check (length(assertion_id) between 1 and 200),
  provider_id      uuid not null references identity_provider (id),
  not_on_or_after  timestamptz not null,
  seen_at          timestamptz not null default now()
);
create index saml_assertion_seen_expiry_idx on saml_assertion_seen (not_on_or_after);

grant select, insert, update, delete on saml_login_attempt to frid_app;
grant select, insert, delete on saml_assertion_seen to frid_app;
