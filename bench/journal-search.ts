import { CompiledQuery } from "kysely";
import { migrate } from "../src/server/db/migrate.ts";
import { fillJournals, keepCases } from "./lib/journal-text.ts";
import { percentile } from "./lib/load.ts";
import { seed } from "./lib/seed.ts";
import { httpRequester, loginWithMfa, type RunningServer, startServer } from "./lib/server.ts";
import { type BenchTarget, createTarget, describeTarget, openTarget } from "./lib/target.ts";

/**
 * `npm run bench:journal-search` (issue 15): search in journal text at 100,000 entries.
 * Fills a throwaway database (PostgreSQL when DATABASE_URL is set — a fresh database beside
 * the one it names — and PGlite in a temporary folder, one after the other) with fictional
 * notes over many cases, a caseworker who works some of them, then measures
 *   HTTP: POST /api/search/journal through the real server (the bundle `npm start` runs,
 *         production mode, MFA login), audit event and all;
 *   raw:  the statement frid_journal_search runs (migration 0047), sent directly as the
 *         owner with the same values — the least the database must do for the answer;
 * and prints p50/p95 of both per query and the ratio HTTP p95 / raw p95 (goal ≤ 3). Prints
 * figures; never asserts. Settings (environment):
 *   DATABASE_URL      PostgreSQL server to make a throwaway database on (else PGlite only)
 *   BENCH_ENTRIES     journal entries (100000)    BENCH_CASES  cases (5000)
 *   BENCH_MINE        cases the worker works (300)  BENCH_REQUESTS  per query (100, after 10)
 *   BENCH_ONLY        "postgres" or "pglite"
 */
const env = process.env;
const entries = Number(env.BENCH_ENTRIES ?? 100_000);
const caseCount = Number(env.BENCH_CASES ?? 5_000);
const mine = Number(env.BENCH_MINE ?? 300);
const requests = Number(env.BENCH_REQUESTS ?? 100);
const warmup = 10;
const queries = [
  "våld",
  "hembesök",
  "barnens skolgång",
  "polisanmälan",
  "tandläkaren",
  "oro hyran",
];
const out = (line = "") => process.stdout.write(`${line}\n`);

/**
 * What frid_journal_search (migration 0047) runs for a first page of 20 (+1) for a reader
 * who manages no unit, as one statement: the reader's three sets (read once, as the function
 * reads them), then her cases' entries by the case index, matched (keep the two alike).
 */
const rawStatement = `
  select j.id from (select * from journal_entry j
                     where j.case_id = any ((select frid_current_cases($3))::uuid[])
                       and j.org_id = $1 offset 0) j
    join "case" c on c.id = j.case_id
   where j.org_id = $1 and j.search_vector @@ frid_journal_tsquery($2)
     and c.org_id = $1
     and (c.unit_id = any ((select frid_managed_units($3))::uuid[])
          or c.id = any ((select frid_current_cases($3))::uuid[]))
     and c.person_id <> all ((select frid_barred_persons($3))::uuid[])
     and (j.signed_at is not null or j.author_id = $3)
   order by j.occurred_at desc, j.written_at desc, j.id desc
   limit 21`;

interface Figures {
  p50: number;
  p95: number;
  hits: number;
}

type Run = (query: string) => Promise<number>;

/**
 * Each run of `runs` in turn, request by request, so a slow moment of this shared machine
 * falls on all of them alike; figures per run.
 */
async function measure(runs: Run[], query: string): Promise<Figures[]> {
  for (let i = 0; i < warmup; i++) for (const run of runs) await run(query);
  const ms = runs.map(() => new Float64Array(requests));
  const hits = runs.map(() => 0);
  for (let i = 0; i < requests; i++)
    for (const [k, run] of runs.entries()) {
      const t0 = performance.now();
      hits[k] = await run(query);
      (ms[k] as Float64Array)[i] = performance.now() - t0;
    }
  return ms.map((m, k) => {
    m.sort();
    return { p50: percentile(m, 0.5), p95: percentile(m, 0.95), hits: hits[k] ?? 0 };
  });
}

type Seeded = Awaited<ReturnType<typeof seed>>;

