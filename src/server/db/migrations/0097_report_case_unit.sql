-- Frid 0097 (issue 20, item 6): each row the reports count carries its case's unit.
--
-- Until now every reporting policy asked each counted row's case by key (0042, 0053, 0090–0094):
-- a probe of "case" per row, two for a stay's segments and members (stay, then case), and the
-- planner runs a policy before any condition it cannot prove leak-free, so a year's count of a
-- large organisation probed every row of it. At 1,000,000 cases the probes were most of the
-- yearly report's time (bench/plans/yearly-report-*.txt). Now the row says its case's unit
-- itself (case_unit_id), kept by triggers — set from the case on every insert and update of the
-- row, and followed when a case moves to another unit — so the policy is a comparison of the
-- row's own columns and a count reads only the rows it counts.
--
-- The rule is unchanged: frid_report counts a row when its case is in the actor's organisation
-- and in a unit the actor reports on (frid_reported_units, 0042).

-- A completed assessment never changes, and changing an outcome keeps the one replaced: the
-- case's unit following the case is neither (nothing the worker recorded changes).
create or replace function frid_assessment_final() returns trigger language plpgsql as $$
begin
  if current_setting('frid.retention', true) = 'remove' and current_user <> 'frid_app' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op = 'UPDATE' and (to_jsonb(new) - 'case_unit_id') = (to_jsonb(old) - 'case_unit_id') then
    return new;
  end if;
  if old.completed_at is not null then
    raise exception 'a completed assessment never changes' using errcode = '23514';
  end if;
  return new;
end
$$;

create or replace function frid_case_outcome_keep() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  if (to_jsonb(new) - 'case_unit_id') = (to_jsonb(old) - 'case_unit_id') then
    return new;
  end if;
  insert into case_outcome_history
    (case_id, org_id, goal_reached, own_view, not_assessed_reason, recorded_at, recorded_by)
  values
    (old.case_id, old.org_id, old.goal_reached, old.own_view, old.not_assessed_reason,
     old.recorded_at, old.recorded_by);
  return new;
end
$$;

-- The row's case's unit, from the case named by the column tg_argv[0], on every insert and
-- update: whatever a statement sets, the column says what the case says. Reads the case as
-- the owner: the writer's own policies are not the question here.
create function frid_case_unit_of_row() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  new.case_unit_id := (select c.unit_id from "case" c
                        where c.id = (to_jsonb(new) ->> tg_argv[0])::uuid);
  return new;
end
$$;

-- A stay's segments and members: the stay's case's unit.
create function frid_case_unit_of_stay() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  new.case_unit_id := (select s.case_unit_id from stay s where s.id = new.stay_id);
  return new;
end
$$;

-- The column, filled from the rows' cases as they are now.
alter table treatment add column case_unit_id uuid;
alter table consent add column case_unit_id uuid;
alter table partner add column case_unit_id uuid;
alter table partner_contact_attempt add column case_unit_id uuid;
alter table partner_contact_refusal add column case_unit_id uuid;
alter table decision add column case_unit_id uuid;
alter table stay add column case_unit_id uuid;
alter table place_enquiry add column case_unit_id uuid;
alter table case_status_change add column case_unit_id uuid;
alter table relation add column case_unit_id uuid;
alter table assessment add column case_unit_id uuid;
alter table case_outcome add column case_unit_id uuid;
alter table intake add column case_unit_id uuid;
alter table preliminary_decision add column case_unit_id uuid;
alter table investigation add column case_unit_id uuid;
alter table investigation_extension add column case_unit_id uuid;
alter table disclosure add column case_unit_id uuid;
alter table risk_conference add column case_unit_id uuid;
alter table risk_conference_action add column case_unit_id uuid;
alter table barrier_event add column case_unit_id uuid;
alter table stay_member add column case_unit_id uuid;
alter table stay_segment add column case_unit_id uuid;

update treatment x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update consent x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update partner x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update partner_contact_attempt x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update partner_contact_refusal x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update decision x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update stay x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update place_enquiry x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update case_status_change x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update relation x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update assessment x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update case_outcome x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update intake x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update preliminary_decision x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update investigation x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update investigation_extension x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update disclosure x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update risk_conference x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update risk_conference_action x set case_unit_id = c.unit_id from "case" c where c.id = x.case_id;
update barrier_event x set case_unit_id = c.unit_id from "case" c where c.id = x.from_case_id;
update stay_member x set case_unit_id = s.case_unit_id from stay s where s.id = x.stay_id;
update stay_segment x set case_unit_id = s.case_unit_id from stay s where s.id = x.stay_id;

