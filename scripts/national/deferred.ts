import { type Kysely, sql } from "kysely";
import type { Database } from "../../src/server/db/types.ts";
import type { Target } from "./target.ts";

/**
 * Keys, secondary indexes and foreign keys, built after the load instead of kept up row by row
 * during it: PostgreSQL builds an index from sorted rows and checks a foreign key with one
 * join far faster than it maintains them per COPY row. Their definitions are read from the
 * migrated schema (pg_get_indexdef, pg_get_constraintdef) and replayed under the same names,
 * so the finished database has the schema the migrations made — the test compares them.
 * Primary keys and unique constraints too (a duplicate fails when the key is added), except
 * those triggers read during the load (keptKeys); unique indexes that are not
 * constraints stay (few; the same trigger's ON CONFLICT needs case_task_kind_idx).
 */
export interface Deferred {
  keys: { table: string; name: string; def: string }[];
  indexes: { name: string; def: string }[];
  foreignKeys: { table: string; name: string; def: string }[];
}

/**
 * Keys kept during the load: the treatment-end trigger (0021) looks up case and unit by id;
 * a new organisation's default retention rules (0079) are inserted ON CONFLICT (org_id, code);
 * a stay's segments and members read their stay (0100, 0101).
 */
const keptKeys = ["case", "unit", "retention_rule", "stay"];

/**
 * Indexes and keys led by a case or a stay, kept during the load too: the triggers that keep
 * the report's facts on the rows (0097–0102) read a case's intakes, decisions, status changes,
 * extensions, spans and outcome, and a stay's segments and members, for every row loaded —
 * without these each would read its whole table, and the load would slow with its square.
 */
const ledByCaseOrStay = /USING btree \((case_id|stay_id)[,)]|^PRIMARY KEY \((case_id|stay_id)[,)]/;

function constraints(owner: Kysely<Database>, types: string[]) {
  return sql<{ table: string; name: string; def: string }>`
    select t.relname as table, c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c join pg_class t on t.oid = c.conrelid
    where c.contype in (${sql.join(types)}) and t.relnamespace = 'public'::regnamespace
    order by c.oid`.execute(owner);
}

export async function dropSecondary(owner: Kysely<Database>): Promise<Deferred> {
  const indexes = (
    await sql<{ name: string; def: string }>`
      select i.relname as name, pg_get_indexdef(i.oid) as def
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      where t.relnamespace = 'public'::regnamespace and not x.indisunique and not x.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.oid)
      order by i.oid`.execute(owner)
  ).rows.filter((ix) => !ledByCaseOrStay.test(ix.def));
  const foreignKeys = (await constraints(owner, ["f"])).rows;
  const keys = (await constraints(owner, ["p", "u"])).rows.filter(
    (k) => !keptKeys.includes(k.table) && !ledByCaseOrStay.test(k.def),
  );
  for (const fk of foreignKeys)
    await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.ref(fk.name)}`.execute(
      owner,
    );
  for (const ix of indexes) await sql`drop index ${sql.ref(ix.name)}`.execute(owner);
  for (const k of keys)
    await sql`alter table ${sql.table(k.table)} drop constraint ${sql.ref(k.name)}`.execute(owner);
  return { keys, indexes, foreignKeys };
}

/**
 * Builds the indexes side by side over the target's connections, then adds the foreign keys
 * one at a time (each checks every row it covers, so a row the generator got wrong fails
 * here as it would have failed its COPY; two at once could deadlock on the tables they share).
 */
export async function restoreSecondary(target: Target, d: Deferred): Promise<void> {
  await target.runEach(
    d.keys.map((k) => `alter table "${k.table}" add constraint "${k.name}" ${k.def}`),
  );
  await target.runEach(d.indexes.map((ix) => ix.def));
  for (const fk of d.foreignKeys)
    await sql
      .raw(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.def}`)
      .execute(target.owner);
}

/**
 * The schema's indexes, constraints (with whether each was checked) and triggers, as
 * sorted lines: equal for a generated country and a database the migrations just made.
 */
export async function schemaOf(owner: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select 'index ' || i.relname || ': ' || pg_get_indexdef(i.oid) as line
      from pg_index x join pg_class i on i.oid = x.indexrelid
      join pg_class t on t.oid = x.indrelid
      where t.relnamespace = 'public'::regnamespace
    union all
    select 'constraint ' || t.relname || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid)
        || case when c.convalidated then '' else ' (not checked)' end
      from pg_constraint c join pg_class t on t.oid = c.conrelid
      where t.relnamespace = 'public'::regnamespace
    union all
    select 'trigger ' || g.tgname || ': ' || pg_get_triggerdef(g.oid)
      from pg_trigger g join pg_class t on t.oid = g.tgrelid
      where t.relnamespace = 'public'::regnamespace and not g.tgisinternal
    order by 1`.execute(owner);
  return rows.map((r) => r.line);
}
