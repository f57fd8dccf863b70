-- Frid 0085 (issue 19, security review findings 4, 5 and 11): gallring takes only what is
-- hers through the removed cases, never a person the deciding manager is barred from, never
-- a document row whose content (and so its record key) was not destroyed; each receipt says
-- which period of its rule applied.

-- The facts now also count what names her outside her own cases: her service courses (their
-- last contact) and the stays of another person's case she was in or a note of which is about
-- her. Their dates are entries about her (12:1: nothing of hers goes while any of it is inside
-- its time); those in a unit the manager does not manage keep her as other_unit. A person the
-- manager is barred from is not listed at all: another manager of the unit decides on her.
create or replace function frid_retention_person_facts()
returns table (person_id uuid, birth_date date, last_entry timestamptz,
               earliest_case_entry timestamptz, last_closed timestamptz, open_cases integer,
               other_unit_cases integer, child_placed boolean, recorded_as_child boolean)
language sql stable security definer set search_path = public as $$
  with managed as (
    select r.unit_id from role_assignment r
    where r.user_id = frid_actor() and r.org_id = frid_org() and r.role = 'unit_manager'
  ), people as (
    select distinct c.person_id from "case" c
    where c.org_id = frid_org() and c.unit_id in (select unit_id from managed)
      and not frid_person_barred(c.person_id, frid_actor())
  ), her_cases as (
    select c.*, greatest(
       c.opened_at, c.status_changed_at, c.closed_at,
       (select max(greatest(j.written_at, j.updated_at, j.signed_at)) from journal_entry j where j.case_id = c.id),
       (select max(s.changed_at) from case_status_change s where s.case_id = c.id),
       (select max(d.decided_at) from decision d where d.case_id = c.id),
       (select max(greatest(x.uploaded_at, x.destroyed_at)) from document x where x.case_id = c.id)
     ) as last_entry
    from "case" c where c.person_id in (select person_id from people)
  ), other_records as (
    select sc.person_id, sc.unit_id, greatest(
       sc.created_at, sc.closed_at,
       (select max(greatest(k.occurred_at, k.created_at)) from service_contact k where k.course_id = sc.id)
     ) as last_entry
    from service_course sc where sc.person_id in (select person_id from people)
    union all
    select m.person_id, c.unit_id, greatest(
       s.created_at, s.planned_from::timestamptz, s.planned_to::timestamptz, s.arrived_on::timestamptz,
       s.left_on::timestamptz, s.followed_up_on::timestamptz, s.cancelled_at,
       (select max(greatest(n.written_at, n.happened_on::timestamptz)) from stay_note n where n.stay_id = s.id)
     )
    from stay_member m join stay s on s.id = m.stay_id join "case" c on c.id = s.case_id
    where m.person_id in (select person_id from people) and c.person_id <> m.person_id
    union all
    select n.person_id, c.unit_id, greatest(n.written_at, n.happened_on::timestamptz)
    from stay_note n join stay s on s.id = n.stay_id join "case" c on c.id = s.case_id
    where n.person_id in (select person_id from people) and c.person_id <> n.person_id
  )
  select p.id, p.birth_date,
    greatest((select max(c.last_entry) from her_cases c where c.person_id = p.id),
             (select max(o.last_entry) from other_records o where o.person_id = p.id)),
    (select min(c.last_entry) from her_cases c where c.person_id = p.id),
    (select max(c.closed_at) from her_cases c where c.person_id = p.id),
    (select count(*)::integer from her_cases c where c.person_id = p.id and c.status <> 'closed'),
    (select count(*)::integer from her_cases c
       where c.person_id = p.id and c.unit_id not in (select unit_id from managed))
    + (select count(*)::integer from other_records o
       where o.person_id = p.id and o.unit_id not in (select unit_id from managed)),
    exists (select 1 from her_cases c
            where c.person_id = p.id
              and (exists (select 1 from child_placement cp where cp.case_id = c.id)
                   or exists (select 1 from decision d
                              where d.case_id = c.id and d.intervention_kind = 'sheltered_housing'
                                and d.outcome in ('granted', 'partly_granted') and p.birth_date is not null
                                and d.decided_at < (p.birth_date + interval '18 years')))),
    p.birth_date is not null and exists (
      select 1 from her_cases c
      where c.person_id = p.id and c.opened_at < (p.birth_date + interval '18 years'))
  from person p where p.id in (select person_id from people)
