-- Frid 0035 (issue 14, item 4): person search that an index drives, at a national scale.
--
-- Before this, a name search filtered `search_name LIKE '% word%'` over every person of the
-- organisation: LIKE is not leakproof, so under row-level security PostgreSQL must run the
-- policy's access function on each row first (50,000 calls in a large municipality, about
-- 4 s), and no index can help. Here the names get a trigram index per organisation, and a
-- SECURITY DEFINER function finds the candidates by that index and applies the access rule
-- to them explicitly, by calling the access functions by name; the application then reads
-- the page's persons by id, under row-level security as before.

-- Contrib extensions, in PostgreSQL and in PGlite (db/connection.ts loads them there).
-- All three are trusted: the database's owner may create them without being a superuser.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists btree_gin;

-- Case and accents folded: "Östlund" → "ostlund", "José" → "jose", "Ærø" → "aero". unaccent()
-- is only STABLE (its dictionary could change), so an index cannot call it; this wrapper
-- names the dictionary and is declared IMMUTABLE, the usual way. Should the unaccent rules
-- ever change, REINDEX the indexes on search_name. Hyphens become spaces, so "karin" begins
-- a word of "Anna-Karin".
create function frid_fold(p_text text) returns text
language sql immutable parallel safe strict as $$
  select translate(lower(public.unaccent('public.unaccent'::regdictionary, p_text)), '-', ' ')
$$;

-- search_name (0008, 0026) is now folded by frid_fold, the one folding of search text: the
-- query is folded by the same function inside frid_person_search, never in the application.
alter table person drop column search_name;
alter table person add column search_name text generated always as (
  ' ' || frid_fold(given_name || ' ' || family_name)
) stored;
alter table person_registration drop column search_name;
alter table person_registration add column search_name text generated always as (
  ' ' || frid_fold(given_name || ' ' || family_name)
) stored;

-- The organisation first (btree_gin), then the name's trigrams: a search reads only its own
-- organisation's entries, however many persons the country holds.
create index person_search_name_idx on person using gin (org_id, search_name gin_trgm_ops);
-- A user's own registrations (what they typed), for the as-typed half of the search.
create index person_registration_user_idx on person_registration (user_id, org_id);

-- Candidates for a name search, ranked and paged: the ids of the persons the caller may see
-- whose name AS SHOWN TO THE CALLER matches, best first, at most p_limit, after p_after (the
-- last id of the page before; unknown → SQLSTATE 22023, "invalid cursor").
--
-- As shown (persons/queries.ts shownPersons): whoever sees one of the person's cases, or sees
-- her as a relative in a case, sees the stored name; whoever only registered her sees what
-- they typed (0026) — so a registrant never finds her by a stored name they did not type.
-- The access rule is 0034's: the actor's managed units, cases worked now and barred persons,
-- read once per call (frid_managed_units, frid_current_cases, frid_barred_persons) and
-- compared with each candidate, as the case and person policies compare them.
--
-- A match: every word of the query begins a word of the name ("exact prefix", ranked first),
-- or the query is like a part of the name (pg_trgm word similarity ≥ 0.5: "ostlnd" finds
-- Östlund). Within each, the closer match first (strict word similarity: a whole word
-- "Anders" before the start of "Andersson"), then family name, name and id.
-- % and _ in the query are plain characters (escaped), never patterns.
--
-- SECURITY DEFINER, owned by the tables' owner: row-level security does not apply inside,
-- so the trigram index can drive the search (under a policy, a non-leakproof operator such
-- as LIKE or <% never becomes an index condition); the access rule is applied here instead,
-- to the candidates only, and the rows are read again under RLS by the caller.
create function frid_person_search(p_query text, p_after uuid, p_limit integer)
returns table (person_id uuid, approximate boolean)
language plpgsql stable security definer
set search_path = public
set pg_trgm.word_similarity_threshold = 0.5
rows 20
as $fn$
declare
  v_actor uuid := frid_actor();
  v_org uuid := frid_org();
  v_query text := btrim(regexp_replace(frid_fold(coalesce(p_query, '')), '\s+', ' ', 'g'));
  v_patterns text[];
  v_at_cursor boolean := false;
  v_managed uuid[] := frid_managed_units(frid_actor());
  v_current uuid[] := frid_current_cases(frid_actor());
  v_barred uuid[] := frid_barred_persons(frid_actor());
begin
  if v_actor is null or v_org is null or v_query = '' or p_limit < 1 then
    return;
  end if;
  -- One LIKE pattern per word, the longest first: it drives the index.
  select array_agg('% ' || replace(replace(replace(w, '\', '\\'), '%', '\%'), '_', '\_') || '%'
                   order by length(w) desc, w)
    into v_patterns
    from regexp_split_to_table(v_query, ' ') w;
  -- EXECUTE: planned with this query's values every time, so the trigram index is chosen
  -- for what the words actually are.
  for person_id, approximate in execute $q$
    with shown as (
      -- As the organisation knows them: for whoever sees them other than as a registrant only.
      -- (a case of theirs the caller sees; or, not registered by the caller, a relative
      -- recorded in a case the caller sees)
      select p.id, p.search_name as name, frid_fold(p.family_name) as family
        from person p
       where p.org_id = $1
         and (p.search_name like $3 or $4 <% p.search_name)
         and p.id <> all ($10)
         and (exists (select 1 from "case" c
                       where c.person_id = p.id and c.org_id = $1
                         and (c.unit_id = any ($8) or c.id = any ($9)))
              or (not exists (select 1 from person_registration r
                               where r.person_id = p.id and r.user_id = $2)
                  and exists (select 1 from relation rel join "case" c on c.id = rel.case_id
                               where rel.other_person_id = p.id and c.org_id = $1
                                 and (c.unit_id = any ($8) or c.id = any ($9))
                                 and c.person_id <> all ($10))))
      union all
      -- As the caller typed them: for whoever only registered them.
      select r.person_id, r.search_name, frid_fold(r.family_name)
        from person_registration r
       where r.user_id = $2 and r.org_id = $1
         and (r.search_name like $3 or $4 <% r.search_name)
         and r.person_id <> all ($10)
         and not exists (select 1 from "case" c
                          where c.person_id = r.person_id and c.org_id = $1
                            and (c.unit_id = any ($8) or c.id = any ($9)))
    ), ranked as (
      select id, not (name like all ($5)) as approximate, strict_word_similarity($4, name) as score,
             family, name
        from shown
    )
    select id, approximate
      from ranked
     where $6::uuid is null
        or id = $6
        or (approximate, -score, family, name, id)
           > (select approximate, -score, family, name, id from ranked where id = $6)
     order by approximate, score desc, family, name, id
     limit $7
  $q$ using v_org, v_actor, v_patterns[1], v_query, v_patterns, p_after,
            p_limit + (p_after is not null)::integer, v_managed, v_current, v_barred
  loop
    -- After a cursor, its own row comes first (it is the smallest key): skipped.
    if p_after is not null and not v_at_cursor then
      v_at_cursor := true;
      continue;
    end if;
    return next;
  end loop;
  if p_after is not null and not v_at_cursor then
    raise exception 'frid: not a row of this search' using errcode = '22023';
  end if;
end
$fn$;
grant execute on function frid_person_search(text, uuid, integer) to frid_app;
