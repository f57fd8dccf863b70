-- Frid 0029 (issue 11 §6): a one-time password (npm run admin:create) must be replaced at
-- the first login, after the one-time code and before anything else. The session waits in
-- its own state until then.
alter table app_user add column password_change_required boolean not null default false;

alter table session drop constraint session_state_check;
alter table session add constraint session_state_check check (state in
  ('authenticated', 'mfa_required', 'mfa_enrolment_required', 'password_change_required'));
