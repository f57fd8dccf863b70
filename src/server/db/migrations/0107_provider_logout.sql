-- Frid 0107 (issue 21, item 5): logging out at the identity provider.
--
-- A session begun through a provider remembers which provider, and the ID token's `sid`
-- (the provider's session) and `sub` (the person at the provider): a back-channel logout
-- names one or both, and every Frid session they match is ended. The ID token itself is
-- not kept (it may carry a personal identity number, which Frid never stores): the
-- RP-initiated logout names Frid by its client id instead of an id_token_hint (ADR 0028).
alter table session add column provider_id uuid references identity_provider (id);
alter table session add column provider_sid text check (length(provider_sid) between 1 and 500);
alter table session add column provider_sub text check (length(provider_sub) between 1 and 500);
alter table session add constraint session_provider_claims_check
  check (provider_id is not null or (provider_sid is null and provider_sub is null));
create index session_provider_sid_idx on session (provider_id, provider_sid)
  where provider_sid is not null;
create index session_provider_sub_idx on session (provider_id, provider_sub)
  where provider_sub is not null;

-- Back-channel logout tokens already acted on, by their `jti`: a token sent again is refused
-- (replay). Kept until the token's own expiry plus the clock tolerance, then deleted as new
-- tokens come (auth/oidc/backchannel.ts).
create table oidc_logout_token (
  provider_id  uuid not null references identity_provider (id),
  jti          text not null check (length(jti) between 1 and 500),
  seen_at      timestamptz not null default now(),
  forget_after timestamptz not null,
  primary key (provider_id, jti)
);
create index oidc_logout_token_forget_idx on oidc_logout_token (forget_after);

grant select, insert, delete on oidc_logout_token to frid_app;
