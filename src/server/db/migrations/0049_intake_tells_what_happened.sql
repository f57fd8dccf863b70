-- Frid 0049: an intake tells what happened. What was reported (free text), the report's own
-- date (a school's letter may be dated days before it reached the unit), and who reported it:
-- an organisation and its contact person, a professional's work details (never the protected
-- person's own). The question about violence is asked only where it fits: a report of concern
-- is about a child, and the child is not asked at intake; then it stays null ("did not apply").
-- The rule itself is one function, src/shared/intake-questions.ts; the checks below only
-- keep the table from contradicting it. Row-level security: the policies of 0005 cover the
-- new columns (they are on rows, not columns).

alter table intake
  add column report_text           text check (length(report_text) between 1 and 8000),
  add column reported_on           date,
  add column reporter_organisation text check (length(reporter_organisation) between 1 and 200),
  add column reporter_name         text check (length(reporter_name) between 1 and 200),
  add column reporter_phone        text check (length(reporter_phone) between 1 and 40),
  add column reporter_email        text check (length(reporter_email) between 3 and 200);

alter table intake alter column asked_about_violence drop not null;
alter table intake add constraint intake_violence_question_fits
  check (asked_about_violence is not null or kind = 'report_of_concern');
-- A person's own contact, or an anonymous one, has no reporter to record.
alter table intake add constraint intake_reporter_is_someone_else
  check (source not in ('the_person', 'anonymous')
         or num_nonnulls(reporter_organisation, reporter_name, reporter_phone, reporter_email) = 0);
