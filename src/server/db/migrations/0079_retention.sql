-- Frid 0079 (issue 19, item 8): gallring — retention rules as data per organisation, the
-- dry runs a unit manager makes and decides on, and a receipt per removed record.
--
-- The law behind the defaults is in docs/retention.md, with what could NOT be confirmed
-- (SoL 2025:400's paragraph numbers, the 30-year rule for children): every default ships
-- with its legal_source and verified_on null, and the page says "Källa ej verifierad" until
-- an administrator records who checked it against the law and the dokumenthanteringsplan.

create table retention_rule (
  id            uuid primary key default gen_random_uuid(),
  org_id        uuid not null references organisation (id),
  code          text not null check (code ~ '^[a-z0-9_]{2,60}$'),
  -- what goes: the person's whole record, documents of a kind, or the narrative of signed
  -- journal entries (replaced by a tombstone: the entry, its date and author remain)
  subject       text not null check (subject in ('person_record', 'document_kind', 'journal_narrative')),
  document_kind text check (document_kind in ('partner_contact_consent', 'sharing_consent', 'disclosure')),
  years         integer not null check (years between 0 and 150),
  after_event   text not null check (after_event in ('last_entry', 'case_closed', 'birth')),
  -- {"birthDays":[5,15,25], "childPlaced":true, "childYearsFromBirth":30}
  exceptions    jsonb not null default '{}'::jsonb check (jsonb_typeof(exceptions) = 'object'),
  active        boolean not null default true,
  legal_source  text not null check (length(legal_source) between 1 and 2000),
  verified_on   date,
  verified_by   uuid references app_user (id),
  updated_at    timestamptz not null default now(),
  updated_by    uuid references app_user (id),
  unique (org_id, code),
  check ((subject = 'document_kind') = (document_kind is not null)),
  check ((verified_on is null) = (verified_by is null))
);

-- A dry run: what would go and why (ids, rules and dates; never a name or any content),
-- and, once decided, who decided and what came of it.
create table retention_run (
  id          uuid primary key default gen_random_uuid(),
  org_id      uuid not null references organisation (id),
  unit_ids    uuid[] not null,
  created_by  uuid not null references app_user (id),
  created_at  timestamptz not null default now(),
  counts      jsonb not null,
  items       jsonb not null,
  decided_by  uuid references app_user (id),
  decided_at  timestamptz,
  removed     integer,
  skipped     integer,
  check ((decided_by is null) = (decided_at is null))
);
create index retention_run_org_idx on retention_run (org_id, created_at desc);

-- One per removed record: what (type and id), when, which rule, by whom — no content. No
-- foreign key to the record: the receipt outlives it.
create table retention_receipt (
  id           uuid primary key default gen_random_uuid(),
  org_id       uuid not null references organisation (id),
  run_id       uuid not null references retention_run (id),
  record_type  text not null check (record_type in ('person', 'case', 'document', 'journal_narrative')),
  record_id    uuid not null,
  rule_code    text not null,
  removed_at   timestamptz not null default now(),
  removed_by   uuid not null references app_user (id),
  unique (run_id, record_type, record_id)
);
create index retention_receipt_run_idx on retention_receipt (run_id);

-- The defaults, for every organisation (existing ones below, new ones by the trigger).
create function frid_retention_defaults(p_org uuid) returns void
language sql security definer set search_path = public as $$
  insert into retention_rule (org_id, code, subject, document_kind, years, after_event, exceptions, legal_source)
  values
    (p_org, 'personakt_5_ar', 'person_record', null, 5, 'last_entry',
     '{"birthDays":[5,15,25],"childPlaced":true,"childYearsFromBirth":30}',
     'Socialtjänstlagen (2001:453) 12 kap. 1 § i lydelse SFS 2003:135: personakt gallras fem år efter sista anteckningen, men inte så länge uppgifter om samma person finns kvar; avslutad senast kalenderåret därefter. Undantag 12 kap. 2 § (SFS 2005:452): handlingar om ett barn som placerats i HVB, familjehem eller annat enskilt hem. Forskningsundantag: födda den 5, 15 och 25 (socialtjänstförordningen 7 kap. 2 §). Ny lag: prop. 2024/25:89, socialtjänstlagen (2025:400) från 2025-07-01 – paragrafnummer ej bekräftade. 30 år från barnets födelse: prop. 2025/26:12 – ej bekräftat att den antagits.'),
    (p_org, 'samtycke_partnerkontakt', 'document_kind', 'partner_contact_consent', 0, 'case_closed',
     '{}',
     'Rutin för partnerkontakt (förstörs när behandlingen avslutas); ingen lagregel – kontrollera mot er dokumenthanteringsplan.')
  on conflict (org_id, code) do nothing
$$;

create function frid_retention_defaults_for_new() returns trigger
language plpgsql security definer set search_path = public as $$
begin
  perform frid_retention_defaults(new.id);
  return new;
end
$$;
-- Only the trigger and this migration seed rules: nobody calls these for an organisation.
revoke all on function frid_retention_defaults(uuid) from public;
revoke all on function frid_retention_defaults_for_new() from public;
create trigger organisation_retention_defaults after insert on organisation
  for each row execute function frid_retention_defaults_for_new();
select frid_retention_defaults(id) from organisation;

-- What the retention rules need to know about each person with a case in a unit the actor
-- manages, over ALL her cases in the organisation (12:1: nothing of hers goes while any of
-- her records is still inside its time): dates and flags, no content. Her last entry is the
-- latest of the case's own dates, journal entries, status changes, decisions and documents.
create function frid_retention_person_facts()
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
  ), her_cases as (
    select c.*, greatest(
       c.opened_at, c.status_changed_at, c.closed_at,
       (select max(greatest(j.written_at, j.updated_at, j.signed_at)) from journal_entry j where j.case_id = c.id),
       (select max(s.changed_at) from case_status_change s where s.case_id = c.id),
       (select max(d.decided_at) from decision d where d.case_id = c.id),
       (select max(greatest(x.uploaded_at, x.destroyed_at)) from document x where x.case_id = c.id)
     ) as last_entry
    from "case" c where c.person_id in (select person_id from people)
  )
  select p.id, p.birth_date,
    (select max(c.last_entry) from her_cases c where c.person_id = p.id),
    (select min(c.last_entry) from her_cases c where c.person_id = p.id),
    (select max(c.closed_at) from her_cases c where c.person_id = p.id),
    (select count(*)::integer from her_cases c where c.person_id = p.id and c.status <> 'closed'),
    (select count(*)::integer from her_cases c
       where c.person_id = p.id and c.unit_id not in (select unit_id from managed)),
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

