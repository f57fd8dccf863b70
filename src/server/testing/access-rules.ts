import { type Kysely, sql } from "kysely";
import type { Database } from "../db/types.ts";

/** Where the committed text of the database's access rules lives (see docs/security.md). */
export const accessRulesSnapshotPath = new URL("../db/access-rules.snapshot.sql", import.meta.url);

/**
 * The access rules of a migrated database as one text: every frid_* function as PostgreSQL
 * itself prints it (pg_get_functiondef), every frid_* view the policies read, every row-level-security policy (pg_policies), which
 * tables have row-level security on, and what the application's roles are granted. Sorted
 * by name so two databases with the same rules print the same text, whatever the order the
 * migrations made them in.
 */
export async function describeAccessRules(owner: Kysely<Database>): Promise<string> {
  const parts: string[] = [
    "-- The access rules of a migrated Frid database, written by",
    "-- src/server/db/access-rules.snapshot.test.ts. Do not edit by hand: change a migration,",
    "-- then refresh with FRID_UPDATE_SNAPSHOTS=1 npx vitest run src/server/db/access-rules.snapshot.test.ts",
    "",
  ];
  parts.push(...(await functions(owner)), ...(await views(owner)), ...(await policies(owner)));
  parts.push(...(await rlsTables(owner)), ...(await grants(owner)));
  return `${parts.join("\n").trimEnd()}\n`;
}

async function functions(owner: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ signature: string; definition: string; acl: string | null }>`
    select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as signature,
           pg_get_functiondef(p.oid) as definition,
           (select string_agg(a.grantee::regrole::text, ', ' order by a.grantee::regrole::text)
              from aclexplode(p.proacl) a
             where a.privilege_type = 'EXECUTE'
               and a.grantee::regrole::text like 'frid\_%') as acl
      from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.proname like 'frid\_%'
     order by 1`.execute(owner);
  const out = ["-- ===== Functions =====", ""];
  for (const r of rows) {
    out.push(`-- ${r.signature}${r.acl ? `: execute granted to ${r.acl}` : ""}`);
    out.push(`${r.definition.trim()};`, "");
  }
  return out;
}

/** The frid_* views the policies read (migration 0043), with their options. */
async function views(owner: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string; options: string | null; definition: string }>`
    select c.relname as name, array_to_string(c.reloptions, ', ') as options,
           pg_get_viewdef(c.oid) as definition
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'v' and c.relname like 'frid\_%'
     order by c.relname`.execute(owner);
  const out = ["-- ===== Views =====", ""];
  for (const r of rows) {
    out.push(`create view ${r.name}${r.options ? ` with (${r.options})` : ""} as`);
    out.push(`${r.definition.trimEnd()}`, "");
  }
  return out;
}

async function policies(owner: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{
    tablename: string;
    policyname: string;
    permissive: string;
    roles: string;
    cmd: string;
    qual: string | null;
    with_check: string | null;
  }>`
    select tablename, policyname, permissive, array_to_string(roles, ', ') as roles, cmd,
           qual, with_check
      from pg_policies
     where schemaname = 'public'
     order by tablename, policyname`.execute(owner);
  const out = ["-- ===== Row-level security policies =====", ""];
  for (const r of rows) {
    out.push(
      `create policy ${r.policyname} on ${quoteTable(r.tablename)} as ${r.permissive.toLowerCase()}` +
        ` for ${r.cmd.toLowerCase()} to ${r.roles}` +
        (r.qual ? `\n  using (${r.qual})` : "") +
        (r.with_check ? `\n  with check (${r.with_check})` : "") +
        ";",
    );
  }
  out.push("");
  return out;
}

async function rlsTables(owner: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ relname: string; forced: boolean }>`
    select c.relname, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relrowsecurity
     order by c.relname`.execute(owner);
  return [
    "-- ===== Tables with row-level security =====",
    "",
    ...rows.map(
      (r) =>
        `alter table ${quoteTable(r.relname)} enable row level security;${r.forced ? " -- forced" : ""}`,
    ),
    "",
  ];
}

async function grants(owner: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ grantee: string; table_name: string; privileges: string }>`
    select grantee, table_name,
           string_agg(lower(privilege_type), ', ' order by privilege_type) as privileges
      from information_schema.role_table_grants
     where table_schema = 'public' and grantee like 'frid\_%'
     group by grantee, table_name
     order by grantee, table_name`.execute(owner);
  const columns = await sql<{ grantee: string; table_name: string; privileges: string }>`
    select grantee, table_name,
           string_agg(lower(privilege_type) || ' (' || column_name || ')', ', '
                      order by privilege_type, column_name) as privileges
      from information_schema.column_privileges
     where table_schema = 'public' and grantee like 'frid\_%'
       and not exists (select 1 from information_schema.role_table_grants t
                        where t.table_schema = 'public' and t.grantee = column_privileges.grantee
                          and t.table_name = column_privileges.table_name
                          and t.privilege_type = column_privileges.privilege_type)
     group by grantee, table_name
     order by grantee, table_name`.execute(owner);
  return [
    "-- ===== Grants to the application's roles =====",
    "",
    ...rows.map((r) => `grant ${r.privileges} on ${quoteTable(r.table_name)} to ${r.grantee};`),
    ...columns.rows.map(
      (r) => `grant ${r.privileges} on ${quoteTable(r.table_name)} to ${r.grantee};`,
    ),
  ];
}

const quoteTable = (name: string) =>
  /^[a-z_][a-z0-9_]*$/.test(name) && name !== "case" ? name : `"${name}"`;
