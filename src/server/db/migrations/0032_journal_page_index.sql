-- Frid 0032 (issue 12): the journal is read a page at a time, newest event first, by keyset
-- on (occurred_at, written_at, id) over the case's signed entries. 0003's index orders by
-- occurred_at only, so a later page filtered every newer row before its own; this one
-- starts each page where the last one ended. Drafts are few and read by their author apart.
create index journal_entry_signed_page_idx
  on journal_entry (case_id, occurred_at desc, written_at desc, id desc)
  where signed_at is not null;