-- Deletes the rows `p_where` picks in p_table and, first, every row that references them,
-- following the foreign keys (all NO ACTION) to any depth. For retention removal only.
create function frid_retention_delete(p_table regclass, p_where text, p_depth integer)
returns void language plpgsql security definer set search_path = public as $$
declare
  fk record;
begin
  if p_depth > 20 then
    raise exception 'retention removal: references nested too deep at %', p_table;
  end if;
  for fk in
    select c.conrelid::regclass as child,
           (select string_agg(quote_ident(a.attname), ',' order by k.ord)
              from unnest(c.conkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as child_cols,
           (select string_agg(quote_ident(a.attname), ',' order by k.ord)
              from unnest(c.confkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum) as parent_cols
    from pg_constraint c
    where c.contype = 'f' and c.confrelid = p_table and c.conrelid <> p_table
  loop
    perform frid_retention_delete(
      fk.child,
      format('(%s) in (select %s from %s where %s)', fk.child_cols, fk.parent_cols, p_table, p_where),
      p_depth + 1);
  end loop;
  execute format('delete from %s where %s', p_table, p_where);
end
$$;
revoke all on function frid_retention_delete(regclass, text, integer) from public;

-- Removes a person's closed cases in units the actor manages, with everything in them, and
-- then her person row unless another person's record still names her (a relation, a
-- restraining order in his case): those records are not hers to remove. Returns the ids
-- of the removed cases and whether the person row went.
create function frid_retention_remove_person(p_person uuid)
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
                  or not frid_has_unit_role(c.unit_id, array['unit_manager']))) then
    raise exception 'retention removal refused for person %', p_person using errcode = '42501';
  end if;
  select coalesce(array_agg(c.id), '{}') into v_cases from "case" c where c.person_id = p_person;
  if cardinality(v_cases) = 0 then
    raise exception 'retention removal refused for person %', p_person using errcode = '42501';
  end if;
  perform set_config('frid.retention', 'remove', true);
  perform frid_retention_delete('"case"'::regclass,
    format('id = any (%L::uuid[])', v_cases), 0);
  for fk in
    select c.conrelid::regclass as child, a.attname
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = 'person'::regclass and c.conrelid <> 'person'::regclass
      and cardinality(c.conkey) = 1
      and exists (select 1 from pg_attribute x where x.attrelid = c.conrelid and x.attname = 'case_id')
  loop
    execute format('select exists (select 1 from %s where %I = $1)', fk.child, fk.attname)
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

