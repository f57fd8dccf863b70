-- Frid 0020: treatment of people who use violence, and partner contact behind an information
-- barrier (seed 004). The perpetrator's side keeps the treatment, its sessions, the partner
-- contact consent and which partners are covered — never their contact details, which live
-- on the partner's own case, on the other side of a barrier. Only structured barrier events
-- (no free text column exists to put words in) cross from one side to the other.

-- The glossary's name for the partner's case.
alter table "case" drop constraint case_case_type_check;
update "case" set case_type = 'partner_contact' where case_type = 'partner';
alter table "case" add constraint case_case_type_check
  check (case_type in ('adult_victim', 'child', 'perpetrator', 'partner_contact'));
update instrument_version
   set definition = jsonb_set(definition, '{caseTypes}', (
     select jsonb_agg(case when v = '"partner"'::jsonb then '"partner_contact"'::jsonb else v end)
       from jsonb_array_elements(definition -> 'caseTypes') v))
 where definition -> 'caseTypes' ? 'partner';

-- Whoever has ever had access to one side — assigned, or granted for a while — never sees,
-- nor is assigned or granted, the other (the access issue counted assignments only).
create or replace function frid_barred(p_case uuid, p_user uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return exists (
    select 1 from barrier b
    join case_assignment o on o.case_id = case when b.case_a_id = p_case then b.case_b_id else b.case_a_id end
    where (b.case_a_id = p_case or b.case_b_id = p_case) and o.user_id = p_user
  ) or exists (
    select 1 from barrier b
    join access_grant g on g.case_id = case when b.case_a_id = p_case then b.case_b_id else b.case_a_id end
    where (b.case_a_id = p_case or b.case_b_id = p_case) and g.user_id = p_user
  );
end
$$;

-- Closing reasons of a treatment.
alter table "case" drop constraint case_closed_reason_check;
alter table "case" add constraint case_closed_reason_check check (closed_reason in
  ('goal_reached', 'no_investigation_opened', 'needs_met_elsewhere', 'client_declined', 'moved',
   'other', 'treatment_completed', 'treatment_dropped_out', 'treatment_ended_by_unit'));
alter table case_status_change drop constraint case_status_change_trigger_code_check;
alter table case_status_change add constraint case_status_change_trigger_code_check
  check (trigger_code in ('intake_application', 'intake_report_of_concern', 'treatment_registered',
                          'treatment_started', 'treatment_ended'));

-- The treatment of a person who uses violence: one per perpetrator case.
create table treatment (
  case_id               uuid primary key references "case" (id),
  org_id                uuid not null references organisation (id),
  referral_source       text not null check (referral_source in ('self', 'social_services', 'police_probation')),
  referred_on           date not null,
  phase                 text not null default 'assessment' check (phase in ('assessment', 'treatment', 'ended')),
  started_on            date,
  ended_on              date,
  end_kind              text check (end_kind in ('completed', 'dropped_out', 'ended_by_unit')),
  end_reason            text,
  ended_by              uuid references app_user (id),
  -- Partner contact: when he was told about it (seed 004: at the first contact if possible).
  partner_info_given_on date,
  recorded_by           uuid not null references app_user (id),
  recorded_at           timestamptz not null default now(),
  check ((phase = 'assessment') = (started_on is null) or phase = 'ended'),
  check ((phase = 'ended') = (ended_on is not null)),
  check ((ended_on is null) = (end_kind is null) and (ended_on is null) = (ended_by is null)),
  check (ended_on is null or length(trim(end_reason)) > 0)
);

create table treatment_session (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisation (id),
  case_id     uuid not null references treatment (case_id),
  held_on     date not null,
  attendance  text not null check (attendance in ('attended', 'cancelled', 'no_show')),
  recorded_by uuid not null references app_user (id),
  recorded_at timestamptz not null default now()
);
create index treatment_session_case_idx on treatment_session (case_id, held_on);

-- A (former) partner covered by the partner contact, on the perpetrator's side: who she is
-- to him, and either the partner case opened for her (behind a barrier) or the exception
-- that means she is not contacted. Her name and contact details are on her own case only.
create table partner (
  id               uuid primary key,
  org_id           uuid not null references organisation (id),
  case_id          uuid not null references treatment (case_id),
  relationship     text not null check (relationship in ('current', 'former')),
  exception_kind   text check (exception_kind in ('sheltered_housing', 'abroad', 'long_ended', 'controlling_pattern')),
  exception_reason text,
  team_decided_on  date,
  partner_case_id  uuid references "case" (id),
  barrier_id       uuid references barrier (id),
  recorded_by      uuid not null references app_user (id),
  recorded_at      timestamptz not null default now(),
  check ((exception_kind is null) = (partner_case_id is not null)),
  check ((partner_case_id is null) = (barrier_id is null)),
  check (exception_kind is null or length(trim(exception_reason)) > 0),
  check (exception_kind is distinct from 'controlling_pattern' or team_decided_on is not null)
);
create index partner_case_idx on partner (case_id);

-- His consent to partner contact is a consent record of its own, one per partner covered.
alter table consent alter column decision_id drop not null;
alter table consent drop constraint consent_scope_check;
alter table consent add column partner_id uuid references partner (id);
alter table consent add constraint consent_scope_check check (
  (scope = 'child_sheltered_housing' and decision_id is not null and partner_id is null) or
  (scope = 'partner_contact' and decision_id is null and partner_id is not null));

-- He refused: the team decides whether treatment continues, and the decision is recorded.
create table partner_contact_refusal (
  case_id            uuid primary key references treatment (case_id),
  org_id             uuid not null references organisation (id),
  refused_on         date not null,
  team_decided_on    date not null,
  continue_treatment boolean not null,
  reasoning          text not null check (length(trim(reasoning)) > 0),
  recorded_by        uuid not null references app_user (id),
  recorded_at        timestamptz not null default now()
);

-- What crosses a barrier: a kind, a day and (for a risk alert) a level. No free text.
create table barrier_event (
  id              uuid primary key,
  org_id          uuid not null references organisation (id),
  barrier_id      uuid not null references barrier (id),
  from_case_id    uuid not null references "case" (id),
  to_case_id      uuid not null references "case" (id),
  kind            text not null check (kind in ('treatment_started', 'absence', 'treatment_interrupted',
                                                 'treatment_completed', 'consent_withdrawn', 'risk_alert')),
  event_on        date not null,
  level           text check (level in ('medium', 'high', 'very_high')),
  created_by      uuid not null references app_user (id),
  created_at      timestamptz not null default now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid references app_user (id),
  check ((kind = 'risk_alert') = (level is not null)),
  check ((acknowledged_at is null) = (acknowledged_by is null)),
  check (from_case_id <> to_case_id)
);
create index barrier_event_to_idx on barrier_event (to_case_id, created_at);
create index barrier_event_from_idx on barrier_event (from_case_id, created_at);

-- A risk alert's reason in words stays on the sender's side.
create table risk_alert_reason (
  event_id uuid primary key references barrier_event (id),
  org_id   uuid not null references organisation (id),
  case_id  uuid not null references "case" (id),
  reason   text not null check (length(trim(reason)) > 0)
);

-- Whether a barrier joins these two cases (the sender may not see the receiving case).
create function frid_barrier_joins(p_barrier uuid, p_from uuid, p_to uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from barrier b where b.id = p_barrier and b.org_id = frid_org()
                 and ((b.case_a_id = p_from and b.case_b_id = p_to)
                   or (b.case_b_id = p_from and b.case_a_id = p_to)))
$$;

-- The partner's own case: what he told about how to reach her (stored here, on her side,
-- only), and how the partner contact goes. Her worker records the rest.
create table partner_contact (
  case_id           uuid primary key references "case" (id),
  org_id            uuid not null references organisation (id),
  relationship      text not null check (relationship in ('current', 'former')),
  given_phone       text,
  given_address     text,
  given_email       text,
  created_by        uuid not null references app_user (id),
  created_at        timestamptz not null default now()
);

