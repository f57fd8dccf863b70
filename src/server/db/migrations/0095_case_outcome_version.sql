-- Frid 0095 (issue 20, item 3 mended): the case's outcome counts its changes, so a change
-- names the version it was made from (PUT /api/cases/:id/outcome, like the plans'
-- basedOnVersion). Of two workers changing the outcome from the same state, the first counts
-- and the second gets 409 — never a colleague's outcome silently replaced. The history
-- (0089's trigger) keeps exactly the one each change replaced.
alter table case_outcome add column version integer not null default 1 check (version >= 1);
grant update (version) on case_outcome to frid_app;
