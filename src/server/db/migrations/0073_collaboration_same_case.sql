-- Frid 0073 (issue 18, security review): what belongs to a record of a case belongs to the same
-- case, in the database too. Row-level security checks each row against its own case_id only,
-- so without these keys a giver could be attached to (and so complete) a consent of a case the
-- writer cannot see, or an agency or action to another case's conference — only the service
-- stood in the way. And what the commands never change is not changeable under the
-- application's role at all (as 0015 narrowed the earlier tables): the legal ground of a
-- conference referral, its copied assessment, whose plan it is.

alter table consent add constraint consent_id_case_key unique (id, case_id);
alter table consent_giver add constraint consent_giver_same_case
  foreign key (consent_id, case_id) references consent (id, case_id);

alter table coordinated_plan add constraint coordinated_plan_id_case_key unique (id, case_id);
alter table coordinated_plan_agency add constraint coordinated_plan_agency_same_case
  foreign key (plan_id, case_id) references coordinated_plan (id, case_id);

alter table risk_conference add constraint risk_conference_id_case_key unique (id, case_id);
alter table risk_conference_agency add constraint risk_conference_agency_same_case
  foreign key (conference_id, case_id) references risk_conference (id, case_id);
alter table risk_conference_action add constraint risk_conference_action_same_case
  foreign key (conference_id, case_id) references risk_conference (id, case_id);

revoke update on coordinated_plan from frid_app;
grant update (goals, participants, responsibilities, meetings, coordinator_key, follow_up_on,
              followed_up_on, follow_up_findings, version, updated_by, updated_at)
  on coordinated_plan to frid_app;

revoke update on risk_conference, risk_conference_agency, risk_conference_action from frid_app;
grant update (meeting_on, chair_id, staff_ids, agenda, follow_up_on, follow_up_notes, version)
  on risk_conference to frid_app;
grant update (contact_ids, research, updated_at) on risk_conference_agency to frid_app;
grant update (done_on, notes, version) on risk_conference_action to frid_app;
