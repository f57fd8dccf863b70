/**
 * The lists at scale (issue 14, items 5 and 7): times the case lists, Att göra, the year's
 * partner-contact statistics and the log review on the scratch database that
 * make-scratch.ts builds (org A: 50,000 cases, 300 per caseworker), as the services run them
 * (withActor: the app role with the actor's settings), and prints each request's median
 * and the bytes of the audit row it wrote. With --plans, every statement's plan (EXPLAIN
 * ANALYZE, BUFFERS through auto_explain) is written to bench/lists/plans/<label>.txt.
 *   DATABASE_URL=postgres://…/frid_lists_scratch npx tsx bench/lists/measure.ts [--plans]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "kysely";
import pg from "pg";
import type { Actor } from "../../src/server/access/actor.ts";
import { openPostgres } from "../../src/server/db/connection.ts";
import { reviewUser } from "../../src/server/modules/audit-review/service.ts";
import { listCases } from "../../src/server/modules/cases/service.ts";
import { partnerContactStatistics } from "../../src/server/modules/statistics/partner-contact.ts";
import { worklist } from "../../src/server/modules/worklist/service.ts";

const url = process.env.DATABASE_URL;
if (!url?.endsWith("/frid_lists_scratch")) throw new Error("DATABASE_URL: the scratch database");
const plans = process.argv.includes("--plans");
const before = process.env.LISTS_BEFORE === "1";
const orgA = "aaaaaaaa-0000-0000-0000-000000000000";
const id = (kind: number, n: number) =>
  `00000000-0000-4000-800${kind}-${n.toString(16).padStart(12, "0")}`;
const role = (role: "caseworker" | "unit_manager", unit: number) => ({
  id: id(9, unit),
  unitId: id(1, unit),
  unitName: `Enhet ${unit}`,
  role,
});
const worker: Actor = {
  userId: id(2, 0),
  orgId: orgA,
  username: "user0",
  displayName: "Handläggare 0",
  roles: [role("caseworker", 0)],
};
const manager: Actor = {
  userId: id(2, 1000),
  orgId: orgA,
  username: "user1000",
  displayName: "Handläggare 1000",
  roles: [role("unit_manager", 0)],
};

// auto_explain's plans arrive as notices (client_min_messages = log).
let notices: string[] = [];
const emit = pg.Client.prototype.emit;
pg.Client.prototype.emit = function (this: pg.Client, event: string, ...args: unknown[]) {
  if (event === "notice") notices.push((args[0] as { message: string }).message);
  return emit.call(this, event, ...args);
} as typeof emit;

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const settings = plans
  ? `session_preload_libraries = 'auto_explain'; alter database frid_lists_scratch set auto_explain.log_min_duration = 0; alter database frid_lists_scratch set auto_explain.log_analyze = on; alter database frid_lists_scratch set auto_explain.log_buffers = on; alter database frid_lists_scratch set auto_explain.log_nested_statements = on; alter database frid_lists_scratch set client_min_messages = log`
  : "session_preload_libraries = ''; alter database frid_lists_scratch reset all";
await admin.query(`alter database frid_lists_scratch set ${settings}`);
const database = await openPostgres(url);

const meta = () => ({ requestId: crypto.randomUUID(), clientAddress: "127.0.0.1" });
const page = (scope: "mine" | "all") =>
  (before ? scope : { scope, limit: 20, count: false }) as never;
const requests: [string, () => Promise<unknown>][] = [
  ["cases-mine-caseworker", () => listCases(database, worker, meta(), page("mine"))],
  ["cases-all-caseworker", () => listCases(database, worker, meta(), page("all"))],
  ["cases-all-manager", () => listCases(database, manager, meta(), page("all"))],
  ["worklist-mine-caseworker", () => worklist(database, worker, meta(), "mine")],
  ["worklist-unit-manager", () => worklist(database, manager, meta(), "unit")],
  [
    "statistics-year-manager",
    () =>
      partnerContactStatistics(database, manager, meta(), { from: "2025-01-01", to: "2025-12-31" }),
  ],
  [
    "audit-review-user-manager",
    () =>
      reviewUser(database, manager, meta(), worker.userId, {
        limit: 20,
        count: false,
        order: "desc",
      }),
  ],
];

const runs = plans ? 1 : 7;
if (plans) mkdirSync(new URL("./plans/", import.meta.url), { recursive: true });
console.log(`${before ? "BEFORE" : "AFTER"}: median of ${runs} (ms), audit row bytes`);
for (const [label, run] of requests) {
  await run(); // warm
  const times: number[] = [];
  notices = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const { rows } = await sql<{ bytes: number; ids: number }>`
    select pg_column_size(e.*) as bytes,
           coalesce(cardinality(e.person_ids), 0) as ids
      from audit_event e order by id desc limit 1`.execute(database.owner);
  const median = times[Math.floor(times.length / 2)] as number;
  console.log(
    `${label.padEnd(28)} ${median.toFixed(1).padStart(8)} ms   audit row ${rows[0]?.bytes} B (${rows[0]?.ids} persons)`,
  );
  if (plans)
    writeFileSync(new URL(`./plans/${label}.txt`, import.meta.url), `${notices.join("\n\n")}\n`);
}
await database.close();
await admin.query("alter database frid_lists_scratch reset all");
await admin.query("alter database frid_lists_scratch reset session_preload_libraries");
await admin.end();
