-- The yearly report's risk assessments by instrument and resulting level (issue 20): the
-- report names each instrument in Swedish and counts the level judged on its main dimension,
-- as the case header shows it. frid_report reads the assessment's version and judgements
-- (0090's assessment_report policy already limits the rows to the caller's organisation; the
-- report narrows to its units by the case), and the organisation's stored instrument
-- definitions, which hold no client's data — only while the caller reports on some unit, the
-- same rule as 0092.

grant select (instrument_version, judgements) on assessment to frid_report;
grant select (org_id, instrument_id, version, definition) on instrument_version to frid_report;
create policy instrument_version_org_report on instrument_version for select to frid_report
  using (org_id = frid_org() and (select cardinality(frid_reported_units())) > 0);

-- Disclosures made in the year, by ground and by the recipient's kind of agency (the agency's
-- kind is readable since 0092): only the columns counted, and only disclosures in cases of the
-- units the caller reports on.
grant select (org_id, case_id, ground, recipient_agency_id, disclosed_on) on disclosure to frid_report;
create policy disclosure_report on disclosure for select to frid_report
  using ((select c.unit_id from "case" c where c.id = disclosure.case_id)
         = any ((select frid_reported_units())::uuid[]));
