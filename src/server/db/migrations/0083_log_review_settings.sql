-- Frid 0083 (issue 19, item 7, tidy): the log review's threshold is set by the organisation's
-- unit managers and administrators (modules/audit-review/settings.ts, audited with the old
-- and the new value), and an anomaly's conclusions form one line: each names the conclusion
-- it replaces, so two reviewers concluding the same anomaly at once cannot both stand — the
-- second is told to reload (409), and the trail holds one conclusion, not two.

create policy log_review_setting_insert on log_review_setting for insert to frid_app
  with check (org_id = frid_org() and updated_by = frid_actor()
              and (frid_manages_a_unit() or frid_administers_org()));
create policy log_review_setting_update on log_review_setting for update to frid_app
  using (org_id = frid_org() and (frid_manages_a_unit() or frid_administers_org()))
  with check (org_id = frid_org() and updated_by = frid_actor()
              and (frid_manages_a_unit() or frid_administers_org()));
grant insert, update on log_review_setting to frid_app;

alter table audit_conclusion add column replaces uuid references audit_conclusion (id);

-- Conclusions made before this migration: each replaces the one before it for its anomaly.
update audit_conclusion c
   set replaces = p.prev
  from (select id, lag(id) over (partition by org_id, anomaly_key
                                 order by concluded_at, id) as prev
          from audit_conclusion) p
 where p.id = c.id and p.prev is not null;

-- One first conclusion per anomaly, and each conclusion replaced at most once: the newest is
-- the one nobody replaced.
create unique index audit_conclusion_first_idx on audit_conclusion (org_id, anomaly_key)
  where replaces is null;
create unique index audit_conclusion_replaces_idx on audit_conclusion (replaces);