-- Kept from now on (an intake not yet tied to a case has none).
create trigger treatment_case_unit before insert or update on treatment
  for each row execute function frid_case_unit_of_row('case_id');
create trigger consent_case_unit before insert or update on consent
  for each row execute function frid_case_unit_of_row('case_id');
create trigger partner_case_unit before insert or update on partner
  for each row execute function frid_case_unit_of_row('case_id');
create trigger partner_contact_attempt_case_unit before insert or update on partner_contact_attempt
  for each row execute function frid_case_unit_of_row('case_id');
create trigger partner_contact_refusal_case_unit before insert or update on partner_contact_refusal
  for each row execute function frid_case_unit_of_row('case_id');
create trigger decision_case_unit before insert or update on decision
  for each row execute function frid_case_unit_of_row('case_id');
create trigger stay_case_unit before insert or update on stay
  for each row execute function frid_case_unit_of_row('case_id');
create trigger place_enquiry_case_unit before insert or update on place_enquiry
  for each row execute function frid_case_unit_of_row('case_id');
create trigger case_status_change_case_unit before insert or update on case_status_change
  for each row execute function frid_case_unit_of_row('case_id');
create trigger relation_case_unit before insert or update on relation
  for each row execute function frid_case_unit_of_row('case_id');
create trigger assessment_case_unit before insert or update on assessment
  for each row execute function frid_case_unit_of_row('case_id');
create trigger case_outcome_case_unit before insert or update on case_outcome
  for each row execute function frid_case_unit_of_row('case_id');
create trigger intake_case_unit before insert or update on intake
  for each row execute function frid_case_unit_of_row('case_id');
create trigger preliminary_decision_case_unit before insert or update on preliminary_decision
  for each row execute function frid_case_unit_of_row('case_id');
create trigger investigation_case_unit before insert or update on investigation
  for each row execute function frid_case_unit_of_row('case_id');
create trigger investigation_extension_case_unit before insert or update on investigation_extension
  for each row execute function frid_case_unit_of_row('case_id');
create trigger disclosure_case_unit before insert or update on disclosure
  for each row execute function frid_case_unit_of_row('case_id');
create trigger risk_conference_case_unit before insert or update on risk_conference
  for each row execute function frid_case_unit_of_row('case_id');
create trigger risk_conference_action_case_unit before insert or update on risk_conference_action
  for each row execute function frid_case_unit_of_row('case_id');
create trigger barrier_event_case_unit before insert or update on barrier_event
  for each row execute function frid_case_unit_of_row('from_case_id');
create trigger stay_member_case_unit before insert or update on stay_member
  for each row execute function frid_case_unit_of_stay();
create trigger stay_segment_case_unit before insert or update on stay_segment
  for each row execute function frid_case_unit_of_stay();

