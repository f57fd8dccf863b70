import type { Timing } from "./measure.ts";

/** What one request measured, for the table. */
export interface RequestResult {
  name: string;
  actor: string;
  http: Timing;
  sql: Timing | null;
  /** Audit rows and bytes per request, HTTP and minimal SQL. */
  audit: { http: PerRequest; sql: PerRequest | null };
  /** Personal-data tables read whole, "minimal SQL …: table" / "server statement …: table". */
  seqScans: string[];
  /** Statements the server sent for it (captured), and the plan file. */
  statements: number | null;
  planFile: string | null;
  /** Rows the HTTP answer carried (a list's length), when it is a list. */
  shown: number | null;
}

export interface PerRequest {
  rows: number;
  bytes: number;
}

const ms = (v: number) => (Number.isNaN(v) ? "–" : v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (r: RequestResult) =>
  r.sql && r.sql.samples > 0 && r.http.samples > 0
    ? `${(r.http.p95 / r.sql.p95).toFixed(1)}×`
    : "–";
const audit = (a: PerRequest | null) =>
  a
    ? `${a.rows.toFixed(a.rows % 1 === 0 ? 0 : 2)} / ${Math.round(a.bytes).toLocaleString("en-US")} B`
    : "–";

const headers = [
  "request",
  "actor",
  "rows",
  "HTTP p50",
  "p95",
  "p99",
  "SQL p50",
  "p95",
  "p99",
  "p95 ratio",
  "audit HTTP (rows / bytes)",
  "audit SQL",
  "statements",
  "seq scans (personal data)",
];

function cells(r: RequestResult): string[] {
  return [
    r.name,
    r.actor,
    r.shown === null ? "–" : String(r.shown),
    ms(r.http.p50),
    ms(r.http.p95),
    ms(r.http.p99),
    ms(r.sql?.p50 ?? Number.NaN),
    ms(r.sql?.p95 ?? Number.NaN),
    ms(r.sql?.p99 ?? Number.NaN),
    ratio(r),
    audit(r.audit.http),
    audit(r.audit.sql),
    r.statements === null ? "–" : String(r.statements),
    r.seqScans.length === 0 ? "none" : `${r.seqScans.length} ⚠`,
  ];
}

/** The table as aligned text for the terminal. */
export function textTable(results: RequestResult[]): string[] {
  const rows = [headers, ...results.map(cells)];
  const widths = headers.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) =>
    r
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join("  "),
  );
}

/** The same table in markdown, for the closing note. */
export function markdownTable(results: RequestResult[]): string[] {
  return [
    `| ${headers.join(" | ")} |`,
    `|${headers.map((_, i) => (i < 2 ? "---" : "---:")).join("|")}|`,
    ...results.map((r) => `| ${cells(r).join(" | ")} |`),
  ];
}

/** Every sequential scan of personal data, one line each: the summary shouts them. */
export function seqScanLines(results: RequestResult[]): string[] {
  const lines = results.flatMap((r) => r.seqScans.map((s) => `${r.name} — ${s}`));
  if (lines.length === 0) return ["No plan scans a whole table of personal data."];
  return [
    "!!! SEQUENTIAL SCANS OF PERSONAL DATA (a whole table read per request) !!!",
    ...lines.map((l) => `  !!! ${l}`),
  ];
}

export function failureLines(results: RequestResult[]): string[] {
  return results.flatMap((r) => [
    ...r.http.failures.map((f) => `${r.name} HTTP failures: ${f}`),
    ...(r.sql?.failures ?? []).map((f) => `${r.name} minimal SQL failures: ${f}`),
  ]);
}
