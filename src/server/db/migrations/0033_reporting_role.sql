-- Frid 0033 (issue 13): statistics read through a reporting role with its own row-level
-- security, not the owner. Counting crosses every case of a unit (cases the asking manager
-- or analyst may not open), so frid_app's policies (need to know) cannot serve it; the owner
-- bypasses row-level security altogether. frid_report may only select, only the tables the
-- figures are made of (no person, no journal, no name or free text: column grants), and only rows of
-- cases in units the actor reports on: a unit manager their own units, an analyst the
-- whole organisation (as the role tables say now, not as the application claims).
do $$
begin
  create role frid_report nologin;
exception when duplicate_object or unique_violation then null;
end $$;
grant frid_report to current_user;
grant usage on schema public to frid_report;

create function frid_reports_on_unit(p_unit uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return exists (
    select 1 from role_assignment r join unit u on u.id = p_unit
     where r.user_id = frid_actor() and r.org_id = frid_org() and u.org_id = frid_org()
       and (r.role = 'analyst' or (r.role = 'unit_manager' and r.unit_id = p_unit)));
end
$$;
create function frid_reports_on_case(p_case uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return frid_reports_on_unit((select unit_id from "case" where id = p_case and org_id = frid_org()));
end
$$;
grant execute on function frid_actor(), frid_org(), frid_reports_on_unit(uuid),
  frid_reports_on_case(uuid) to frid_report;

-- Only the columns the figures are made of: dates, kinds and keys, never a name or a text.
grant select (id, org_id) on unit to frid_report;
grant select (id, org_id, unit_id, case_type) on "case" to frid_report;
grant select (case_id, referral_source, referred_on, started_on, ended_on, end_kind,
  partner_info_given_on) on treatment to frid_report;
grant select (case_id, scope, given_on, revoked_on) on consent to frid_report;
grant select (case_id, exception_kind, recorded_at) on partner to frid_report;
grant select (case_id, attempted_on, outcome) on partner_contact_attempt to frid_report;
grant select (case_id, refused_on, continue_treatment) on partner_contact_refusal to frid_report;
grant select (from_case_id, kind, created_at, acknowledged_at) on barrier_event to frid_report;

-- unit has no row-level security (names of units are no secret inside the organisation);
-- the statistics ask for the organisation's own units by org_id.
create policy case_report on "case" for select to frid_report
  using (frid_reports_on_unit(unit_id));
create policy treatment_report on treatment for select to frid_report
  using (frid_reports_on_case(case_id));
create policy consent_report on consent for select to frid_report
  using (frid_reports_on_case(case_id));
create policy partner_report on partner for select to frid_report
  using (frid_reports_on_case(case_id));
create policy partner_contact_attempt_report on partner_contact_attempt for select to frid_report
  using (frid_reports_on_case(case_id));
create policy partner_contact_refusal_report on partner_contact_refusal for select to frid_report
  using (frid_reports_on_case(case_id));
create policy barrier_event_report on barrier_event for select to frid_report
  using (frid_reports_on_case(from_case_id));
