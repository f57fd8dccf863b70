-- Frid 0061 (issue 17, item 6): a safe first contact for young people — a chat a young person
-- opens from a public page without an account, answered by a unit's staff during set hours.
--
-- What is stored, and for how long (docs/security.md, "The young people's chat"):
-- * A conversation is found by the hash of a random token that only the young person's page
--   holds in memory; the token itself is never stored. No IP address, no browser detail, no
--   name: what she writes is all there is.
-- * A closed conversation and its messages are DELETED when its unit's rule says
--   (purge_after: closed_at + the unit's retention, default 24 hours), by frid_chat_purge(),
--   which the server runs every few minutes (modules/chat/purge-job.ts). What she agreed to
--   have carried into an intake lives on in the intake (report_text), not here.
-- * Staff see a conversation of a unit where they hold a chat role (every role but
--   administrator, analyst and shelter_staff), or of the unit it was handed over to.
-- * The young person's side has no actor: its transactions carry frid.chat_token (the hash of
--   her token), and the policies let such a transaction see and write its own conversation only.

create table chat_setting (
  unit_id          uuid primary key references unit (id),
  org_id           uuid not null references organisation (id),
  enabled          boolean not null default false,
  -- opening hours per weekday in Swedish time: [{ "weekday": 1..7 (Monday = 1), "from": "09:00",
  -- "to": "16:00" }] (shared/chat-hours.ts); days off are closed unless open_on_days_off
  hours            jsonb not null default '[]',
  open_on_days_off boolean not null default false,
  -- how long a closed conversation is kept: default 24 hours, at most 30 days
  retention_hours  integer not null default 24 check (retention_hours between 1 and 720),
  welcome_text     text check (welcome_text is null or length(welcome_text) <= 2000),
  updated_by       uuid references app_user (id),
  updated_at       timestamptz not null default now()
);

create table chat_conversation (
  id                uuid primary key,
  org_id            uuid not null references organisation (id),
  unit_id           uuid not null references unit (id),
  -- sha-256 (hex) of the token her page holds; never the token
  token_hash        text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  status            text not null default 'waiting' check (status in ('waiting', 'active', 'closed')),
  taken_by          uuid references app_user (id),
  started_at        timestamptz not null default now(),
  last_activity_at  timestamptz not null default now(),
  closed_at         timestamptz,
  closed_by         text check (closed_by is null or closed_by in ('staff', 'young', 'idle')),
  purge_after       timestamptz,
  -- consent to carry the conversation into an intake: who asked, when, her words quoted
  consent_asked_by  uuid references app_user (id),
  consent_at        timestamptz,
  consent_words     text check (consent_words is null or length(trim(consent_words)) between 1 and 1000),
  -- handed over to social services (a child or adult services unit), with consent recorded
  handed_to_unit_id uuid references unit (id),
  handed_by         uuid references app_user (id),
  handed_at         timestamptz,
  intake_id         uuid references intake (id),
  constraint chat_conversation_closed check (
    (status = 'closed') = (closed_at is not null and closed_by is not null and purge_after is not null)),
  constraint chat_conversation_taken check ((status = 'active') = (taken_by is not null)),
  constraint chat_conversation_consent check (
    (consent_at is null) = (consent_asked_by is null) and (consent_at is null) = (consent_words is null)),
  constraint chat_conversation_handover check (
    handed_to_unit_id is null or (consent_at is not null and handed_by is not null and handed_at is not null)),
  constraint chat_conversation_intake check (intake_id is null or consent_at is not null)
);
create index chat_conversation_queue on chat_conversation (unit_id, status, started_at);
create index chat_conversation_handed on chat_conversation (handed_to_unit_id) where handed_to_unit_id is not null;
create index chat_conversation_purge on chat_conversation (purge_after) where purge_after is not null;
create index chat_conversation_idle on chat_conversation (last_activity_at) where status <> 'closed';

create table chat_message (
  id              uuid primary key,
  org_id          uuid not null references organisation (id),
  conversation_id uuid not null references chat_conversation (id) on delete cascade,
  sender          text not null check (sender in ('young', 'staff')),
  author_id       uuid references app_user (id),
  body            text not null check (length(trim(body)) between 1 and 2000),
  sent_at         timestamptz not null default now(),
  constraint chat_message_author check ((sender = 'staff') = (author_id is not null))
);
create index chat_message_conversation on chat_message (conversation_id, sent_at);

-- The hash of the young person's token in this transaction (modules/chat/young.ts), or null.
create function frid_chat_token() returns text language sql stable as
  $$ select nullif(current_setting('frid.chat_token', true), '') $$;

