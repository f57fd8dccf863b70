-- Frid 0062 (issue 17, item 7): seed 001's yearly table of the children's crisis centre
-- (modules/statistics/crisis-centre-year.ts) joins the children's figures (0058, read as the
-- reporting role) with the competence register's (study visits, trainings, supervision
-- sessions). Both are counted in one reporting transaction, so the reporting role counts the
-- register too: an analyst, who does not read the register as frid_app (0059), must get its
-- figures, not zeros.
--
-- The register is the organisation's (0059: no unit on its rows), so anyone who reports on a
-- unit of the organisation (a unit manager her units, an analyst all) counts all of it.
-- Column grants hold what competenceFigures counts: ids, days, hours and numbers, never a
-- name, an organisation's name, a role or a note.
grant select (id, org_id, starts_on, hours, joint_with) on training to frid_report;
grant select (id, org_id, training_id, participants) on training_participants to frid_report;
grant select (id, org_id, trained_on) on instructor to frid_report;
grant select (training_id, instructor_id, org_id) on training_instructor to frid_report;
grant select (id, org_id, held_on) on instructor_meeting to frid_report;
grant select (meeting_id, instructor_id, org_id) on instructor_meeting_attendance to frid_report;
grant select (id, org_id, held_on, hours) on supervision_session to frid_report;
grant select (id, org_id, visited_on, visitors) on study_visit to frid_report;

-- One rule for the eight tables (as 0059 keeps theirs identical): the organisation's rows,
-- for an actor who reports on at least one of its units.
do $$
declare t text;
begin
  foreach t in array array['training', 'training_participants', 'instructor',
                           'training_instructor', 'instructor_meeting',
                           'instructor_meeting_attendance', 'supervision_session', 'study_visit']
  loop
    execute format('create policy %I on %I for select to frid_report
                      using (org_id = frid_org()
                             and (select cardinality(frid_reported_units())) > 0)',
                   t || '_report', t);
  end loop;
end
$$;
