-- Frid 0090 (issue 20, item 4): the committee's yearly report.
--
-- 1. The organisation's adult population (18+) per year, entered by an administrator: the
--    denominator of Kolada's key figures "per 10,000 adults". A number of the organisation,
--    not of a person.
-- 2. What the report counts that frid_report could not read yet: status changes (who was
--    under investigation in the year), investigations and their extensions (a child's four months), intakes (accompanying minor children, reports of
--    concern), preliminary assessments (the children's track) and risk assessments (made and
--    their levels). Column grants only: dates, kinds, keys and counts — never a name or a
--    text; rows count when their case does (0042/0053's rule: the case's organisation, read
--    under case_report, which lets through only cases of units the actor reports on).

create table adult_population (
  org_id      uuid not null references organisation (id),
  year        integer not null check (year between 2000 and 2999),
  adults      integer not null check (adults between 1 and 100000000),
  updated_by  uuid not null references app_user (id),
  updated_at  timestamptz not null default now(),
  primary key (org_id, year)
);
alter table adult_population enable row level security;
create policy adult_population_select on adult_population for select to frid_app
  using (org_id = frid_org());
create policy adult_population_insert on adult_population for insert to frid_app
  with check (org_id = frid_org() and updated_by = frid_actor() and frid_administers_org());
create policy adult_population_update on adult_population for update to frid_app
  using (org_id = frid_org() and frid_administers_org())
  with check (org_id = frid_org() and updated_by = frid_actor() and frid_administers_org());
grant select, insert, update on adult_population to frid_app;
grant select (org_id, year, adults) on adult_population to frid_report;
create policy adult_population_report on adult_population for select to frid_report
  using (org_id = frid_org());

grant select (org_id, case_id, from_status, to_status, changed_at) on case_status_change to frid_report;
create policy case_status_change_report on case_status_change for select to frid_report
  using ((select c.org_id from "case" c where c.id = case_status_change.case_id) = frid_org());

grant select (org_id, case_id, kind, received_at, children_in_household) on intake to frid_report;
create policy intake_report on intake for select to frid_report
  using (case_id is not null
         and (select c.org_id from "case" c where c.id = intake.case_id) = frid_org());

grant select (org_id, case_id, open_investigation, decided_at) on preliminary_decision to frid_report;
create policy preliminary_decision_report on preliminary_decision for select to frid_report
  using ((select c.org_id from "case" c where c.id = preliminary_decision.case_id) = frid_org());

grant select (org_id, case_id, completed_at) on investigation to frid_report;
create policy investigation_report on investigation for select to frid_report
  using ((select c.org_id from "case" c where c.id = investigation.case_id) = frid_org());

grant select (org_id, case_id, extended_until) on investigation_extension to frid_report;
create policy investigation_extension_report on investigation_extension for select to frid_report
  using ((select c.org_id from "case" c where c.id = investigation_extension.case_id) = frid_org());

grant select (org_id, case_id, instrument_id, assessed_on, completed_at) on assessment to frid_report;
create policy assessment_report on assessment for select to frid_report
  using ((select c.org_id from "case" c where c.id = assessment.case_id) = frid_org());

-- The year's rows of the organisation, by the day they count by.
create index case_status_change_org_changed_idx on case_status_change (org_id, changed_at);
create index intake_org_received_idx on intake (org_id, received_at);
create index assessment_org_assessed_idx on assessment (org_id, assessed_on);

-- Kolada's key figures count adult cases by the day they were opened.
grant select (opened_at) on "case" to frid_report;
