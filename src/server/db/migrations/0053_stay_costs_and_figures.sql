-- Frid 0053 (issue 16, costs and figures): what the cost report and the yearly follow-up of
-- stays need beyond 0050.
--
-- 1. The case of a stay, for the audit trail only: a refused look at a stay's costs is
--    recorded with the stay's case and its person (as recordCaseRefusal does for a case),
--    even when the caller may not see the stay. It answers an id, never anything of the case.
--    (`create or replace`: another part of issue 16 may define the same helper.)
create or replace function frid_stay_case(p_stay uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select s.case_id from stay s where s.id = p_stay and s.org_id = frid_org()
$$;
grant execute on function frid_stay_case(uuid) to frid_app;

-- 2. The yearly figures of stays are counted as the reporting role (0033, 0042): a unit
--    manager counts her units' cases, an analyst the organisation's. Column grants hold no
--    name, no free text and no address: ids, kinds, dates and counts only.
grant select (id, org_id, case_id, intervention_kind, outcome, decided_at) on decision to frid_report;
grant select (id, org_id, case_id, planned_from, arrived_on, left_on, end_reason, cancelled_at)
  on stay to frid_report;
grant select (stay_id, person_id, org_id, role) on stay_member to frid_report;
grant select (id, org_id, stay_id, place_id, from_on, to_on) on stay_segment to frid_report;
grant select (id, org_id, case_id, place_id, outcome, answered_at) on place_enquiry to frid_report;
-- A place's register entry is no one's personal data (its address is in place_address, which
-- frid_report cannot read): its name, kind and capacity for the occupancy per place.
grant select (id, org_id, unit_id, name, kind, places, created_at, closed_on) on place to frid_report;

-- Rows count when their case does (the rule of 0042: the case's organisation, read under
-- case_report, which lets through only cases of units the actor reports on).
create policy decision_report on decision for select to frid_report
  using ((select c.org_id from "case" c where c.id = decision.case_id) = frid_org());
create policy stay_report on stay for select to frid_report
  using ((select c.org_id from "case" c where c.id = stay.case_id) = frid_org());
create policy stay_member_report on stay_member for select to frid_report
  using ((select c.org_id from stay s join "case" c on c.id = s.case_id
          where s.id = stay_member.stay_id) = frid_org());
create policy stay_segment_report on stay_segment for select to frid_report
  using ((select c.org_id from stay s join "case" c on c.id = s.case_id
          where s.id = stay_segment.stay_id) = frid_org());
create policy place_enquiry_report on place_enquiry for select to frid_report
  using ((select c.org_id from "case" c where c.id = place_enquiry.case_id) = frid_org());
create policy place_report on place for select to frid_report using (org_id = frid_org());

-- The year's counts read decisions and stays of the organisation by the day they count by.
create index decision_org_decided_idx on decision (org_id, decided_at);
create index place_enquiry_org_answered_idx on place_enquiry (org_id, answered_at)
  where answered_at is not null;

-- "Persons granted" counts distinct persons: the case's person id (an id, no name) for the
-- reporting role.
grant select (person_id) on "case" to frid_report;