$$;

-- Her closed cases go with everything in them; her person row goes only when no row of any
-- other table still names her. Only the person-level rows that are hers alone go with it:
-- who registered her (person_registration) and the reveals of her contact details
-- (person_reveal). Every other reference — another unit's service course, a stay of another
-- person's case, a relation or restraining order in his case, and any table added later —
-- keeps the row. Refused: a person the actor is barred from, and any person one of whose
-- documents still holds content (destroyDocuments shreds its key first; deleting the row
-- without it would leave the ciphertext readable in WAL and backups).
create or replace function frid_retention_remove_person(p_person uuid)
returns table (case_id uuid, person_removed boolean)
language plpgsql security definer set search_path = public as $$
declare
  v_cases uuid[];
  fk record;
  v_referenced boolean := false;
  v_found boolean;
begin
  if exists (select 1 from "case" c where c.person_id = p_person
             and (c.org_id <> frid_org() or c.status <> 'closed'
                  or not frid_has_unit_role(c.unit_id, array['unit_manager'])))
     or frid_person_barred(p_person, frid_actor()) then
    raise exception 'retention removal refused for person %', p_person using errcode = '42501';
  end if;
  select coalesce(array_agg(c.id), '{}') into v_cases from "case" c where c.person_id = p_person;
  if cardinality(v_cases) = 0 then
    raise exception 'retention removal refused for person %', p_person using errcode = '42501';
  end if;
  if exists (select 1 from document d where d.case_id = any (v_cases) and d.destroyed_at is null) then
    raise exception 'retention removal refused for person %: a document is not destroyed', p_person
      using errcode = '42501';
  end if;
  perform set_config('frid.retention', 'remove', true);
  perform frid_retention_delete('"case"'::regclass,
    format('id = any (%L::uuid[])', v_cases), 0);
  for fk in
    select c.conrelid::regclass as child,
           (select string_agg(quote_ident(a.attname), ',' order by k.ord)
              from unnest(c.conkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as cols
    from pg_constraint c
    where c.contype = 'f' and c.confrelid = 'person'::regclass and c.conrelid <> 'person'::regclass
      and c.conrelid not in ('person_registration'::regclass, 'person_reveal'::regclass)
  loop
    execute format('select exists (select 1 from %s where (%s) = ($1))', fk.child, fk.cols)
      into v_found using p_person;
    v_referenced := v_referenced or v_found;
  end loop;
  if not v_referenced then
    perform frid_retention_delete('person'::regclass, format('id = %L', p_person), 0);
  end if;
  perform set_config('frid.retention', '', true);
  return query select unnest(v_cases), not v_referenced;
end
$$;

-- A document row never leaves while it holds content: its content is destroyed first (the
-- one way, documents/service.ts destroyDocuments), which shreds its record key. frid_app
-- may not delete documents at all; this holds for the owner and every function too.
create function frid_document_delete_destroyed_only() returns trigger
language plpgsql as $$
begin
  if old.destroyed_at is null then
    raise exception 'document % must be destroyed before its row is deleted', old.id
      using errcode = 'check_violation';
  end if;
  return old;
end
$$;
create trigger document_delete_destroyed_only before delete on document
  for each row execute function frid_document_delete_destroyed_only();

-- The period of the rule that applied when the record was removed (null on receipts made
-- before this migration): a rule changed later does not change what a receipt says.
alter table retention_receipt
  add column rule_years integer check (rule_years is null or rule_years between 0 and 150),
  add column rule_after_event text
    check (rule_after_event is null or rule_after_event in ('last_entry', 'case_closed', 'birth')),
  add check ((rule_years is null) = (rule_after_event is null));