-- Answers the unit's chat: any role there but administrator, analyst and shelter staff.
create function frid_chat_staff(p_unit uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select frid_has_unit_role(p_unit, array['caseworker', 'therapist', 'protection_officer',
                                          'unit_manager', 'consultant', 'housing_coordinator'])
$$;

-- The units whose chat is on, for the public page (no actor, no organisation set): names,
-- hours and welcome texts only.
create function frid_chat_units()
returns table (unit_id uuid, org_id uuid, unit_name text, hours jsonb, open_on_days_off boolean,
               welcome_text text)
language sql stable security definer set search_path = public as $$
  select s.unit_id, s.org_id, u.name, s.hours, s.open_on_days_off, s.welcome_text
    from chat_setting s join unit u on u.id = s.unit_id
   where s.enabled
   order by u.name
$$;

-- Closing sets when, and until when the conversation is kept: the unit's rule at that moment.
create function frid_chat_closing() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  if new.status = 'closed' and old.status <> 'closed' then
    new.closed_at := coalesce(new.closed_at, now());
    new.purge_after := new.closed_at + make_interval(hours => coalesce(
      (select s.retention_hours from chat_setting s where s.unit_id = new.unit_id), 24));
  end if;
  return new;
end
$$;
create trigger chat_conversation_closing before update on chat_conversation
  for each row execute function frid_chat_closing();

-- The organisation of the conversation a token's hash opens (the young person's side knows
-- no organisation); null for none.
create function frid_chat_org(p_token_hash text) returns uuid
language sql stable security definer set search_path = public as $$
  select c.org_id from chat_conversation c where c.token_hash = p_token_hash
$$;

-- Deletes every conversation whose time has come (and its messages, on delete cascade);
-- first closes those nobody has touched for p_idle (she left without the quick exit). Run by
-- the server's purge job; answers how many were deleted.
create function frid_chat_purge(p_now timestamptz, p_idle interval) returns integer
language plpgsql volatile security definer set search_path = public as $$
declare
  deleted integer;
begin
  update chat_conversation c
     set status = 'closed', taken_by = null, closed_at = p_now, closed_by = 'idle'
   where c.status <> 'closed' and c.last_activity_at < p_now - p_idle;
  delete from chat_conversation where purge_after <= p_now;
  get diagnostics deleted = row_count;
  return deleted;
end
$$;

grant execute on function frid_chat_token(), frid_chat_staff(uuid), frid_chat_units(),
  frid_chat_org(text), frid_chat_purge(timestamptz, interval) to frid_app;

grant select, insert, update on chat_setting, chat_conversation to frid_app;
grant select, insert on chat_message to frid_app;

alter table chat_setting enable row level security;
create policy chat_setting_select on chat_setting for select to frid_app
  using (org_id = frid_org() and frid_chat_staff(unit_id));
create policy chat_setting_insert on chat_setting for insert to frid_app
  with check (org_id = frid_org() and updated_by = frid_actor()
              and frid_has_unit_role(unit_id, array['unit_manager']));
create policy chat_setting_update on chat_setting for update to frid_app
  using (org_id = frid_org() and frid_has_unit_role(unit_id, array['unit_manager']))
  with check (org_id = frid_org() and updated_by = frid_actor());

alter table chat_conversation enable row level security;
-- Staff of its unit or of the unit it was handed to; or the young person by her token.
create policy chat_conversation_select on chat_conversation for select to frid_app
  using (org_id = frid_org()
         and (frid_chat_staff(unit_id)
              or (handed_to_unit_id is not null and frid_chat_staff(handed_to_unit_id))
              or (frid_actor() is null and token_hash = frid_chat_token())));
-- Only the young person starts one, in a unit whose chat is on.
create policy chat_conversation_insert on chat_conversation for insert to frid_app
  with check (org_id = frid_org() and frid_actor() is null and token_hash = frid_chat_token()
              and status = 'waiting'
              and exists (select 1 from frid_chat_units() u
                           where u.unit_id = chat_conversation.unit_id and u.org_id = frid_org()));
create policy chat_conversation_update on chat_conversation for update to frid_app
  using (org_id = frid_org()
         and (frid_chat_staff(unit_id)
              or (handed_to_unit_id is not null and frid_chat_staff(handed_to_unit_id))
              or (frid_actor() is null and token_hash = frid_chat_token())))
  with check (org_id = frid_org());

alter table chat_message enable row level security;
create policy chat_message_select on chat_message for select to frid_app
  using (org_id = frid_org()
         and exists (select 1 from chat_conversation c where c.id = conversation_id));
-- She writes in her open conversation; staff write as themselves in one they see.
create policy chat_message_insert on chat_message for insert to frid_app
  with check (org_id = frid_org()
              and exists (select 1 from chat_conversation c
                           where c.id = conversation_id and c.status <> 'closed')
              and case when sender = 'young' then frid_actor() is null and author_id is null
                       else author_id = frid_actor() end);
