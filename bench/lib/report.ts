import { availableParallelism } from "node:os";
import type { LoadOptions, LoadSummary } from "./load.ts";

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
const times = (v: number) => `${v.toFixed(2)}×`;
const perSecond = (v: number) => `${Math.round(v).toLocaleString("en-US")} req/s`;

function row(label: string, cells: string[]): string {
  return `${label.padEnd(36)}${cells.map((c) => c.padStart(12)).join("")}`;
}

/** The comparison table; ratios are HTTP/baseline, so > 1 means HTTP is slower (or faster, for throughput). */
export function comparisonTable(
  http: LoadSummary,
  raw: LoadSummary,
  minimal: LoadSummary,
): string[] {
  const line = (label: string, s: LoadSummary) =>
    row(label, [ms(s.p50Ms), ms(s.p99Ms), ms(s.maxMs), perSecond(s.perSecond)]);
  const ratio = (label: string, base: LoadSummary) =>
    row(label, [
      times(http.p50Ms / base.p50Ms),
      times(http.p99Ms / base.p99Ms),
      "",
      times(http.perSecond / base.perSecond),
    ]);
  return [
    row("", ["p50", "p99", "max", "throughput"]),
    line("HTTP audited GET /api/cases/:id", http),
    line("minimal SQL (hand-written, 1 trip)", minimal),
    line("replay (Frid's own statements)", raw),
    ratio("ratio HTTP/minimal", minimal),
    ratio("ratio HTTP/replay", raw),
  ];
}

export function goalLine(http: LoadSummary, minimal: LoadSummary): string {
  const p99Ratio = http.p99Ms / minimal.p99Ms;
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  return (
    `goal: p99 ≤ 3× the minimal SQL's → ${met(p99Ratio <= 3)} (${times(p99Ratio)}); ` +
    `≥ 1000 audited reads/s → ${met(http.perSecond >= 1000)} (${perSecond(http.perSecond)})`
  );
}

export function failureText(summary: LoadSummary): string {
  const kinds = Object.entries(summary.failures).map(([k, n]) => `${k}: ${n}`);
  return kinds.length > 0 ? kinds.join(", ") : "none";
}

/**
 * Where the CPU went per read, and the ceiling that puts on reads/s on these cores. For a
 * Node process (one event loop, so about one core) also what one core covers at its cost.
 */
export function cpuLine(label: string, summary: LoadSummary, coreCeiling = true): string {
  const parts = Object.entries(summary.cpuMsPerOp);
  if (parts.length === 0) return `${label} not measured`;
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  const cores = availableParallelism();
  const one = (who: string, ms: number) =>
    who.startsWith("server") || who.startsWith("raw SQL client")
      ? ` (= ${Math.round(1000 / ms)} reads/s per core)`
      : "";
  return (
    `${label} ${parts.map(([who, ms]) => `${who} ${ms.toFixed(2)} ms${one(who, ms)}`).join(", ")} ` +
    `= ${total.toFixed(2)} ms` +
    (coreCeiling ? ` → ≤ ~${Math.round((cores * 1000) / total)} reads/s on ${cores} cores` : "")
  );
}

export interface Report {
  description: string;
  kind: "postgres" | "pglite";
  cases: number;
  load: LoadOptions;
  poolSize: number;
  http: LoadSummary;
  raw: LoadSummary;
  minimal: LoadSummary;
  /** Successful HTTP reads over the whole phase, and the case.read events found after it. */
  requests: number;
  audit: { allowed: number; denied: number; sealed: number };
  roundTrips: { outside: number; transaction: number };
}

export function reportLines(r: Report): string[] {
  const { http, raw, minimal, audit } = r;
  const audited = audit.allowed === r.requests ? "every read audited" : "MISMATCH";
  return [
    `database: ${r.description} | cases: ${r.cases} | concurrency: ${r.load.concurrency} | ` +
      `duration: ${r.load.durationMs / 1000} s (+${r.load.warmupMs / 1000} s warm-up each) | ` +
      `cpus: ${availableParallelism()}`,
    "reader: a caseworker assigned to all cases (not a unit manager)",
    "",
    ...comparisonTable(http, raw, minimal),
    "",
    goalLine(http, minimal),
    `audit: ${audit.allowed} case.read events written in the HTTP phase for ${r.requests} ` +
      `successful reads (warm-up and probe included) → ${audited}` +
      `${audit.denied > 0 ? `; ${audit.denied} denied` : ""}; ` +
      `${audit.sealed} of them hash-chained by the server's sealer before it stopped`,
    // PGlite is one thread: spreading its work over all cores is no ceiling it could reach.
    cpuLine("CPU per read, HTTP phase:", http, r.kind === "postgres"),
    cpuLine("CPU per read, minimal:   ", minimal, r.kind === "postgres"),
    cpuLine("CPU per read, replay:    ", raw, r.kind === "postgres"),
    `samples: HTTP ${http.samples}, minimal ${minimal.samples}, replay ${raw.samples}; ` +
      `failures: HTTP ${failureText(http)}, minimal ${failureText(minimal)}, replay ${failureText(raw)}`,
    "HTTP: server (node src/server/main.ts, NODE_ENV=production) in a child process, load " +
      "from this process (node:http keep-alive agent); latency = request sent → body received.",
    "minimal SQL: bench/lib/minimal-sql.ts, one named prepared statement as the tables' owner " +
      "(session check, access rule as joins, the case row with its details, the audit insert).",
    `replay: the statements the server's own query code sends (captured from it): ` +
      `${r.roundTrips.outside} + ${r.roundTrips.transaction} round trips (lookups on their ` +
      "own pool checkouts + one transaction, begin and commit included; the session from memory).",
    r.kind === "postgres"
      ? `both baselines: a child process, pg.Pool max ${r.poolSize} (replay as frid_app, like the server's app pool).`
      : "both baselines: a child process opening the same PGlite directory (PGlite allows one process " +
        "at a time, so after the server stopped), queued on its one session as the server does.",
  ];
}
