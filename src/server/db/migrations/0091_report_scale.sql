-- Frid 0091 (issue 20, item 6): indexes for the committee's yearly report at national scale.
-- Each serves one statement of src/server/modules/yearly-report/figures.ts (0090 indexed the
-- organisation's status changes, intakes and assessments by day); without them the statement
-- reads every row of the organisation's table to keep the year's:
--
-- 1. investigatedPersons: the status changes INTO an investigation before the year's end
--    (one in five of all status changes), by organisation and time.
create index case_status_change_org_investigation_idx on case_status_change (org_id, changed_at)
  where to_status = 'investigation';
-- 2. childTrack: the investigations completed in the year, by organisation.
create index investigation_org_completed_idx on investigation (org_id, completed_at)
  where completed_at is not null;
-- 3. stayFigures (statistics/stays.ts): the stays ended in the year, by organisation.
create index stay_org_left_idx on stay (org_id, left_on) where left_on is not null;
