-- The yearly report's collaboration figures and Öppna jämförelser answers (issue 20) read the
-- organisation's own records — agreements, their parties and follow-ups, the routines
-- register — which hold no client's data. They were read in the caller's transaction, where
-- agreements are shown only to case workers and directory keepers (0064): an analyst's report
-- then counted no agreement and answered "no" wrongly. They are now read as frid_report, like
-- every other figure of the report: these grants name only the columns counted, and the
-- policies let through the caller's own organisation when the caller reports on some unit
-- (the same rule as 0087's agreement_follow_up_plan_report).

grant select (id, org_id, title, signed_on, ended_on) on agreement to frid_report;
grant select (agreement_id, agency_id, org_id) on agreement_party to frid_report;
grant select (id, org_id, kind) on agency to frid_report;
grant select (id, org_id, area, title, approver_id, approved_on, review_on, supersedes_id)
  on routine to frid_report;
grant select (id, org_id, management) on routine_approver to frid_report;
grant select (code, sort_order, question) on routine_area to frid_report;

do $$
declare t text;
begin
  foreach t in array array['agreement', 'agreement_party', 'agency', 'routine', 'routine_approver'] loop
    execute format('create policy %I on %I for select to frid_report
                      using (org_id = frid_org() and (select cardinality(frid_reported_units())) > 0)',
                   t || '_org_report', t);
  end loop;
end $$;
