-- Frid 0052 (issue 16, stays): what starting and handling a stay needs beyond 0050's schema.

-- The place row is locked before its capacity is counted with frid_lock_place (0051), so a
-- stay and a hold cannot both take the last place.

-- For routing and the audit trail only (as frid_journal_entry_case): the case of a stay, so
-- a command on /api/stays/:id runs as a command on its case, and a refused attempt is listed
-- in that person's log review. Nothing of it reaches the caller.
create function frid_stay_case(p_stay uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select case_id from stay where id = p_stay and org_id = frid_org()
$$;
grant execute on function frid_stay_case(uuid) to frid_app;

-- A child in sheltered housing needs a decision of its own (SoL 2025:400; since 2024 each
-- accompanying child is assessed and decided on): a granted sheltered_housing decision in a
-- child case of that child, with its placement basis (both custodians' consent, or lag
-- (2024:79)) in force on p_on and its period covering p_on. The adult's caseworker usually
-- may not see the child's case, so this looks for them — only for a child recorded as the
-- case person's child in a case the caller may see — and answers only the decision's id.
create function frid_child_housing_decision(p_case uuid, p_child uuid, p_on date) returns uuid
language sql stable security definer set search_path = public as $$
  select d.id
  from decision d
  join "case" cc on cc.id = d.case_id
  join child_placement cp on cp.decision_id = d.id
  where frid_can_see_case(p_case)
    and exists (select 1 from relation r join "case" a on a.id = r.case_id
                where r.case_id = p_case and r.person_id = a.person_id
                  and r.other_person_id = p_child and r.kind = 'child')
    and cc.org_id = frid_org() and cc.person_id = p_child and cc.case_type = 'child'
    and d.intervention_kind = 'sheltered_housing' and d.outcome in ('granted', 'partly_granted')
    and (d.period_from is null or d.period_from <= p_on)
    and (d.period_to is null or d.period_to >= p_on)
    and (cp.ended_on is null or cp.ended_on > p_on)
    and (cp.court_outcome is null or cp.court_outcome <> 'rejected')
    and (case cp.basis
           when 'custodians_consent' then not exists (
             select 1 from consent k where k.decision_id = d.id and k.revoked_on is not null
               and k.revoked_on <= p_on)
           else cp.immediate or cp.court_outcome = 'approved'
         end)
  order by d.decided_at desc
  limit 1
$$;
grant execute on function frid_child_housing_decision(uuid, uuid, date) to frid_app;
