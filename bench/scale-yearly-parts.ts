/**
 * `DATABASE_URL=… npx tsx bench/scale-yearly-parts.ts [runs]`: each part of the committee's
 * yearly report timed as the server reads it (readYearlyParts: frid_report's policies, one
 * reporting transaction per part here so each is timed alone), for the largest organisation's
 * unit manager and its analyst, on a generated country (npm run demo:national). Prints the
 * median of `runs` (5) per part and the whole: the part to work on is the one on top. Reads
 * only; the report's audit event is not written (the HTTP benchmark measures that).
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Actor } from "../src/server/access/actor.ts";
import { type Trx, withReporting } from "../src/server/access/transaction.ts";
import { openPostgres } from "../src/server/db/connection.ts";
import type { YearScope } from "../src/server/modules/yearly-report/figures.ts";
import { yearlyParts } from "../src/server/modules/yearly-report/read.ts";
import { discover } from "./scale/discover.ts";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL=postgres://… (a database made by npm run demo:national)");
const runs = Number(process.argv[2] ?? 5);

const client = new pg.Client({ connectionString: url });
await client.connect();
const cast = await discover(async (t, v) => (await client.query(t, v as unknown[])).rows);
await client.end();
const database = await openPostgres(url);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function timeParts(who: string, actor: Actor, units: string[] | null) {
  const scope = { orgId: actor.orgId, units, year: cast.year };
  const times = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    for (const [name, part] of Object.entries(yearlyParts)) {
      const t0 = performance.now();
      const read = part as (trx: Trx, s: YearScope, today: string) => Promise<unknown>;
      await withReporting(database.db, actor, (trx) => read(trx, scope, `${cast.year}-12-31`));
      times.set(name, [...(times.get(name) ?? []), performance.now() - t0]);
    }
  }
  const rows = [...times].map(([name, xs]) => [name, median(xs)] as const);
  rows.sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((n, [, ms]) => n + ms, 0);
  process.stdout.write(`\n${who} (${cast.orgName}, ${cast.orgCases} cases), median of ${runs}:\n`);
  for (const [name, ms] of rows)
    process.stdout.write(`  ${name.padEnd(16)} ${ms.toFixed(1).padStart(8)} ms\n`);
  process.stdout.write(`  ${"sum".padEnd(16)} ${total.toFixed(1).padStart(8)} ms\n`);
}

if (cast.manager && cast.managerUnit)
  await timeParts("unit manager", cast.manager, [cast.managerUnit.id]);
if (cast.analyst) await timeParts("analyst", cast.analyst, null);
await database.close();
