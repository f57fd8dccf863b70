-- Frid 0039 (issue 14): the rest of the year's partner-contact statistics by index. 0036 gave
-- treatment organisation-led indexes by day; the other tables the figures are made of were
-- filtered by day alone, so every statement read the whole table — every consent, attempt,
-- refusal, partner and barrier event in the country — and ran frid_reports_on_case on each
-- row (bench/plans/statistics-*.txt). Each of these tables already carries its organisation
-- (org_id, written as frid_org() by the insert policies of 0012/0020/0021, which also require
-- a case the writer may see, so in the writer's organisation); the statistics now name it and
-- these indexes lead with it, then the day the count is by. Partial where the statistics
-- only ever ask for one kind (partner-contact consents, exceptions, risk alerts).

-- Naming the row's own organisation instead of only the case's gives the same rows only if
-- the two agree. The policies make it so for everything written through the application;
-- check that nothing written otherwise (seeds, imports) says different before relying on it.
do $$
begin
  if exists (select 1 from consent x join "case" c on c.id = x.case_id where x.org_id <> c.org_id)
     or exists (select 1 from partner x join "case" c on c.id = x.case_id where x.org_id <> c.org_id)
     or exists (select 1 from partner_contact_attempt x join "case" c on c.id = x.case_id
                 where x.org_id <> c.org_id)
     or exists (select 1 from partner_contact_refusal x join "case" c on c.id = x.case_id
                 where x.org_id <> c.org_id)
     or exists (select 1 from barrier_event x join "case" c on c.id = x.from_case_id
                 where x.org_id <> c.org_id) then
    raise exception 'a partner-contact row names another organisation than its case';
  end if;
end $$;

create index consent_org_given_idx on consent (org_id, given_on)
  where scope = 'partner_contact';
create index consent_org_revoked_idx on consent (org_id, revoked_on)
  where scope = 'partner_contact' and revoked_on is not null;
create index partner_contact_attempt_org_idx on partner_contact_attempt (org_id, attempted_on);
create index partner_contact_refusal_org_idx on partner_contact_refusal (org_id, refused_on);
create index partner_org_exception_idx on partner (org_id, recorded_at)
  where exception_kind is not null;
create index barrier_event_org_alert_idx on barrier_event (org_id, created_at)
  where kind = 'risk_alert';

-- frid_report (0033) may name each row's organisation (not personal data; it leads the
-- indexes above), as 0036 let it for treatment.
grant select (org_id) on consent, partner, partner_contact_attempt, partner_contact_refusal,
  barrier_event to frid_report;