-- Replaces a signed entry's narrative with a tombstone (partial removal): the trigger of
-- 0003 keeps signed entries final for everyone else.
create function frid_retention_remove_entry(p_entry uuid, p_tombstone text)
returns boolean language plpgsql security definer set search_path = public as $$
begin
  if not exists (select 1 from journal_entry j join "case" c on c.id = j.case_id
                 where j.id = p_entry and c.org_id = frid_org() and c.status = 'closed'
                   and frid_has_unit_role(c.unit_id, array['unit_manager'])) then
    raise exception 'retention removal refused for entry %', p_entry using errcode = '42501';
  end if;
  perform set_config('frid.retention', 'remove', true);
  update journal_entry set body = p_tombstone where id = p_entry;
  perform set_config('frid.retention', '', true);
  return true;
end
$$;

-- Signed entries and completed assessments stay final, except inside the retention
-- functions above (the setting alone is not enough: frid_app could set it, but these run
-- as the owner only from those functions).
create or replace function frid_journal_signed_is_final() returns trigger
language plpgsql as $$
begin
  if current_setting('frid.retention', true) = 'remove' and current_user <> 'frid_app' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if old.signed_at is not null then
    raise exception 'journal entry % is signed and cannot be changed', old.id
      using errcode = 'check_violation';
  end if;
  return new;
end
$$;
create or replace function frid_assessment_final() returns trigger language plpgsql as $$
begin
  if current_setting('frid.retention', true) = 'remove' and current_user <> 'frid_app' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if old.completed_at is not null then
    raise exception 'a completed assessment never changes' using errcode = '23514';
  end if;
  return new;
end
$$;

-- An administrator of the organisation (the role held organisation-wide or in a unit).
create function frid_administers_org() returns boolean
language sql stable security definer set search_path = public as $$
  select exists (select 1 from role_assignment r
                 where r.user_id = frid_actor() and r.org_id = frid_org() and r.role = 'administrator')
$$;

grant execute on function frid_administers_org(), frid_retention_person_facts(), frid_retention_remove_person(uuid),
  frid_retention_remove_entry(uuid, text) to frid_app;

alter table retention_rule enable row level security;
alter table retention_run enable row level security;
alter table retention_receipt enable row level security;
-- Rules: read by the organisation's unit managers and administrators; kept by administrators.
create policy retention_rule_select on retention_rule for select to frid_app
  using (org_id = frid_org() and frid_keeps_directory());
create policy retention_rule_update on retention_rule for update to frid_app
  using (org_id = frid_org() and frid_administers_org())
  with check (org_id = frid_org() and frid_administers_org());
-- Runs and receipts: the unit manager who made the run.
create policy retention_run_select on retention_run for select to frid_app
  using (org_id = frid_org() and created_by = frid_actor());
create policy retention_run_insert on retention_run for insert to frid_app
  with check (org_id = frid_org() and created_by = frid_actor());
create policy retention_run_update on retention_run for update to frid_app
  using (org_id = frid_org() and created_by = frid_actor())
  with check (org_id = frid_org() and decided_by = frid_actor());
create policy retention_receipt_select on retention_receipt for select to frid_app
  using (org_id = frid_org() and exists (select 1 from retention_run r
         where r.id = run_id and r.created_by = frid_actor()));
create policy retention_receipt_insert on retention_receipt for insert to frid_app
  with check (org_id = frid_org() and removed_by = frid_actor());
grant select, update on retention_rule to frid_app;
grant select, insert, update on retention_run to frid_app;
grant select, insert on retention_receipt to frid_app;
