-- Frid 0015: what the application role may change, narrowed to what the commands change
-- (review of issue 4): a placement's court steps and end, a consent's withdrawal (once), a
-- task's completion (once); an updated row must still belong to a case the actor may see.

revoke update on child_placement from frid_app;
grant update (court_submitted_on, court_ruled_on, court_outcome, ended_on) on child_placement to frid_app;

drop policy consent_update on consent;
create policy consent_update on consent for update to frid_app
  using (frid_can_see_case(case_id) and revoked_on is null)
  with check (frid_can_see_case(case_id) and revoked_on is not null);
-- Every consent today belongs to a placement decision.
alter table consent alter column decision_id set not null;

revoke update on case_task from frid_app;
grant update (done_at, done_by, done_note) on case_task to frid_app;
drop policy case_task_update on case_task;
create policy case_task_update on case_task for update to frid_app
  using (frid_can_see_case(case_id) and done_at is null)
  with check (done_by = frid_actor() and frid_can_see_case(case_id));

drop policy investigation_update on investigation;
create policy investigation_update on investigation for update to frid_app
  using (frid_can_see_case(case_id))
  with check (updated_by = frid_actor() and frid_can_see_case(case_id));

-- Reserve numbers are not unique across issuers and are often sequential: they never link a
-- registration to an existing person (that would let anyone learn names by guessing), so
-- only the national numbers stay unique.
drop index person_identity_idx;
create unique index person_identity_idx on person (org_id, identity_number)
  where identity_kind in ('personal_identity_number', 'coordination_number');
create or replace function frid_person_id_by_identity(p_number text) returns uuid
language sql stable security definer set search_path = public as $$
  select id from person where org_id = frid_org() and identity_number = p_number
    and identity_kind in ('personal_identity_number', 'coordination_number')
$$;
