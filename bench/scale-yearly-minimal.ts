/**
 * `DATABASE_URL=… npx tsx bench/scale-yearly-minimal.ts`: the yearly report's minimal SQL
 * (bench/scale/requests-yearly.ts) once per actor on a generated country, EXPLAIN ANALYZE'd
 * (rolled back: the audit insert is undone) into bench/plans/<request>-minimal.txt, with its
 * execution times and any sequential scans printed — the SQL side alone, without a server.
 */
import { writeFileSync } from "node:fs";
import pg from "pg";
import { discover } from "./scale/discover.ts";
import { yearlyRequests } from "./scale/requests-yearly.ts";

const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
await c.connect();
const cast = await discover(async (t, v) => (await c.query(t, v as unknown[])).rows);
for (const r of yearlyRequests) {
  const a = r.actor(cast);
  if (!a) continue;
  const out: string[] = [];
  for (const tx of r.minimal(cast, a, "explain", { idHash: "", idleMinutes: 0 })) {
    await c.query("begin");
    for (const s of tx.statements) {
      const res = await c.query(`explain (analyze, buffers, costs off) ${s.text}`, s.values);
      out.push(res.rows.map((x) => x["QUERY PLAN"]).join("\n"), "");
    }
    await c.query("rollback");
  }
  writeFileSync(`bench/plans/${r.name}-minimal.txt`, out.join("\n"));
  console.log(
    r.name,
    out.join("\n").match(/Execution Time: [\d.]+ ms/g),
    (out.join("\n").match(/Seq Scan on \w+/g) ?? []).join(", "),
  );
}
await c.end();
