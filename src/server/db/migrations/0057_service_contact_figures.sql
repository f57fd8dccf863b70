-- Frid 0057 (issue 17, service contacts): what the service-contact routes and their figures
-- need beyond 0056.
--
-- 1. Whose course was tried, for the audit trail only: a refused look at a course (or at a
--    contact of it) is recorded with the course and its person, when identified, so her log
--    review lists it, even though the caller may not see the course. They answer ids, never
--    anything of the course (as frid_stay_case does for a stay, 0053).
create function frid_service_course_of(p_contact uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select s.course_id from service_contact s where s.id = p_contact and s.org_id = frid_org()
$$;
create function frid_service_course_person(p_course uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select c.person_id from service_course c where c.id = p_course and c.org_id = frid_org()
$$;
grant execute on function frid_service_course_of(uuid), frid_service_course_person(uuid) to frid_app;

-- 2. The figures of service contacts are counted as the reporting role (0033, 0042): a unit
--    manager counts her units' courses, an analyst the organisation's. Column grants hold no
--    name and no free text (no first name, topic, summary or referral): ids, kinds, dates,
--    minutes and counts only. person_id is an id, to count an identified person once.
grant select (id, org_id, unit_id, subject_kind, person_id, birth_year, sex, is_child, created_at,
  closed_at) on service_course to frid_report;
grant select (id, org_id, course_id, kind, channel, occurred_at, duration_minutes, violence_kinds,
  outcome, intake_id) on service_contact to frid_report;

-- A course counts when its unit is one the actor reports on (the units read once per
-- statement, as case_report does since 0042); a contact when its course does, asked by the
-- course's primary key.
create policy service_course_report on service_course for select to frid_report
  using (org_id = frid_org() and unit_id = any ((select frid_reported_units())::uuid[]));
create policy service_contact_report on service_contact for select to frid_report
  using ((select c.org_id from service_course c where c.id = service_contact.course_id) = frid_org());
