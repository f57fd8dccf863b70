-- Frid 0058 (issue 17, item 2): what the children's crisis centre's commands and figures need
-- beyond 0056.
--
-- 1. Where a child's work is anchored, for routing a command and for the audit trail only: a
--    command on /api/child-work/:id runs as a command on its case (runCaseCommand) when it is
--    in a case, under the course rule otherwise; a refused attempt is recorded with the case
--    (or course) and its person, even when the caller may not see the work. It answers ids,
--    never anything the work says.
create function frid_child_work_anchor(p_work uuid)
returns table (case_id uuid, course_id uuid, person_id uuid)
language sql stable security definer set search_path = public as $$
  select w.case_id, w.course_id,
         case when w.case_id is not null then (select c.person_id from "case" c where c.id = w.case_id)
              else (select s.person_id from service_course s where s.id = w.course_id) end
    from child_work w
   where w.id = p_work and w.org_id = frid_org()
$$;

-- The child's work a crisis-talk series belongs to (the same purpose: routing and the trail).
create function frid_crisis_series_work(p_series uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select s.child_work_id from crisis_talk_series s where s.id = p_series and s.org_id = frid_org()
$$;

-- (frid_service_course_person, the course's person for a refusal's audit, is 0057's.)
grant execute on function frid_child_work_anchor(uuid), frid_crisis_series_work(uuid) to frid_app;

-- 2. The crisis centre's figures (modules/statistics/crisis-centre.ts) are counted as the
--    reporting role (0033): a child's work counts for the unit that did it (child_work.unit_id,
--    the crisis centre), whichever unit's case it is in, so the unit's manager counts work in
--    cases she may not open. Column grants hold no name and no free text: ids, kinds, dates.
grant select (id, org_id, unit_id, case_id, person_id, course_id, opened_on, closed_on)
  on child_work to frid_report;
grant select (id, org_id, child_work_id, model, started_on, ended_on) on crisis_talk_series
  to frid_report;
grant select (id, org_id, series_id, number, held_on) on crisis_talk to frid_report;
grant select (id, org_id, child_work_id, reported_on, reporter_kind, crime_category)
  on child_police_report to frid_report;
grant select (id, org_id, child_work_id, examined_on, kind) on child_medical_exam to frid_report;
grant select (id, org_id, child_work_id, held_on, basis) on child_consultation to frid_report;

-- A child's work counts for the units the actor reports on (a unit manager her own units, an
-- analyst the organisation's); its records count when their work does.
create policy child_work_report on child_work for select to frid_report
  using (org_id = frid_org() and unit_id = any ((select frid_reported_units())::uuid[]));
create policy crisis_talk_series_report on crisis_talk_series for select to frid_report
  using (org_id = frid_org()
         and exists (select 1 from child_work w where w.id = crisis_talk_series.child_work_id));
create policy crisis_talk_report on crisis_talk for select to frid_report
  using (org_id = frid_org()
         and exists (select 1 from crisis_talk_series s where s.id = crisis_talk.series_id));
create policy child_police_report_report on child_police_report for select to frid_report
  using (org_id = frid_org()
         and exists (select 1 from child_work w where w.id = child_police_report.child_work_id));
create policy child_medical_exam_report on child_medical_exam for select to frid_report
  using (org_id = frid_org()
         and exists (select 1 from child_work w where w.id = child_medical_exam.child_work_id));
create policy child_consultation_report on child_consultation for select to frid_report
  using (org_id = frid_org()
         and exists (select 1 from child_work w where w.id = child_consultation.child_work_id));

-- The figures read a unit's work by the days it counts by.
create index child_work_unit_period on child_work (unit_id, opened_on);
create index crisis_talk_series_org_day on crisis_talk_series (org_id, started_on);
