-- Frid 0024: what a barrier is for (security review of issue 6). A risk alert crosses only a
-- barrier partner contact made, never one a unit manager set between two cases for another
-- reason; and a partner row on his side must point at the barrier and case it opened.

alter table barrier add column purpose text not null default 'manual'
  check (purpose in ('manual', 'partner_contact'));
update barrier set purpose = 'partner_contact'
 where id in (select barrier_id from partner where barrier_id is not null);

-- A partner row names her case and its barrier only as opened just now by this actor.
drop policy partner_insert on partner;
create policy partner_insert on partner for insert to frid_app
  with check (org_id = frid_org() and recorded_by = frid_actor() and frid_can_see_case(case_id)
              and (partner_case_id is null
                   or exists (select 1 from barrier b
                              where b.id = barrier_id and b.purpose = 'partner_contact'
                                and b.case_a_id = case_id and b.case_b_id = partner_case_id)));

-- A risk alert's reason belongs to the event it explains, on the side that sent it.
drop policy risk_alert_reason_insert on risk_alert_reason;
create policy risk_alert_reason_insert on risk_alert_reason for insert to frid_app
  with check (org_id = frid_org() and frid_can_see_case(case_id)
              and exists (select 1 from barrier_event e
                          where e.id = event_id and e.from_case_id = case_id
                            and e.kind = 'risk_alert' and e.created_by = frid_actor()));
