-- Frid 0096 (issue 20, item 6): the yearly report reads only the year's rows, at any length of
-- history. Each index serves one statement; without it the statement starts from every case
-- the actor reports on (or every row of the organisation) to keep the year's few.
--
-- 1. investigatedPersons (yearly-report/figures.ts): the cases whose investigation ended at
--    or after the year's start — changes OUT of an investigation, by organisation and time —
--    beside those under investigation now (case.status, read through case_unit_open_idx).
create index case_status_change_org_left_investigation_idx on case_status_change (org_id, changed_at)
  where from_status = 'investigation';
-- The case's status says which cases are under investigation now: a count, never content.
grant select (status) on "case" to frid_report;
-- 2. stayFigures (statistics/stays.ts): the stays begun in the year (arrived, or planned when
--    not yet arrived) and the stay segments still running at the year's start.
create index stay_org_began_idx on stay (org_id, (coalesce(arrived_on, planned_from)));
create index stay_segment_org_ended_idx on stay_segment (org_id, (coalesce(to_on, 'infinity'::date)));
