-- Frid 0003: the case journal (journalanteckningar). Drafts belong to their author until
-- signed; a signed entry never changes, a correction is a new entry that points to it.

create table journal_entry (
  id           uuid primary key,
  org_id       uuid not null references organisation (id),
  case_id      uuid not null references "case" (id),
  author_id    uuid not null references app_user (id),
  entry_type   text not null check (entry_type in
                 ('conversation', 'home_visit', 'phone', 'meeting', 'agency_consultation', 'other')),
  -- when what is written about happened, and when it was written: both kept
  occurred_at  timestamptz not null,
  written_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  body         text not null check (length(body) between 1 and 20000),
  signed_at    timestamptz,
  corrects_id  uuid references journal_entry (id),
  check (corrects_id is null or corrects_id <> id)
);
create index journal_entry_case_idx on journal_entry (case_id, occurred_at desc);
create index journal_entry_corrects_idx on journal_entry (corrects_id) where corrects_id is not null;

-- Signed means final, for everyone, the owner included: corrections are new entries.
create function frid_journal_signed_is_final() returns trigger
language plpgsql as $$
begin
  if old.signed_at is not null then
    raise exception 'journal entry % is signed and cannot be changed', old.id
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create trigger journal_entry_signed_is_final
  before update or delete on journal_entry
  for each row execute function frid_journal_signed_is_final();

alter table journal_entry enable row level security;
-- Others see signed entries of cases they may see; a draft only its author.
create policy journal_entry_select on journal_entry for select to frid_app
  using (frid_can_see_case(case_id) and (signed_at is not null or author_id = frid_actor()));
create policy journal_entry_insert on journal_entry for insert to frid_app
  with check (org_id = frid_org() and author_id = frid_actor() and signed_at is null
              and frid_can_see_case(case_id));
create policy journal_entry_update on journal_entry for update to frid_app
  using (author_id = frid_actor() and signed_at is null and frid_can_see_case(case_id))
  with check (author_id = frid_actor());

grant select, insert, update on journal_entry to frid_app;
