-- Frid 0026 (issue 11, item 1): registering a personnummer the organisation already has
-- must answer exactly as registering an unknown one would. The registrant therefore sees the
-- person as THEY typed them in, never the stored name, sex or protection level, until they
-- have a case of the person. What each registrant typed is kept on their registration.
alter table person_registration
  add column given_name text,
  add column family_name text,
  add column sex text check (sex in ('female', 'male', 'other', 'unknown'));

-- Registrations made before this saw the stored person already: nothing new is revealed.
update person_registration r
   set given_name = p.given_name, family_name = p.family_name, sex = p.sex
  from person p
 where p.id = r.person_id;

-- Test factories and the demo seed (owner connection) may leave the typed names out: they
-- take the stored ones. The application must always say what was typed — a registration
-- by frid_app without them is refused, so a forgotten column can never fall back to the
-- stored name (which is what item 1 is about).
create function frid_registration_typed() returns trigger
language plpgsql as $$
begin
  if new.given_name is null or new.family_name is null or new.sex is null then
    if current_user = 'frid_app' then
      raise exception 'person_registration needs the identity as the registrant typed it';
    end if;
    select coalesce(new.given_name, p.given_name), coalesce(new.family_name, p.family_name),
           coalesce(new.sex, p.sex)
      into new.given_name, new.family_name, new.sex
      from person p where p.id = new.person_id;
  end if;
  return new;
end
$$;
create trigger person_registration_typed before insert on person_registration
  for each row execute function frid_registration_typed();

alter table person_registration
  alter column given_name set not null,
  alter column family_name set not null,
  alter column sex set not null;

-- Name search over what the registrant typed, folded as person.search_name is (0008).
alter table person_registration add column search_name text generated always as (
  ' ' || lower(translate(given_name || ' ' || family_name,
    'ÅÄÖåäöÆØæøÉÈÊËéèêëÜÙÚÛüùúûÁÀÂÃáàâãÍÌÎÏíìîïÓÒÔÕóòôõÑñÇçŠšŽžÝýÿ',
    'AAOaaoAOaoEEEEeeeeUUUUuuuuAAAAaaaaIIIIiiiiOOOOooooNnCcSsZzYyy'))
) stored;

-- A relative recorded in a case is shown there as the recorder knew them: a worker who only
-- registered the relative's number (and typed any name) must not learn the stored name by
-- adding them to a case of their own. Older rows (null) show the stored name, as before.
alter table relation add column given_name text, add column family_name text;

-- A refused registration across a barrier tells partner contact's own barrier (known to both
-- sides) from one a manager set for another reason, which must not be revealed.
create function frid_person_barred_by_partner_contact(p_person uuid, p_user uuid) returns boolean
language plpgsql stable security definer set search_path = public as $$
begin
  return exists (
    select 1
    from "case" mine
    join barrier b on (b.case_a_id = mine.id or b.case_b_id = mine.id) and b.purpose = 'partner_contact'
    join "case" other on other.id = case when b.case_a_id = mine.id then b.case_b_id else b.case_a_id end
    where mine.person_id = p_person
      and other.person_id <> p_person
      and (exists (select 1 from case_assignment o where o.case_id = other.id and o.user_id = p_user)
           or exists (select 1 from access_grant g where g.case_id = other.id and g.user_id = p_user))
  );
end
$$;
grant execute on function frid_person_barred_by_partner_contact(uuid, uuid) to frid_app;


-- For the audit trail only (issue 11, item 5; like frid_case_person): the case of a journal
-- entry the caller may not see, so a refused edit or signature is listed in that person's log
-- review. Nothing of it reaches the caller.
create function frid_journal_entry_case(p_entry uuid) returns uuid
language sql stable security definer set search_path = public as $$
  select case_id from journal_entry where id = p_entry and org_id = frid_org()
$$;
grant execute on function frid_journal_entry_case(uuid) to frid_app;
