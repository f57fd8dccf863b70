/**
 * Person search at scale (issue 14, item 4): the app's own search (persons/service.ts
 * searchPersons, audit event included) against, in the same run, the query shape it replaced
 * (LIKE on search_name and a number without the unique index's predicate, under row-level
 * security), as a caseworker of the largest organisation in DATABASE_URL. Prints p50/p95 per
 * kind and the plans PostgreSQL ran (auto_explain, nested statements included: the search
 * function's own query), which it also writes to bench/plans/person-search.txt.
 *
 *   DATABASE_URL=postgres://… npm run bench:person-search     (BENCH_ROUNDS, default 20)
 *
 * The database needs many persons (e.g. `npm run demo:national`, or any copy of Frid's
 * schema filled with generate_series); it is only read, apart from the audit events.
 */
import { writeFileSync } from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import type { Actor } from "../src/server/access/actor.ts";
import { accessiblePersons } from "../src/server/access/scope.ts";
import { withActor } from "../src/server/access/transaction.ts";
import { openPostgres } from "../src/server/db/connection.ts";
import { searchPersons } from "../src/server/modules/persons/service.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("bench:person-search needs DATABASE_URL (PostgreSQL with many persons)");
const rounds = Number(process.env.BENCH_ROUNDS ?? 20);
const database = await openPostgres(url);
const { owner } = database;
const out = (line = "") => process.stdout.write(`${line}\n`);

const org = (
  await sql<{ id: string; n: number }>`
    select org_id as id, count(*)::int as n from person group by org_id order by 2 desc limit 1`.execute(
    owner,
  )
).rows[0];
if (!org) throw new Error("no persons in this database");
const worker = (
  await sql<{ id: string; unit_id: string }>`
    select r.user_id as id, r.unit_id from role_assignment r join app_user u on u.id = r.user_id
     where u.org_id = ${org.id} and r.role = 'caseworker'
       and exists (select 1 from case_assignment a where a.user_id = r.user_id)
     order by u.username limit 1`.execute(owner)
).rows[0];
if (!worker) throw new Error("no caseworker with cases in the largest organisation");
const actor: Actor = {
  userId: worker.id,
  orgId: org.id,
  username: "bench",
  displayName: "bench",
  roles: [{ id: "bench", unitId: worker.unit_id, unitName: null, role: "caseworker" }],
};
const numbers = async (mine: boolean) =>
  (
    await sql<{ n: string }>`
      select p.identity_number as n from person p
       where p.org_id = ${org.id} and p.identity_kind = 'personal_identity_number'
         and ${mine} = exists (select 1 from "case" c join case_assignment a on a.case_id = c.id
                                where c.person_id = p.id and a.user_id = ${worker.id})
       order by p.id limit 20`.execute(owner)
  ).rows.map((r) => r.n);
const kinds: { label: string; queries: string[] }[] = [
  { label: "personnummer, a client of mine", queries: await numbers(true) },
  { label: "personnummer, not mine (denied event)", queries: await numbers(false) },
  { label: "name prefix: Lindqvist", queries: ["Lindqvist"] },
  { label: "name prefix: Lind", queries: ["Lind"] },
  { label: "two words: Anna Andersson", queries: ["Anna Andersson"] },
  { label: "misspelt: Lindkvist", queries: ["Lindkvist"] },
];
const meta = { requestId: "bench-person-search", clientAddress: "127.0.0.1" };

/** The search as it was until migration 0035: LIKE (or a bare number) under RLS, per row. */
function before(query: string) {
  const digits = /^\d{12}$/.test(query);
  return withActor(database.db, actor, (trx) => {
    let q = trx
      .selectFrom("person as p")
      .select(["p.id", "p.given_name", "p.family_name"])
      .where(accessiblePersons(actor));
    if (digits) q = q.where("p.identity_number", "=", query);
    else
      for (const word of query.toLowerCase().split(/\s+/))
        q = q.where("p.search_name", "like", `% ${word}%`);
    return q.orderBy("p.family_name").orderBy("p.given_name").limit(50).execute();
  });
}
const now = (query: string) =>
  searchPersons(database, actor, meta, { query, limit: 20 }).then((r) => r.persons);

async function time(run: (q: string) => Promise<unknown[]>, queries: string[], n: number) {
  const ms: number[] = [];
  let shown = 0;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    shown += (await run(queries[i % queries.length] as string)).length;
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) =>
    (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0).toFixed(1);
  return { p50: at(0.5), p95: at(0.95), shown: (shown / n).toFixed(1) };
}

out(`Person search: organisation of ${org.n} persons, a caseworker with their cases`);
out(
  `${"request".padEnd(40)} ${"now p50/p95 ms".padEnd(18)} ${"before p50/p95 ms".padEnd(20)} shown`,
);
// BENCH_ONLY=plans: only the plans (the old shape takes minutes at 50,000 persons).
for (const kind of process.env.BENCH_ONLY === "plans" ? [] : kinds) {
  await now(kind.queries[0] as string); // a warm cache for both
  const a = await time(now, kind.queries, rounds);
  // The old shape takes seconds: fewer rounds say enough.
  const b = await time(before, kind.queries, Math.max(3, Math.ceil(rounds / 4)));
  out(
    `${kind.label.padEnd(40)} ${`${a.p50} / ${a.p95}`.padEnd(18)} ${`${b.p50} / ${b.p95}`.padEnd(20)} ${a.shown} (before ${b.shown})`,
  );
}

/** The plans of one search as the app runs it, nested statements included (superuser URL). */
async function plans(query: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const notices: string[] = [];
  client.on("notice", (n) => notices.push(n.message ?? ""));
  try {
    await client.query("load 'auto_explain'");
    await client.query(`set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on;
      set auto_explain.log_buffers = on; set auto_explain.log_nested_statements = on;
      set auto_explain.log_level = notice; set client_min_messages = notice`);
    await client.query("begin");
    await client.query(
      "select set_config('role', 'frid_app', true), set_config('frid.user_id', $1, true), set_config('frid.org_id', $2, true)",
      [actor.userId, actor.orgId],
    );
    const digits = /^\d{12}$/.test(query);
    if (digits)
      await client.query(
        `select p.id from person p where p.identity_kind in ('personal_identity_number', 'coordination_number')
           and p.identity_number = $1 and p.org_id = $2`,
        [query, actor.orgId],
      );
    else await client.query("select * from frid_person_search($1, null, 21)", [query]);
    await client.query("rollback");
  } finally {
    await client.end();
  }
  // The search's own statements; not the access functions' bodies, run once per candidate.
  const ours =
    /Query Text: (select p\.id from person p|select \* from frid_person_search|\s*with shown as)/;
  return notices.filter((n) => ours.test(n)).join("\n\n");
}
const planText = [
  `-- bench/person-search.ts: plans as frid_app with the actor set (${org.n} persons in the organisation)`,
  `-- personnummer: ${kinds[0]?.queries[0]}`,
  await plans(kinds[0]?.queries[0] as string),
  "-- name prefix: Lindqvist",
  await plans("Lindqvist"),
].join("\n\n");
writeFileSync(new URL("./plans/person-search.txt", import.meta.url), `${planText}\n`);
out();
out(planText);
await database.close();
