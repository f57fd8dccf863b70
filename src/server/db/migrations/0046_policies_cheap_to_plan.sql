-- Frid 0046 (issue 14): the case and person policies back in the set form of 0034, because
-- 0043's form was too dear to PLAN.
--
-- 0043 wrote "works on this case now" and "barred from this person" as EXISTS over two views
-- (frid_current_work, frid_barred_person), so that a one-row read probes by index. It does —
-- but every statement that meets the case or person policy (a search meets them in four
-- places: the person, her cases, her relatives' cases, the case of each relation) now plans
-- both views anew in each place. Measured on the generated country (1,000,000 cases), the
-- personnummer search's one statement as a caseworker:
--   0043's policies                                   planning 33–40 ms, execution 12–15 ms
--   "barred" as a set again                           planning  8–10 ms
--   both as sets (0034, with 0045's covering indexes)  planning  2–3 ms,  execution 10–13 ms
-- and the case lists, Att göra and the person page paid the same 10–17 ms per statement.
-- Unnamed statements are planned at every call, so that was most of each request.
--
-- The sets cost a reader in proportion to her own current cases (read once per statement
-- from 0045's covering index: a few hundred index entries for a caseworker), never the
-- organisation's. What 0043 fixed beside the policies stays: frid_can_see_case probes the
-- (case, user) keys of p_case itself, and the views stay for scope.ts's one-case form and
-- the equivalence tests. The rule is the same sentence in all three forms (ADR 0009).

drop policy case_select on "case";
create policy case_select on "case" for select to frid_app
  using (org_id = frid_org()
         and (unit_id = any ((select frid_managed_units(frid_actor()))::uuid[])
              or id = any ((select frid_current_cases(frid_actor()))::uuid[]))
         and person_id <> all ((select frid_barred_persons(frid_actor()))::uuid[]));
drop policy case_update on "case";
create policy case_update on "case" for update to frid_app
  using (org_id = frid_org()
         and (unit_id = any ((select frid_managed_units(frid_actor()))::uuid[])
              or id = any ((select frid_current_cases(frid_actor()))::uuid[]))
         and person_id <> all ((select frid_barred_persons(frid_actor()))::uuid[]));

drop policy person_select on person;
create policy person_select on person for select to frid_app
  using (org_id = frid_org()
         and id <> all ((select frid_barred_persons(frid_actor()))::uuid[])
         and (exists (select 1 from person_registration r
                       where r.person_id = person.id and r.user_id = frid_actor())
              or exists (select 1 from "case" c where c.person_id = person.id)
              or exists (select 1 from relation rel where rel.other_person_id = person.id)));
drop policy person_update on person;
create policy person_update on person for update to frid_app
  using (org_id = frid_org()
         and id <> all ((select frid_barred_persons(frid_actor()))::uuid[])
         and (exists (select 1 from person_registration r
                       where r.person_id = person.id and r.user_id = frid_actor())
              or exists (select 1 from "case" c where c.person_id = person.id)
              or exists (select 1 from relation rel where rel.other_person_id = person.id)));