/** A fresh database: migrated, the organisation, the journals; closed again for the server. */
async function fill(target: BenchTarget): Promise<{ seeded: Seeded; description: string }> {
  const database = await openTarget(target);
  try {
    await migrate(database.owner);
    const t0 = performance.now();
    const seeded = await seed(database.owner, caseCount);
    await keepCases(database.owner, seeded, mine);
    await fillJournals(database.owner, seeded, entries);
    out(`  filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return { seeded, description: await describeTarget(database) };
  } finally {
    await database.close();
  }
}

/** POST /api/search/journal as the seeded worker, through the running server. */
async function httpSearch(server: RunningServer, seeded: Seeded) {
  const session = await loginWithMfa(server.url, seeded.actor.username, seeded.password);
  const http = httpRequester(server.url, session);
  const run: Run = async (query) => {
    const res = await http.send("POST", "/api/search/journal", { query });
    if (res.status !== 200) throw new Error(`search ${query}: ${res.status} ${res.body}`);
    return (JSON.parse(res.body) as { items: unknown[] }).items.length;
  };
  return { run, close: () => http.close() };
}

/** The function's work as one statement, sent directly as the owner with the worker's values. */
async function rawSearch(target: BenchTarget, seeded: Seeded) {
  const database = await openTarget(target);
  const { owner } = database;
  const { orgId, userId } = seeded.actor;
  const run: Run = async (query) => {
    const values = [orgId, query, userId];
    return (await owner.executeQuery(CompiledQuery.raw(rawStatement, values))).rows.length;
  };
  return { run, close: () => database.close() };
}

/**
 * PostgreSQL: HTTP and raw in turn, the server running. PGlite: one process holds the
 * database, so HTTP first (the server), then raw (this process), one after the other.
 */
async function measureAll(target: BenchTarget, seeded: Seeded) {
  const http = new Map<string, Figures>();
  const direct = new Map<string, Figures>();
  const server = await startServer(target, {
    logLevel: "warn",
    nodeArgs: [],
    env: {},
    bundled: true,
  });
  try {
    const viaHttp = await httpSearch(server, seeded);
    const viaSql = target.kind === "postgres" ? await rawSearch(target, seeded) : null;
    try {
      for (const query of queries) {
        const [h, r] = await measure(viaSql ? [viaHttp.run, viaSql.run] : [viaHttp.run], query);
        http.set(query, h as Figures);
        if (r) direct.set(query, r);
      }
    } finally {
      viaHttp.close();
      await viaSql?.close();
    }
  } finally {
    await server.child.stop();
  }
  if (target.kind === "pglite") {
    const viaSql = await rawSearch(target, seeded);
    try {
      for (const query of queries)
        direct.set(query, (await measure([viaSql.run], query))[0] as Figures);
    } finally {
      await viaSql.close();
    }
  }
  return { http, direct };
}

function report(kind: string, http: Map<string, Figures>, direct: Map<string, Figures>) {
  const f = (v: number) => v.toFixed(2).padStart(8);
  out(
    `  ${"query".padEnd(20)} ${"hits"} ${"HTTP p50".padStart(9)} ${"HTTP p95".padStart(9)} ${"raw p50".padStart(9)} ${"raw p95".padStart(9)}  ratio p95`,
  );
  const all: number[] = [];
  for (const query of queries) {
    const h = http.get(query) as Figures;
    const r = direct.get(query) as Figures;
    const ratio = h.p95 / r.p95;
    all.push(ratio);
    out(
      `  ${query.padEnd(20)} ${String(h.hits).padStart(4)} ${f(h.p50)}  ${f(h.p95)}  ${f(r.p50)}  ${f(r.p95)}  ${ratio.toFixed(2)}${ratio <= 3 ? "" : "  (over 3)"}`,
    );
  }
  const worst = Math.max(...all);
  out(`  ${kind}: worst ratio HTTP p95 / raw p95 = ${worst.toFixed(2)} (goal ≤ 3)`);
}

async function benchOne(databaseUrl: string | undefined) {
  const created = await createTarget(databaseUrl);
  try {
    const kind = created.target.kind;
    out(
      `\n${kind}: ${entries.toLocaleString("en")} entries over ${caseCount} cases, the worker works ${mine}`,
    );
    const { seeded, description } = await fill(created.target);
    out(`  ${description}`);
    const { http, direct } = await measureAll(created.target, seeded);
    const how = created.target.kind === "postgres" ? "HTTP and raw in turn" : "HTTP, then raw";
    out(`  times in ms, ${requests} requests per query after ${warmup} (${how}); hits: first page`);
    report(kind, http, direct);
  } finally {
    await created.remove();
  }
}

out("bench:journal-search — POST /api/search/journal over HTTP against its raw statement");
if (env.DATABASE_URL && env.BENCH_ONLY !== "pglite") await benchOne(env.DATABASE_URL);
if (env.BENCH_ONLY !== "postgres") await benchOne(undefined);
