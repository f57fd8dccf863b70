-- Frid 0041 (issue 14): Att göra at a million cases.
--
-- Att göra (modules/worklist) now takes the cases in scope once per request and reads each
-- kind of line from them (one statement). What it still asked per row, and what no index led:

-- A unit manager's scope is the open cases of the units they manage: 3,794 of a unit's
-- 25,001 in the generated country. Without this index the unit's whole history is read and
-- the closed cases filtered away; with it, only the open ones (the same predicate the query
-- says: status <> 'closed').
create index case_unit_open_idx on "case" (unit_id, case_type, status) where status <> 'closed';

-- A withdrawn consent to a placement (LVU's "samtycke återkallat") is found by the placement
-- decision; consent had only (case_id) and the statistics' (org_id, day) indexes, so each
-- placement on the list read the whole consent table.
create index consent_decision_idx on consent (decision_id) where decision_id is not null;

-- Open tasks of a case: case_task's only case-led index is partial on kind (uniqueness of a
-- task kind per case), so a list of open tasks could not use it.
create index case_task_open_idx on case_task (case_id) where done_at is null;

-- The latest completed risk assessment of a case (reassessment, safety plan): by case and
-- completion, newest first, instead of every assessment of the case sorted.
create index assessment_case_completed_idx on assessment (case_id, completed_at desc)
  where completed_at is not null;

-- The safety plan's last save of a case.
create index safety_plan_version_case_saved_idx on safety_plan_version (case_id, saved_at desc);

-- The first report of concern of a case, and reports still without a protection assessment.
create index intake_case_kind_idx on intake (case_id, kind, received_at) where case_id is not null;

-- Barrier events: who may read one is decided by the case on either side. The policy asked
-- frid_can_see_case (a plpgsql function, itself calling frid_person_barred) of both sides of
-- every event row: for a partner-contact worker's 311 unacknowledged notices, 622 calls and
-- 72 ms. The same rule, asked of the case policy (case_select, migration 0034: the actor's
-- sets read once per statement, each row compared by index): an event is visible when the
-- case it went to, or the case it came from, is a case the actor sees. Nothing loosens: it is
-- exactly the rule frid_can_see_case applies, and the case policy answers for the actor.
drop policy barrier_event_select on barrier_event;
create policy barrier_event_select on barrier_event for select to frid_app
  using (org_id = frid_org()
         and (exists (select 1 from "case" seen where seen.id = barrier_event.to_case_id)
              or exists (select 1 from "case" seen where seen.id = barrier_event.from_case_id)));

-- The persons the actor is barred from (0034), read from the actor's side: start from the
-- cases they have ever worked and follow each one's barriers by index (barrier_a_idx,
-- barrier_b_idx), instead of reading every barrier of the organisation (7,500 in the largest
-- generated one) and keeping those whose other side the actor worked: 5 ms for a
-- partner-contact worker with 300 cases, and asked several times per statement (the rule in
-- scope.ts, case_select, person_select). The same sentence: every person with a case behind a
-- barrier from a case the user has EVER worked (assigned or granted, now or before) whose
-- person is another, within the user's organisation.
create or replace function frid_barred_persons(p_user uuid) returns uuid[]
language plpgsql stable parallel safe security definer set search_path = public cost 50 as $$
declare
  v_org uuid := (select org_id from app_user where id = p_user);
begin
  return coalesce((select array_agg(distinct mine.person_id)
    from (select case_id from case_assignment where user_id = p_user
          union
          select case_id from access_grant where user_id = p_user) worked
    join lateral (select b.case_b_id as mine_id from barrier b
                   where b.case_a_id = worked.case_id and b.org_id = v_org
                  union all
                  select b.case_a_id from barrier b
                   where b.case_b_id = worked.case_id and b.org_id = v_org) side on true
    join "case" other on other.id = worked.case_id
    join "case" mine on mine.id = side.mine_id
   where mine.person_id <> other.person_id), '{}');
end
$$;
