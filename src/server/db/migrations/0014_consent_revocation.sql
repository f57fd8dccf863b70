-- Frid 0014: a custodian's consent can be withdrawn (revoked_on, revoked_reason); nothing
-- else about a consent ever changes.
create policy consent_update on consent for update to frid_app
  using (frid_can_see_case(case_id)) with check (frid_can_see_case(case_id));
grant update (revoked_on, revoked_reason) on consent to frid_app;
