-- Frid 0021: the partner's side of partner contact, and tasks that a crossing puts there.
-- Her worker tries to reach her (letter, SMS or phone, within her safe-contact
-- instructions) and records each attempt's outcome; offers her own support (in house or a
-- referral). When his treatment ends, the crossing event itself puts two tasks on her case:
-- the closing conversation (offered within a week), and a follow-up contact some months later (per unit, default 6).

-- SMS is its own question in the safe-contact instructions (a text can be read by whoever
-- holds her phone); the instructions are jsonb, so older rows simply have no answer yet.

create table partner_contact_attempt (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisation (id),
  case_id      uuid not null references partner_contact (case_id),
  method       text not null check (method in ('letter', 'sms', 'phone')),
  attempted_on date not null,
  outcome      text not null check (outcome in ('accepted', 'declined', 'not_reachable', 'later_accepted', 'sent')),
  recorded_by  uuid not null references app_user (id),
  recorded_at  timestamptz not null default now()
);
create index partner_contact_attempt_case_idx on partner_contact_attempt (case_id, attempted_on);

alter table partner_contact
  add column own_support       text check (own_support in ('in_house', 'referral', 'declined')),
  add column own_support_note  text,
  add column own_support_on    date,
  add constraint partner_contact_support_note check (
    own_support is distinct from 'referral' or length(trim(own_support_note)) > 0),
  add constraint partner_contact_support_on check ((own_support is null) = (own_support_on is null));

-- Months after his treatment ends until her worker contacts her again.
alter table unit add column partner_follow_up_months integer not null default 6
  check (partner_follow_up_months between 1 and 24);

-- Tasks: new kinds; a date when the rule sets one; no author when a crossing creates it (the
-- other side's worker must not be named on her case); a report of concern's facts.
alter table case_task drop constraint case_task_kind_check;
alter table case_task add constraint case_task_kind_check check (kind in (
  'assess_children_witnessed_violence', 'partner_closing_conversation', 'partner_follow_up',
  'report_child_concern'));
alter table case_task alter column created_by drop not null;
alter table case_task
  add column due_on date,
  add column concern text,
  add column report_on date,
  add column report_to text,
  add column report_reference text,
  add constraint case_task_report check (
    kind <> 'report_child_concern' or done_at is null
    or (report_on is not null and length(trim(report_to)) > 0 and length(trim(report_reference)) > 0)),
  add constraint case_task_concern check (kind <> 'report_child_concern' or length(trim(concern)) > 0);
-- A concern for a child can be raised more than once in a case; the other kinds stay once.
drop index case_task_kind_idx;
create unique index case_task_kind_idx on case_task (case_id, kind) where kind <> 'report_child_concern';
drop policy case_task_insert on case_task;
create policy case_task_insert on case_task for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(case_id));
grant update (report_on, report_to, report_reference) on case_task to frid_app;

-- The end of his treatment, crossing to her case, brings its tasks along. security definer:
-- the sender may not see her case; the trigger writes only these two fixed rows.
create function frid_treatment_end_tasks() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  months integer;
begin
  if new.kind in ('treatment_completed', 'treatment_interrupted') then
    select u.partner_follow_up_months into months
      from "case" c join unit u on u.id = c.unit_id where c.id = new.to_case_id;
    insert into case_task (org_id, case_id, kind, created_by, due_on)
      values (new.org_id, new.to_case_id, 'partner_closing_conversation', null, new.event_on + 7)
      on conflict (case_id, kind) where kind <> 'report_child_concern' do nothing;
    insert into case_task (org_id, case_id, kind, created_by, due_on)
      values (new.org_id, new.to_case_id, 'partner_follow_up', null,
              (new.event_on + make_interval(months => coalesce(months, 6)))::date)
      on conflict (case_id, kind) where kind <> 'report_child_concern' do nothing;
  end if;
  return new;
end
$$;
create trigger barrier_event_end_tasks after insert on barrier_event
  for each row execute function frid_treatment_end_tasks();

alter table partner_contact_attempt enable row level security;
create policy partner_contact_attempt_select on partner_contact_attempt for select to frid_app
  using (frid_can_see_case(case_id));
create policy partner_contact_attempt_insert on partner_contact_attempt for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on partner_contact_attempt to frid_app;

create policy partner_contact_update on partner_contact for update to frid_app
  using (frid_can_see_case(case_id)) with check (frid_can_see_case(case_id));
grant update (own_support, own_support_note, own_support_on) on partner_contact to frid_app;
