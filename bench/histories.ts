import { sql } from "kysely";
import type { DatabaseHandle } from "../src/server/db/connection.ts";
import { migrate } from "../src/server/db/migrate.ts";
import type { App } from "../src/server/http/context.ts";
import { buildTestApp } from "../src/server/testing/app.ts";
import { as, buildWorkedCase, type Session } from "../src/server/testing/factories.ts";
import { IdParams } from "../src/shared/api/admin.ts";
import { type History, histories } from "./lib/histories.ts";
import { createTarget, describeTarget, openTarget } from "./lib/target.ts";

/**
 * `npm run bench:histories`: what one audited GET of a history costs when the history is
 * short (10 rows) and when it has grown (1,600), before paging and after. "Before" is the
 * old unpaged query, kept in bench/lib/histories.ts and served by a route this benchmark
 * adds to the same app, so both sides pay the same login check, transaction, audit event and
 * JSON serialisation; the two are asked in turn, in the same run. Prints figures; never
 * asserts timings. Settings (environment):
 *   DATABASE_URL      PostgreSQL server to make a throwaway database on (else PGlite)
 *   BENCH_REQUESTS    measured requests per side and size (100), after 10 to warm up
 *   BENCH_ROWS        the grown history's rows (1600)
 */
const env = process.env;
const requests = Number(env.BENCH_REQUESTS ?? 100);
const sizes = [10, Number(env.BENCH_ROWS ?? 1600)];
const out = (line = "") => process.stdout.write(`${line}\n`);

async function timed(app: App, session: Session, url: string): Promise<number> {
  const t0 = performance.now();
  const res = await app.inject({ method: "GET", url, headers: as(session) });
  const elapsed = performance.now() - t0;
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Old and new asked in turn, so a slow moment of the machine falls on both alike. */
async function compare(app: App, session: Session, before: string, after: string) {
  const old: number[] = [];
  const paged: number[] = [];
  for (let i = 0; i < 10; i++) {
    await timed(app, session, before);
    await timed(app, session, after);
  }
  for (let i = 0; i < requests; i++) {
    old.push(await timed(app, session, before));
    paged.push(await timed(app, session, after));
  }
  return { before: median(old), after: median(paged) };
}

const cell = (v: string) => v.padStart(14);
const ms = (v: number) => `${v.toFixed(2)} ms`;
type Cell = { rows: number; before: number; after: number };

function table(title: string, results: Cell[]) {
  out(`  ${title}`);
  out(`  ${"rows".padEnd(8)}${["before", "after", "before/after"].map(cell).join("")}`);
  for (const r of results)
    out(
      `  ${String(r.rows).padEnd(8)}${[ms(r.before), ms(r.after), `${(r.before / r.after).toFixed(1)}×`].map(cell).join("")}`,
    );
  const [short, long] = results;
  if (short && long)
    out(
      `  growth ${short.rows} → ${long.rows} rows: before ${(long.before / short.before).toFixed(1)}×, after ${(long.after / short.after).toFixed(1)}×`,
    );
}

/**
 * Each size is measured twice: before the planner has statistics on the new rows (PGlite
 * has no autovacuum; a PGlite server now gathers them at start and every 5 minutes,
 * db/statistics.ts, so this is rows newer than that) and after ANALYZE (what PostgreSQL's
 * autovacuum and that job do).
 */
async function benchOne(app: App, database: DatabaseHandle, history: History) {
  const cases: { rows: number; worked: Awaited<ReturnType<typeof buildWorkedCase>> }[] = [];
  for (const rows of sizes) {
    const worked = await buildWorkedCase(app, database.owner);
    await history.seed(database.owner, worked, rows);
    cases.push({ rows, worked });
  }
  const measureAll = async () => {
    const results: Cell[] = [];
    for (const { rows, worked } of cases) {
      const before = `/api/bench/unpaged/${history.name}/${worked.caseId}`;
      const after = history.pagedUrl(worked.caseId);
      results.push({ rows, ...(await compare(app, worked.session, before, after)) });
    }
    return results;
  };
  out(history.label);
  table("without statistics on the new rows", await measureAll());
  await sql`analyze`.execute(database.owner);
  table("after ANALYZE", await measureAll());
  out();
}

async function main() {
  const created = await createTarget(env.DATABASE_URL);
  const database = await openTarget(created.target);
  try {
    await migrate(database.owner);
    const t = await buildTestApp(database, { LOG_LEVEL: "warn" });
    for (const history of histories)
      t.app.get(
        `/api/bench/unpaged/${history.name}/:id`,
        { schema: { params: IdParams, response: { 200: history.unpagedView } } },
        (request) => history.unpaged(database, request),
      );
    await t.app.ready();
    out(`bench:histories on ${await describeTarget(database)}`);
    out(`median ms per audited GET (in-process HTTP), ${requests} requests per cell`);
    out();
    for (const history of histories) await benchOne(t.app, database, history);
    await t.close();
  } finally {
    await database.close();
    await created.remove();
  }
}

await main();