-- A case moved to another unit takes its rows along (each row's trigger above reads the case
-- again, so the value is the case's whatever this sets); a stay's, its segments and members.
create function frid_case_unit_follow() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  update treatment set case_unit_id = new.unit_id where case_id = new.id;
  update consent set case_unit_id = new.unit_id where case_id = new.id;
  update partner set case_unit_id = new.unit_id where case_id = new.id;
  update partner_contact_attempt set case_unit_id = new.unit_id where case_id = new.id;
  update partner_contact_refusal set case_unit_id = new.unit_id where case_id = new.id;
  update decision set case_unit_id = new.unit_id where case_id = new.id;
  update stay set case_unit_id = new.unit_id where case_id = new.id;
  update place_enquiry set case_unit_id = new.unit_id where case_id = new.id;
  update case_status_change set case_unit_id = new.unit_id where case_id = new.id;
  update relation set case_unit_id = new.unit_id where case_id = new.id;
  update assessment set case_unit_id = new.unit_id where case_id = new.id;
  update case_outcome set case_unit_id = new.unit_id where case_id = new.id;
  update intake set case_unit_id = new.unit_id where case_id = new.id;
  update preliminary_decision set case_unit_id = new.unit_id where case_id = new.id;
  update investigation set case_unit_id = new.unit_id where case_id = new.id;
  update investigation_extension set case_unit_id = new.unit_id where case_id = new.id;
  update disclosure set case_unit_id = new.unit_id where case_id = new.id;
  update risk_conference set case_unit_id = new.unit_id where case_id = new.id;
  update risk_conference_action set case_unit_id = new.unit_id where case_id = new.id;
  update barrier_event set case_unit_id = new.unit_id where from_case_id = new.id;
  return null;
end
$$;
create trigger case_unit_follow after update of unit_id on "case"
  for each row when (old.unit_id is distinct from new.unit_id)
  execute function frid_case_unit_follow();

create function frid_stay_unit_follow() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  update stay_member set case_unit_id = new.case_unit_id where stay_id = new.id;
  update stay_segment set case_unit_id = new.case_unit_id where stay_id = new.id;
  return null;
end
$$;
create trigger stay_unit_follow after update of case_unit_id on stay
  for each row when (old.case_unit_id is distinct from new.case_unit_id)
  execute function frid_stay_unit_follow();

-- The reporting role reads the column, and its policies compare the row's own columns.
grant select (case_unit_id) on treatment to frid_report;
grant select (case_unit_id) on consent to frid_report;
grant select (case_unit_id) on partner to frid_report;
grant select (case_unit_id) on partner_contact_attempt to frid_report;
grant select (case_unit_id) on partner_contact_refusal to frid_report;
grant select (case_unit_id) on decision to frid_report;
grant select (case_unit_id) on stay to frid_report;
grant select (case_unit_id) on place_enquiry to frid_report;
grant select (case_unit_id) on case_status_change to frid_report;
grant select (case_unit_id) on relation to frid_report;
grant select (case_unit_id) on assessment to frid_report;
grant select (case_unit_id) on case_outcome to frid_report;
grant select (case_unit_id) on intake to frid_report;
grant select (case_unit_id) on preliminary_decision to frid_report;
grant select (case_unit_id) on investigation to frid_report;
grant select (case_unit_id) on investigation_extension to frid_report;
grant select (case_unit_id) on disclosure to frid_report;
grant select (case_unit_id) on risk_conference to frid_report;
grant select (case_unit_id) on risk_conference_action to frid_report;
grant select (case_unit_id) on barrier_event to frid_report;
grant select (case_unit_id) on stay_member to frid_report;
grant select (case_unit_id) on stay_segment to frid_report;

-- One policy per table, in place of the probes of the row's case (0042, 0053, 0090–0094).
drop policy assessment_outcome_report on assessment;
drop policy assessment_plan_report on assessment;
drop policy assessment_report on assessment;
drop policy barrier_event_report on barrier_event;
drop policy case_outcome_report on case_outcome;
drop policy case_status_change_plan_report on case_status_change;
drop policy case_status_change_report on case_status_change;
drop policy consent_report on consent;
drop policy decision_report on decision;
drop policy disclosure_report on disclosure;
drop policy intake_report on intake;
drop policy investigation_report on investigation;
drop policy investigation_extension_report on investigation_extension;
drop policy partner_report on partner;
drop policy partner_contact_attempt_report on partner_contact_attempt;
drop policy partner_contact_refusal_report on partner_contact_refusal;
drop policy place_enquiry_report on place_enquiry;
drop policy preliminary_decision_report on preliminary_decision;
drop policy relation_plan_report on relation;
drop policy risk_conference_report on risk_conference;
drop policy risk_conference_action_report on risk_conference_action;
drop policy stay_report on stay;
drop policy stay_member_report on stay_member;
drop policy stay_segment_report on stay_segment;
drop policy treatment_report on treatment;
create policy treatment_report on treatment for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy consent_report on consent for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy partner_report on partner for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy partner_contact_attempt_report on partner_contact_attempt for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy partner_contact_refusal_report on partner_contact_refusal for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy decision_report on decision for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy stay_report on stay for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy place_enquiry_report on place_enquiry for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy case_status_change_report on case_status_change for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy relation_report on relation for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy assessment_report on assessment for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy case_outcome_report on case_outcome for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy intake_report on intake for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy preliminary_decision_report on preliminary_decision for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy investigation_report on investigation for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy investigation_extension_report on investigation_extension for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy disclosure_report on disclosure for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy risk_conference_report on risk_conference for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy risk_conference_action_report on risk_conference_action for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy barrier_event_report on barrier_event for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy stay_member_report on stay_member for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));
create policy stay_segment_report on stay_segment for select to frid_report
  using (org_id = frid_org() and case_unit_id = any ((select frid_reported_units())::uuid[]));

-- A condition with coalesce cannot be tested before a row's policy (the planner cannot prove it
-- leak-free), so 0096's expression indexes were never index conditions under frid_report: the
-- year's segments and stays are asked without it, by these.
drop index stay_segment_org_ended_idx;
create index stay_segment_org_to_idx on stay_segment (org_id, to_on);
drop index stay_org_began_idx;
create index stay_org_arrived_idx on stay (org_id, arrived_on);
create index stay_org_planned_idx on stay (org_id, planned_from) where arrived_on is null;
