-- Frid 0047 (issue 15, item 2): find a case by its number, and words in the journals of the
-- cases one may see.
--
-- Journal text is searched by PostgreSQL's full-text search with the Swedish configuration
-- (PGlite has it too): each entry's words, stemmed, in a generated column, and a GIN index
-- led by the organisation (btree_gin, created in 0035), so a search reads only its own
-- organisation's entries however many the country holds.
--
-- As with the person search (0035): @@ is not leakproof, so under row-level security the
-- planner may not use the index (it must run the policy on every entry of the organisation
-- first). frid_journal_search is SECURITY DEFINER, finds the candidates by the index and
-- applies the journal's visibility rule to them explicitly, as the policies do; the
-- application then reads the page's entries by id under row-level security as every read.

alter table journal_entry add column search_vector tsvector
  generated always as (to_tsvector('swedish', body)) stored;
create index journal_entry_search_idx on journal_entry using gin (org_id, search_vector);

-- What a person typed, as a query: every word must begin a word of the entry (stemmed, so
-- "våld" finds "våldet" and "barnen" finds "barnets"). The words are taken by the same
-- parser and dictionary as the entries (to_tsvector), and each lexeme is quoted before it
-- becomes a prefix term, so nothing typed is ever read as tsquery syntax (& | ! : * ( ) <->).
-- NULL when nothing is left to search for (only stop words such as "och", or punctuation).
create function frid_journal_tsquery(p_text text) returns tsquery
language sql immutable parallel safe strict as $$
  select string_agg(
           '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':*', ' & '
           order by lexeme)::tsquery
    from unnest(to_tsvector('swedish'::regconfig, p_text))
$$;
grant execute on function frid_journal_tsquery(text) to frid_app;

-- A page of the journal entries the caller may see whose text matches p_query, newest event
-- first (the journal's own order: occurred_at, written_at, id), at most p_limit, after
-- p_after (the last entry of the page before; one that is not a hit of this search for this
-- caller → SQLSTATE 22023). A query with no word to search for → SQLSTATE 22000.
--
-- Visible, as the policies say (journal_entry_select of 0003 over case_select of 0046): the
-- entry's case is of the caller's organisation, in a unit they manage or a case they work now
-- (assigned, or a live grant), its person not one they are barred from; and the entry is
-- signed, or a draft of their own. The three sets are read once per call, as the policies
-- read them.
create function frid_journal_search(p_query text, p_after uuid, p_limit integer)
returns table (entry_id uuid)
language plpgsql stable security definer
set search_path = public
rows 20
as $fn$
declare
  v_actor uuid := frid_actor();
  v_org uuid := frid_org();
  v_query tsquery := frid_journal_tsquery(coalesce(p_query, ''));
  v_managed uuid[] := frid_managed_units(frid_actor());
  v_current uuid[] := frid_current_cases(frid_actor());
  v_barred uuid[] := frid_barred_persons(frid_actor());
  v_occurred timestamptz;
  v_written timestamptz;
  v_visible constant text := $v$
      j.org_id = $1 and j.search_vector @@ $2
      and c.org_id = $1
      and (c.unit_id = any ($3) or c.id = any ($4))
      and c.person_id <> all ($5)
      and (j.signed_at is not null or j.author_id = $6)
  $v$;
begin
  if v_actor is null or v_org is null or p_limit < 1 then
    return;
  end if;
  if v_query is null then
    raise exception 'frid: no words to search for' using errcode = '22000';
  end if;
  if p_after is not null then
    execute 'select j.occurred_at, j.written_at from journal_entry j join "case" c on c.id = j.case_id
              where j.id = $7 and ' || v_visible
      into v_occurred, v_written
      using v_org, v_query, v_managed, v_current, v_barred, v_actor, p_after;
    if v_occurred is null then
      raise exception 'frid: not a row of this search' using errcode = '22023';
    end if;
  end if;
  -- EXECUTE: planned with this call's values. Two shapes, for two kinds of reader:
  -- - someone who works a set of cases (a caseworker: a few hundred) and manages no unit:
  --   her cases' entries by the journal's case index, each matched against the query. The
  --   planner would rather take the GIN index (it guesses 2 % of entries for any prefix
  --   query, ':*', where a common word matches a third of them): OFFSET 0 keeps the match
  --   out of the scan, so the cost follows her own journals, not the organisation's.
  -- - a unit manager: every case of the unit, so the organisation's index finds the words.
  return query execute
    case when coalesce(cardinality(v_managed), 0) = 0 then
      'select j.id from (select * from journal_entry j
                           where j.case_id = any ($4) and j.org_id = $1 offset 0) j
         join "case" c on c.id = j.case_id'
    else
      'select j.id from journal_entry j join "case" c on c.id = j.case_id'
    end || '
      where ' || v_visible || '
        and ($7::timestamptz is null or (j.occurred_at, j.written_at, j.id) < ($7, $8, $9))
      order by j.occurred_at desc, j.written_at desc, j.id desc
      limit $10'
    using v_org, v_query, v_managed, v_current, v_barred, v_actor,
          v_occurred, v_written, p_after, p_limit;
end
$fn$;
grant execute on function frid_journal_search(text, uuid, integer) to frid_app;

-- For the audit trail only (like frid_case_person): the case a case number names in the
-- caller's organisation, so a search for a number the caller may not see is listed in that
-- person's log review. Nothing of it reaches the caller.
create function frid_case_by_reference(p_reference text) returns uuid
language sql stable security definer set search_path = public as $$
  select id from "case" where org_id = frid_org() and reference = p_reference
$$;
grant execute on function frid_case_by_reference(text) to frid_app;
