-- Frid 0022: documents kept in a case (first: his signed partner-contact consent form,
-- scanned), and the unit's contact details that letters and forms print. A document can be
-- destroyed: its bytes are removed, what it was and who destroyed it when and why is kept,
-- and the audit trail holds the receipt (seed 004: the consent form is kept in his file and
-- destroyed when the treatment contact ends).

alter table unit
  add column contact_phone   text,
  add column contact_address text,
  add column contact_email   text;
-- The administrator keeps them (and the partner follow-up months) up to date.
grant update (contact_phone, contact_address, contact_email, partner_follow_up_months)
  on unit to frid_app;

create table document (
  id             uuid primary key,
  org_id         uuid not null references organisation (id),
  case_id        uuid not null references "case" (id),
  kind           text not null check (kind in ('partner_contact_consent')),
  filename       text not null check (length(trim(filename)) > 0),
  media_type     text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes     integer not null check (size_bytes > 0),
  sha256         text not null,
  content        bytea,
  uploaded_by    uuid not null references app_user (id),
  uploaded_at    timestamptz not null default now(),
  destroyed_at   timestamptz,
  destroyed_by   uuid references app_user (id),
  destroyed_reason text,
  check ((destroyed_at is null) = (content is not null)),
  check ((destroyed_at is null) = (destroyed_by is null)),
  check (destroyed_at is null or length(trim(destroyed_reason)) > 0)
);
create index document_case_idx on document (case_id, uploaded_at);

alter table document enable row level security;
create policy document_select on document for select to frid_app using (frid_can_see_case(case_id));
create policy document_insert on document for insert to frid_app
  with check (org_id = frid_org() and uploaded_by = frid_actor() and frid_can_see_case(case_id));
-- Destruction only: the bytes go, once, by someone who works the case.
create policy document_update on document for update to frid_app
  using (frid_can_see_case(case_id) and destroyed_at is null)
  with check (destroyed_by = frid_actor() and content is null);
grant select, insert on document to frid_app;
grant update (content, destroyed_at, destroyed_by, destroyed_reason) on document to frid_app;