-- Opening the partner's case: the therapist opens it (on the treatment unit) but is never
-- assigned and must not see it afterwards, so its first rows are written for a case they
-- cannot see — only for a partner_contact case they opened that nobody has worked yet.
create function frid_new_partner_case(p_case uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from "case" c where c.id = p_case and c.org_id = frid_org()
                 and c.case_type = 'partner_contact' and c.opened_by = frid_actor())
     and not exists (select 1 from case_assignment a where a.case_id = p_case)
     and not exists (select 1 from access_grant g where g.case_id = p_case)
$$;
create function frid_unbarred(p_case uuid) returns boolean
language sql stable security definer set search_path = public as $$
  select not exists (select 1 from barrier b where b.case_a_id = p_case or b.case_b_id = p_case)
$$;
drop policy barrier_insert on barrier;
create policy barrier_insert on barrier for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(case_a_id)
              and (frid_can_see_case(case_b_id)
                   or (frid_new_partner_case(case_b_id) and frid_unbarred(case_b_id))));

alter table treatment enable row level security;
alter table treatment_session enable row level security;
alter table partner enable row level security;
alter table partner_contact_refusal enable row level security;
alter table barrier_event enable row level security;
alter table risk_alert_reason enable row level security;
alter table partner_contact enable row level security;

