-- Frid 0089 (issue 20, item 3): the outcome of a case at closing and its repeated outcome
-- measures.
--
-- 1. When an adult victim's, a child's or a treatment case closes, the worker records whether
--    the goal was reached (wholly, partly, not, or not assessed — then why) and the person's
--    own view. One current outcome per case; a case reopened and closed again gets a new one,
--    and the one it replaces is kept in case_outcome_history by the database itself (a
--    trigger), so no outcome is ever lost. Neither table can be deleted from by the
--    application; retention removes them with the case (frid_retention_delete, as the owner).
create table case_outcome (
  case_id              uuid primary key references "case" (id),
  org_id               uuid not null references organisation (id),
  goal_reached         text not null
                       check (goal_reached in ('wholly', 'partly', 'not', 'not_assessed')),
  own_view             text check (own_view is null or length(own_view) between 1 and 4000),
  not_assessed_reason  text check (not_assessed_reason is null
                                   or length(not_assessed_reason) between 1 and 2000),
  recorded_at          timestamptz not null default now(),
  recorded_by          uuid not null references app_user (id),
  -- A reason belongs to "not assessed" and only to it.
  check ((goal_reached = 'not_assessed') = (not_assessed_reason is not null))
);

create table case_outcome_history (
  id                   uuid primary key default gen_random_uuid(),
  case_id              uuid not null references "case" (id),
  org_id               uuid not null references organisation (id),
  goal_reached         text not null,
  own_view             text,
  not_assessed_reason  text,
  recorded_at          timestamptz not null,
  recorded_by          uuid not null references app_user (id),
  replaced_at          timestamptz not null default now()
);
create index case_outcome_history_case_idx on case_outcome_history (case_id, replaced_at);

-- The replaced outcome goes to the history in the same statement that replaces it: whatever
-- path writes the new one, the old one stays. Security definer: frid_app may not write the
-- history itself, so nothing but a replacement puts a row there.
create function frid_case_outcome_keep() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  insert into case_outcome_history
    (case_id, org_id, goal_reached, own_view, not_assessed_reason, recorded_at, recorded_by)
  values
    (old.case_id, old.org_id, old.goal_reached, old.own_view, old.not_assessed_reason,
     old.recorded_at, old.recorded_by);
  return new;
end
$$;
create trigger case_outcome_keep before update on case_outcome
  for each row execute function frid_case_outcome_keep();

alter table case_outcome enable row level security;
alter table case_outcome_history enable row level security;
create policy case_outcome_select on case_outcome for select to frid_app
  using (frid_can_see_case(case_id));
create policy case_outcome_insert on case_outcome for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
create policy case_outcome_update on case_outcome for update to frid_app
  using (frid_can_see_case(case_id))
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id));
create policy case_outcome_history_select on case_outcome_history for select to frid_app
  using (frid_can_see_case(case_id));
grant select, insert on case_outcome to frid_app;
grant update (goal_reached, own_view, not_assessed_reason, recorded_at, recorded_by)
  on case_outcome to frid_app;
grant select on case_outcome_history to frid_app;

-- 2. The yearly figures (modules/outcomes/figures.ts) are counted as the reporting role
--    (0033, 0042): an outcome counts when its case does (case_report lets through only cases
--    of units the actor reports on). Ids, codes and times only — never the person's own view
--    or a reason.
grant select (case_id, org_id, goal_reached, recorded_at) on case_outcome to frid_report;
create policy case_outcome_report on case_outcome for select to frid_report
  using ((select c.org_id from "case" c where c.id = case_outcome.case_id) = frid_org());

-- The repeated outcome measures are assessments with Frid's own follow-up instruments; their
-- change is counted from the completed ones' scores (the engine's result: figures, no text).
grant select (id, org_id, case_id, instrument_id, assessed_on, completed_at, result)
  on assessment to frid_report;
create policy assessment_outcome_report on assessment for select to frid_report
  using ((select c.org_id from "case" c where c.id = assessment.case_id) = frid_org());

-- The year's closed cases are read by the day they closed.
create index case_closed_outcome_idx on "case" (org_id, closed_at) where closed_at is not null;
create index assessment_org_instrument_idx on assessment (org_id, instrument_id, assessed_on)
  where completed_at is not null;
