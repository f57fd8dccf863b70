-- Frid 0066: referrals out and in (issue 18, item 5). A referral out asks an agency's unit
-- (from the directory) to do something for the person; what was shared with it is the
-- disclosures made for it (disclosure.context_kind = 'referral', context_id = the referral).
-- A referral in came from the police, health care, a school (an agency of the directory, or a
-- named sender) and was recorded as the intake it became, so it belongs to that intake's case.
-- Each has its answer and its date: the agency's answer to ours, ours to the sender.

-- How many days a referral may wait for its answer before it is on Att göra; the unit's
-- manager keeps it (as partner_follow_up_months, 0021/0022).
alter table unit add column referral_answer_days integer not null default 14
  check (referral_answer_days between 1 and 90);
grant update (referral_answer_days) on unit to frid_app;

create table referral (
  id                 uuid primary key,
  org_id             uuid not null references organisation (id),
  case_id            uuid not null references "case" (id),
  direction          text not null check (direction in ('out', 'in')),
  agency_id          uuid references agency (id),
  agency_unit_id     uuid references agency_unit (id),
  agency_contact_id  uuid references agency_contact (id),
  sender_name        text check (sender_name is null or length(trim(sender_name)) between 1 and 200),
  sender_reference   text check (sender_reference is null or length(trim(sender_reference)) between 1 and 100),
  reason             text not null check (length(trim(reason)) between 1 and 4000),
  -- An out-referral that shares client information is sent only with a disclosure made for it.
  shares_information boolean not null default false,
  channel            text check (channel is null or channel in
                       ('letter', 'secure_email', 'secure_digital', 'phone', 'meeting', 'handed_over')),
  sent_on            date,
  received_on        date,
  intake_id          uuid unique references intake (id),
  answer             text check (answer is null or answer in ('accepted', 'declined', 'other')),
  answer_text        text check (answer_text is null or length(trim(answer_text)) between 1 and 2000),
  answered_on        date,
  answered_by        uuid references app_user (id),
  created_by         uuid not null references app_user (id),
  created_at         timestamptz not null default now(),
  check (agency_contact_id is null or agency_id is not null),
  check (direction = 'in' or (agency_id is not null and agency_unit_id is not null
         and sender_name is null and intake_id is null and received_on is null)),
  check (direction = 'out' or (intake_id is not null and received_on is not null
         and (agency_id is not null or sender_name is not null) and sent_on is null
         and not shares_information)),
  check ((answer is null) = (answered_on is null)),
  check ((answer is null) = (answered_by is null)),
  -- An out-referral is answered only once it has been sent.
  check (direction = 'in' or answered_on is null or (sent_on is not null and answered_on >= sent_on)),
  check (direction = 'out' or answered_on is null or answered_on >= received_on)
);
create index referral_case_idx on referral (case_id, created_at);
-- The sender's own reference names one referral: the same one recorded twice is refused.
create unique index referral_sender_reference_key on referral
  (org_id, coalesce(agency_id::text, lower(trim(sender_name))), lower(trim(sender_reference)))
  where direction = 'in' and sender_reference is not null;

alter table referral enable row level security;
create policy referral_select on referral for select to frid_app
  using (frid_can_see_case(case_id));
create policy referral_insert on referral for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor() and frid_can_see_case(case_id));
create policy referral_update on referral for update to frid_app
  using (frid_can_see_case(case_id))
  with check (org_id = frid_org() and frid_can_see_case(case_id));
-- Sent and answered are recorded on the row; what it is and to whom stays as made.
grant select, insert on referral to frid_app;
grant update (channel, sent_on, answer, answer_text, answered_on, answered_by) on referral to frid_app;
