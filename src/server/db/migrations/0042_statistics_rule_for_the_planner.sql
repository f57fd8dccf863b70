-- Frid 0042 (issue 14): the reporting role's rule written so the planner can use it, as 0034
-- did for frid_app (ADR 0009). The rule is unchanged (0033):
--
--   frid_report counts a row when its case is in the actor's organisation and in a unit the
--   actor reports on: a unit they manage, or any unit of the organisation for an analyst.
--
-- Until now every *_report policy called frid_reports_on_case / frid_reports_on_unit, plpgsql
-- security-definer functions, once per row: a year's figures of a 50,000-case organisation
-- ran them on every case of the organisation (0.4 s) and on every counted row again
-- (bench/plans/statistics-*.txt). Now the actor's reported units are read ONCE per statement
-- (a scalar subquery, an InitPlan), the case is compared with `= any(...)`, and every other
-- table asks about its row's case by primary key, with no function per row.

-- The units the actor reports on (the same rule as frid_reports_on_unit, for every unit of the
-- organisation at once): role_assignment has no row-level security, but frid_report may not
-- read it, so the function reads as its owner.
create function frid_reported_units() returns uuid[]
language plpgsql stable parallel safe security definer set search_path = public cost 10 as $$
begin
  return coalesce((select array_agg(u.id) from unit u
    where u.org_id = frid_org()
      and exists (select 1 from role_assignment r
                   where r.user_id = frid_actor() and r.org_id = frid_org()
                     and (r.role = 'analyst' or (r.role = 'unit_manager' and r.unit_id = u.id)))),
    '{}');
end
$$;
grant execute on function frid_reported_units() to frid_report;

drop policy case_report on "case";
create policy case_report on "case" for select to frid_report
  using (unit_id = any ((select frid_reported_units())::uuid[]));

-- A row counts when its case does: the case in the actor's organisation (as
-- frid_reports_on_case asked) and, by case_report above, in a unit the actor reports on. It is
-- asked as a scalar subquery — one probe of the case's primary key per row the statement's own
-- conditions leave (a year's rows of the organisation, by 0036's and 0039's indexes) — and not
-- as EXISTS, which the planner may turn into a hash of every case the actor reports on (50,000
-- in a large organisation) built for each table counted. A case the actor may not count reads
-- as no case (null), and null = frid_org() lets nothing through.
drop policy treatment_report on treatment;
create policy treatment_report on treatment for select to frid_report
  using ((select c.org_id from "case" c where c.id = treatment.case_id) = frid_org());
drop policy consent_report on consent;
create policy consent_report on consent for select to frid_report
  using ((select c.org_id from "case" c where c.id = consent.case_id) = frid_org());
drop policy partner_report on partner;
create policy partner_report on partner for select to frid_report
  using ((select c.org_id from "case" c where c.id = partner.case_id) = frid_org());
drop policy partner_contact_attempt_report on partner_contact_attempt;
create policy partner_contact_attempt_report on partner_contact_attempt for select to frid_report
  using ((select c.org_id from "case" c where c.id = partner_contact_attempt.case_id) = frid_org());
drop policy partner_contact_refusal_report on partner_contact_refusal;
create policy partner_contact_refusal_report on partner_contact_refusal for select to frid_report
  using ((select c.org_id from "case" c where c.id = partner_contact_refusal.case_id) = frid_org());
drop policy barrier_event_report on barrier_event;
create policy barrier_event_report on barrier_event for select to frid_report
  using ((select c.org_id from "case" c where c.id = barrier_event.from_case_id) = frid_org());

-- Nothing calls these any more: the rule lives in the policies above, once. (A policy still
-- calling them would make this fail.)
drop function frid_reports_on_case(uuid);
drop function frid_reports_on_unit(uuid);
