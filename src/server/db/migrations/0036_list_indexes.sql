-- Frid 0036 (issue 14): an index for the order of every list that grows with the
-- organisation, and for every work-list and statistics predicate, each led by the
-- organisation, unit or user the query names — so a page, Att göra or a year's figures read
-- the rows they show, not every row of the table (measured in bench/lists/).

-- The case list pages by (opened_at, id) newest first (shared/api/paging.ts): every case
-- the reader may see within the organisation, or the cases of the units a manager manages.
create index case_org_opened_idx on "case" (org_id, opened_at desc, id desc);
create index case_unit_opened_idx on "case" (unit_id, opened_at desc, id desc);
-- (unit_id) alone is the new index's first column.
drop index case_unit_idx;

-- Att göra's unsigned drafts: a user's own drafts in their organisation. Signed entries (all
-- but a handful) are not in the index at all.
create index journal_entry_draft_author_idx on journal_entry (org_id, author_id, written_at)
  where signed_at is null;

-- The year's partner-contact statistics count treatments of the organisation by the day
-- each thing happened (referred, informed, started, ended): one range per count.
create index treatment_org_referred_idx on treatment (org_id, referred_on);
create index treatment_org_informed_idx on treatment (org_id, partner_info_given_on)
  where partner_info_given_on is not null;
create index treatment_org_started_idx on treatment (org_id, started_on)
  where started_on is not null;
create index treatment_org_ended_idx on treatment (org_id, ended_on);
-- The statistics read as frid_report (0033), which may now name the treatment's organisation
-- (not personal data; it is what leads the indexes above).
grant select (org_id) on treatment to frid_report;
