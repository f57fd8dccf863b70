-- Frid 0013: what set off an automatic status change is stored as a code, not as Swedish
-- text, so each reader sees it in their own language. Earlier intake rows are moved over.
alter table case_status_change add column trigger_code text
  check (trigger_code in ('intake_application', 'intake_report_of_concern'));
update case_status_change set trigger_code = 'intake_application', comment = null
  where comment = 'Ansökan: utredning inleds';
update case_status_change set trigger_code = 'intake_report_of_concern', comment = null
  where comment = 'Orosanmälan: förhandsbedömning';
