-- Frid 0006: what the case work needs to know about a person: languages and interpreter,
-- how it is safe to contact them, contact details, and relations between persons (each
-- recorded within a case). Contact details are to be encrypted at rest with
-- organisation-held keys in a later wave; until then they are ordinary columns under RLS.

alter table person
  add column languages            text[] not null default '{}',
  add column interpreter_needed   boolean not null default false,
  add column interpreter_language text,
  -- may we call? leave voicemail? send letters, to which address? times to avoid, code word
  add column safe_contact         jsonb not null default '{}',
  add column phone                text,
  add column email                text,
  add column postal_address       text,
  add column updated_at           timestamptz not null default now(),
  add constraint person_interpreter_language check (not interpreter_needed or length(trim(interpreter_language)) > 0);

create table relation (
  id               uuid primary key default gen_random_uuid(),
  org_id           uuid not null references organisation (id),
  case_id          uuid not null references "case" (id),
  person_id        uuid not null references person (id),
  other_person_id  uuid not null references person (id),
  -- what the other person is to the person: partner, former partner, parent, child, sibling, other close relative
  kind             text not null check (kind in ('partner', 'former_partner', 'parent', 'child', 'sibling', 'other_relative')),
  recorded_by      uuid not null references app_user (id),
  recorded_at      timestamptz not null default now(),
  check (person_id <> other_person_id),
  unique (case_id, person_id, other_person_id, kind)
);
create index relation_case_idx on relation (case_id);

alter table relation enable row level security;
create policy relation_select on relation for select to frid_app using (frid_can_see_case(case_id));
create policy relation_insert on relation for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
grant select, insert on relation to frid_app;
