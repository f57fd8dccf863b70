-- Frid 0075 (issue 19, item 1): protection everywhere. The residents of a stay, as its case
-- workers and the shelter's staff see them, now carry each person's protection level, so the
-- one rule in the application (src/shared/protection.ts) can withhold a fictitious identity's
-- real name and show the badge. Still names and birth year only: no number, no contact.
-- The return type changes, so the function is dropped and made again (nothing depends on it).

drop function frid_stay_people(uuid);

create function frid_stay_people(p_stay uuid)
returns table (
  person_id uuid, role text, given_name text, family_name text, birth_year integer,
  protection_level text
)
language sql stable security definer set search_path = public as $$
  select m.person_id, m.role, p.given_name, p.family_name,
         extract(year from p.birth_date)::integer, p.protection_level
  from stay_member m join person p on p.id = m.person_id
  where m.stay_id = p_stay and frid_can_see_stay(p_stay)
$$;
grant execute on function frid_stay_people(uuid) to frid_app;
