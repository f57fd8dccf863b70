-- Frid 0105: a shelter's command on a stay takes its case's row lock before the stay's, as the
-- placing side's does.
--
-- Since 0101 every write of a stay first locks its case (the report's facts). The placing
-- side's commands lock the case (runCaseCommand) and then the stay; the shelter's locked the
-- stay and then, writing it, the case — so a check-out from each side at once could each hold
-- what the other waited for, and one ended in a deadlock (500). The shelter's staff may not
-- see the case row, so its lock is taken here, for a stay the caller's shelter runs now.

create function frid_lock_stay_case(p_stay uuid) returns void
language plpgsql security definer set search_path = public as $$
begin
  if frid_runs_stay(p_stay) then
    perform 1 from "case" where id = (select s.case_id from stay s where s.id = p_stay)
      for no key update;
  end if;
end
$$;
grant execute on function frid_lock_stay_case(uuid) to frid_app;
