-- A logout message's id is the sender's choice: unique per provider and direction, not across
-- every provider. Keyed by the id alone, one organisation's IdP could take an id first and
-- make another's real LogoutRequest look like a replay.
alter table saml_logout_message drop constraint saml_logout_message_pkey;
alter table saml_logout_message add primary key (provider_id, direction, message_id);
