-- Frid 0099 (issue 20, item 6): what the yearly report asks of a case about its other
-- records, kept on the case.
--
-- Kolada's adult cases ask, of each case opened in the year, whether any intervention was
-- granted (a decision granted wholly or partly); the outcomes ask, of each case closed in the
-- year, the goal its outcome says was reached. Both were a lookup per case (bench/plans).
-- Now the case says it: granted_decision and outcome_goal, set from its decisions and its
-- outcome by trigger in the same transaction as any change of them, and made again from
-- those records whenever a statement tries to set them, so they never say anything else.

alter table "case" add column granted_decision boolean not null default false,
  add column outcome_goal text;

-- What the case's records say.
create function frid_case_report_facts_of(p_case uuid, out granted boolean, out goal text)
language sql stable security definer set search_path = public as $$
  select exists (select 1 from decision d where d.case_id = p_case
                  and d.outcome in ('granted', 'partly_granted')),
         (select o.goal_reached from case_outcome o where o.case_id = p_case);
$$;

-- A statement setting either gets what the records say instead.
create function frid_case_report_facts_kept() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  f record;
begin
  if (new.granted_decision, new.outcome_goal) is distinct from
     (old.granted_decision, old.outcome_goal) then
    f := frid_case_report_facts_of(new.id);
    new.granted_decision := f.granted;
    new.outcome_goal := f.goal;
  end if;
  return new;
end
$$;
create trigger case_report_facts_kept before update on "case"
  for each row execute function frid_case_report_facts_kept();

-- A decision or an outcome changed: its case is told (only when that changes the case).
create function frid_case_report_facts_follow() returns trigger
language plpgsql security definer set search_path = public as $$
declare
  k uuid;
  f record;
begin
  foreach k in array array_remove(array[
      case when tg_op <> 'INSERT' then old.case_id end,
      case when tg_op <> 'DELETE' then new.case_id end], null) loop
    f := frid_case_report_facts_of(k);
    update "case" set granted_decision = f.granted, outcome_goal = f.goal
     where id = k and (granted_decision, outcome_goal) is distinct from (f.granted, f.goal);
  end loop;
  return null;
end
$$;
create trigger decision_case_report_facts after insert or update or delete on decision
  for each row execute function frid_case_report_facts_follow();
create trigger case_outcome_case_report_facts after insert or update or delete on case_outcome
  for each row execute function frid_case_report_facts_follow();

-- Filled for the cases there are.
update "case" c set granted_decision = true
 where exists (select 1 from decision d where d.case_id = c.id
                and d.outcome in ('granted', 'partly_granted'));
update "case" c set outcome_goal = o.goal_reached from case_outcome o where o.case_id = c.id;

grant select (granted_decision, outcome_goal, opened_at, closed_at) on "case" to frid_report;
