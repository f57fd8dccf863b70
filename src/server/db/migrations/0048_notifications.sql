-- Frid 0048 (issue 15, "Be told"): the notification centre's state per user, and the daily
-- e-mail digest.
--
-- Notifications themselves are not stored: they are computed at each read from the same lines
-- as Att göra (modules/worklist, shared/deadlines.ts), so they can never disagree with it or
-- outlive what they are about. What is stored is what the user did with one: its id (kind of
-- notice, kind of line, case, counted day — modules/notifications/ids.ts) once read, so that
-- "read" survives the recomputation. The ids name a case by its uuid only, never a person.

create table notification_read (
  org_id          uuid not null references organisation (id),
  user_id         uuid not null references app_user (id),
  notification_id text not null check (length(notification_id) between 1 and 200),
  read_at         timestamptz not null default now(),
  primary key (user_id, notification_id)
);

-- Whether a user wants the daily digest, and where to. Off unless the user turns it on; the
-- address is the user's own (app_user holds none).
create table notification_setting (
  user_id       uuid primary key references app_user (id),
  org_id        uuid not null references organisation (id),
  digest        boolean not null default false,
  digest_email  text check (digest_email is null or length(digest_email) between 3 and 254),
  updated_at    timestamptz not null default now(),
  check (not digest or digest_email is not null)
);

-- One digest per user and day (Swedish date): 'sending' while a server sends it (claimed, so
-- two servers never both send; a claim older than 15 minutes is a crashed sender's and may be
-- taken again), 'sent', or 'nothing' when there was nothing to tell. A failed send deletes its
-- claim, so the next round tries again.
create table notification_digest (
  user_id     uuid not null references app_user (id),
  org_id      uuid not null references organisation (id),
  day         date not null,
  state       text not null check (state in ('sending', 'sent', 'nothing')),
  claimed_at  timestamptz not null default now(),
  done_at     timestamptz,
  primary key (user_id, day)
);

-- A user's current assignments by when they were made: "a case assigned to me" reads the
-- recent ones without visiting every current assignment.
create index case_assignment_user_recent_idx on case_assignment (user_id, assigned_at)
  where unassigned_at is null;

-- Each user's own rows only, like person_registration (0002).
alter table notification_read enable row level security;
create policy notification_read_own on notification_read for all to frid_app
  using (org_id = frid_org() and user_id = frid_actor())
  with check (org_id = frid_org() and user_id = frid_actor());

alter table notification_setting enable row level security;
create policy notification_setting_own on notification_setting for all to frid_app
  using (org_id = frid_org() and user_id = frid_actor())
  with check (org_id = frid_org() and user_id = frid_actor());

alter table notification_digest enable row level security;
create policy notification_digest_own on notification_digest for all to frid_app
  using (org_id = frid_org() and user_id = frid_actor())
  with check (org_id = frid_org() and user_id = frid_actor());

grant select, insert, delete on notification_read to frid_app;
grant select, insert, update on notification_setting to frid_app;
grant select, insert, update, delete on notification_digest to frid_app;

-- The digest job runs outside any request: which active users want today's digest and have
-- none sent or being sent. Only ids leave it (no address): the job then acts as each user,
-- under that user's row-level security, for everything else.
create function frid_digests_due(p_day date) returns table (user_id uuid, org_id uuid)
language sql stable security definer set search_path = public as $$
  select s.user_id, s.org_id
    from notification_setting s
    join app_user u on u.id = s.user_id and u.active
   where s.digest
     and not exists (select 1 from notification_digest d
                      where d.user_id = s.user_id and d.day = p_day
                        and (d.state <> 'sending' or d.claimed_at > now() - interval '15 minutes'))
$$;
grant execute on function frid_digests_due(date) to frid_app;
