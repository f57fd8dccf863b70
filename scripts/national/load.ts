import { hashPassword } from "../../src/server/auth/passwords.ts";
import { migrate } from "../../src/server/db/migrate.ts";
import { sealAll } from "./audit.ts";
import { dropSecondary, restoreSecondary } from "./deferred.ts";
import { generateOrg } from "./org.ts";
import { seededRandom } from "./random.ts";
import { RowBuffer } from "./row-buffer.ts";
import { planCountry } from "./shape.ts";
import { loadOrder, type Table, tableColumns } from "./tables.ts";
import { analyze, type Target } from "./target.ts";

/**
 * Generates the country organisation by organisation and loads it with COPY: rows are
 * gathered for a batch of organisations (about `batchCases` cases), then each table's rows
 * go in load order, so memory holds one batch. Every table's time and row count is kept. On
 * PostgreSQL three batches load side by side while Node draws the next: a table's time is
 * then the sum over the connections, and includes moments Node spent drawing rows.
 */
export interface CountryOptions {
  cases: number;
  orgs: number;
  seed: number;
  /** The data's "now", YYYY-MM-DD. */
  today: string;
  password: string;
  batchCases?: number;
  /** Keep secondary indexes and foreign keys during the load (deferred.ts; for comparison). */
  keepIndexes?: boolean;
  log?: (line: string) => void;
}

export interface TableStat {
  rows: number;
  ms: number;
}

export interface CountryReport {
  tables: Map<string, TableStat>;
  totalMs: number;
}

async function flush(target: Target, buf: RowBuffer, stats: Map<string, TableStat>, lane: number) {
  for (const table of loadOrder) {
    const pieces = buf.take(table);
    if (pieces.length === 0) continue;
    const started = performance.now();
    for (const text of pieces) await target.copy(table, tableColumns[table], text, lane);
    const stat = stats.get(table) ?? { rows: 0, ms: 0 };
    stat.ms += performance.now() - started;
    stats.set(table, stat);
  }
  for (const [table, n] of buf.counts) {
    const stat = stats.get(table) as TableStat;
    stat.rows += n;
  }
  buf.counts.clear();
}

function addTime(stats: Map<string, TableStat>, name: string, ms: number) {
  const stat = stats.get(name) ?? { rows: 0, ms: 0 };
  stat.ms += ms;
  stats.set(name, stat);
}

async function timed(stats: Map<string, TableStat>, name: string, fn: () => Promise<number>) {
  const started = performance.now();
  const rows = await fn();
  stats.set(name, { rows, ms: performance.now() - started });
}

export async function generateCountry(target: Target, o: CountryOptions): Promise<CountryReport> {
  const log = o.log ?? (() => {});
  const started = performance.now();
  const stats = new Map<string, TableStat>();
  await timed(stats, "(migrations)", async () => (await migrate(target.owner)).length);
  const deferred = o.keepIndexes ? null : await dropSecondary(target.owner);
  // One argon2 hash for every user: hashing per user would take hours at this size.
  const passwordHash = await hashPassword(o.password);
  const root = seededRandom(o.seed);
  const plan = planCountry(root.fork("country"), o.orgs, o.cases);
  const today = new Date(`${o.today}T12:00:00Z`);
  let buf = new RowBuffer();
  let pending = 0;
  let done = 0;
  let batch = 0;
  // One batch in flight per lane: memory holds at most `lanes` batches.
  const lanes: Promise<void>[] = Array.from({ length: target.lanes }, () => Promise.resolve());
  for (const org of plan) {
    const drawing = performance.now();
    generateOrg({ r: root.fork(`org ${org.index}`), buf, plan: org, passwordHash, today });
    addTime(stats, "(drawing rows in Node)", performance.now() - drawing);
    pending += org.cases;
    if (pending >= (o.batchCases ?? 40_000) || org === plan[plan.length - 1]) {
      const lane = batch++ % lanes.length;
      const [full, cases] = [buf, pending];
      await lanes[lane];
      lanes[lane] = flush(target, full, stats, lane).then(() => {
        done += cases;
        log(`  ${done.toLocaleString("en")} of ${o.cases.toLocaleString("en")} cases loaded`);
      });
      // One connection (PGlite runs in this thread): nothing to overlap, and waiting keeps
      // each table's time its own.
      if (lanes.length === 1) await lanes[lane];
      pending = 0;
      buf = new RowBuffer();
    }
  }
  await Promise.all(lanes);
  if (deferred)
    await timed(stats, "(indexes, foreign keys)", async () => {
      await restoreSecondary(target, deferred);
      return deferred.keys.length + deferred.indexes.length + deferred.foreignKeys.length;
    });
  await timed(stats, "audit_seal", () => sealAll(target.owner, target));
  await timed(stats, "(analyze)", async () => {
    await analyze(target);
    return 0;
  });
  return { tables: stats, totalMs: performance.now() - started };
}

export function formatReport(report: CountryReport): string {
  const lines = [...report.tables].map(
    ([table, s]) =>
      `  ${table.padEnd(26)} ${s.rows.toLocaleString("en").padStart(11)} rows ${(s.ms / 1000).toFixed(1).padStart(8)} s`,
  );
  return `${lines.join("\n")}\n  ${"total".padEnd(26)} ${" ".repeat(16)} ${(report.totalMs / 1000).toFixed(1).padStart(8)} s`;
}

export type { Table };
