-- Frid 0031 (issue 12): an implementation plan carries a version, like the safety plan. A
-- change names the version it was made from; a stale one, or a second "new plan" for the
-- same decision, is refused (409) instead of silently overwriting a colleague's plan.
alter table implementation_plan add column version integer not null default 1 check (version >= 1);
