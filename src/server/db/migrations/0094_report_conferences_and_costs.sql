-- The yearly report's risk conferences and stay costs (issue 20, item 4).
--
-- Risk conferences held in the year and the actions agreed at them, done or not: frid_report
-- reads only the columns counted — the day of the meeting, when an action was agreed and when
-- it was done — never the referral's criteria, the agenda, the action's text or its owner; and
-- only in cases of the units the caller reports on (the rule of 0093's disclosure_report).
grant select (id, org_id, case_id, meeting_on) on risk_conference to frid_report;
grant select (id, org_id, case_id, created_at, done_on) on risk_conference_action to frid_report;
create policy risk_conference_report on risk_conference for select to frid_report
  using ((select c.unit_id from "case" c where c.id = risk_conference.case_id)
         = any ((select frid_reported_units())::uuid[]));
create policy risk_conference_action_report on risk_conference_action for select to frid_report
  using ((select c.unit_id from "case" c where c.id = risk_conference_action.case_id)
         = any ((select frid_reported_units())::uuid[]));

-- What the year's stays cost per form of housing: the prices each segment copied at its start
-- (shared/stay-costs.ts computes the cost from them, as the costs module does). 0053's
-- stay_segment_report policy already lets through only segments of stays in cases the caller
-- reports on; the place's kind is readable since 0053.
grant select (price_adult_ore, price_child_ore) on stay_segment to frid_report;

-- The year's conferences and actions of an organisation, read by its day (no whole-table scan
-- at a national installation's size).
create index risk_conference_org_meeting_idx on risk_conference (org_id, meeting_on)
  where meeting_on is not null;
create index risk_conference_action_org_created_idx on risk_conference_action (org_id, created_at);