create policy partner_contact_select on partner_contact for select to frid_app
  using (frid_can_see_case(case_id));
create policy partner_contact_insert on partner_contact for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_new_partner_case(case_id)
              and frid_unbarred(case_id));
grant select, insert on partner_contact to frid_app;

create policy treatment_select on treatment for select to frid_app using (frid_can_see_case(case_id));
create policy treatment_insert on treatment for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
create policy treatment_update on treatment for update to frid_app
  using (frid_can_see_case(case_id) and phase <> 'ended') with check (frid_can_see_case(case_id));
grant select, insert on treatment to frid_app;
grant update (phase, started_on, ended_on, end_kind, end_reason, ended_by, partner_info_given_on)
  on treatment to frid_app;

create policy treatment_session_select on treatment_session for select to frid_app
  using (frid_can_see_case(case_id));
create policy treatment_session_insert on treatment_session for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on treatment_session to frid_app;

create policy partner_select on partner for select to frid_app using (frid_can_see_case(case_id));
create policy partner_insert on partner for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on partner to frid_app;

create policy partner_contact_refusal_select on partner_contact_refusal for select to frid_app
  using (frid_can_see_case(case_id));
create policy partner_contact_refusal_insert on partner_contact_refusal for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on partner_contact_refusal to frid_app;

-- Either side sees the events it sent and received; only the receiving side acknowledges.
create policy barrier_event_select on barrier_event for select to frid_app
  using (org_id = frid_org() and (frid_can_see_case(from_case_id) or frid_can_see_case(to_case_id)));
create policy barrier_event_insert on barrier_event for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(from_case_id)
              and frid_barrier_joins(barrier_id, from_case_id, to_case_id));
create policy barrier_event_update on barrier_event for update to frid_app
  using (frid_can_see_case(to_case_id) and acknowledged_at is null)
  with check (acknowledged_by = frid_actor() and frid_can_see_case(to_case_id));
grant select, insert on barrier_event to frid_app;
grant update (acknowledged_at, acknowledged_by) on barrier_event to frid_app;

create policy risk_alert_reason_select on risk_alert_reason for select to frid_app
  using (frid_can_see_case(case_id));
create policy risk_alert_reason_insert on risk_alert_reason for insert to frid_app
  with check (org_id = frid_org() and frid_can_see_case(case_id));
grant select, insert on risk_alert_reason to frid_app;

grant execute on function frid_barrier_joins(uuid, uuid, uuid), frid_new_partner_case(uuid),
  frid_unbarred(uuid) to frid_app;
