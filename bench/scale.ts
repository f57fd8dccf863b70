import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readMigrations } from "../src/server/db/migrate.ts";
import { rowKeyOf } from "../src/server/db/sealed-columns.ts";
import { projectRoot } from "../src/server/paths.ts";
import { type RunningServer, serverKeyService, startServer } from "./lib/server.ts";
import { describeTarget, openTarget } from "./lib/target.ts";
import { keptKeys, openCapturer } from "./scale/capture.ts";
import { type Cast, describeCast, discover } from "./scale/discover.ts";
import { type HttpMeasured, measureHttp } from "./scale/http-phase.ts";
import { lastAuditId } from "./scale/measure.ts";
import type { ScaleRequest } from "./scale/minimal.ts";
import { parseOptions, type ScaleOptions } from "./scale/options.ts";
import {
  failureLines,
  markdownTable,
  type RequestResult,
  seqScanLines,
  textTable,
} from "./scale/report.ts";
import { missingRequests, scaleRequests } from "./scale/requests.ts";
import { onConnection } from "./scale/sql.ts";
import { sqlPhase } from "./scale/sql-phase.ts";

/**
 * `npm run bench:scale`: the requests a worker makes to find work, over HTTP against the
 * real server (the bundle `npm start` runs) and as the minimal SQL that does the same work,
 * on an EXISTING database of generated data (npm run demo:national). Prints p50/p95/p99 of
 * both, their ratio, the audit rows and bytes per request, and writes the EXPLAIN plans of
 * both to bench/plans/ with every sequential scan of personal data called out. Writes only
 * what the requests write (sessions, audit events; EXPLAIN ANALYZE is rolled back).
 * Options: bench/scale/options.ts.
 */
const out = (line = "") => process.stdout.write(`${line}\n`);

async function pendingMigrations(query: (t: string) => Promise<{ version: string }[]>) {
  const applied = new Set(
    (await query("select version from schema_migration")).map((r) => r.version),
  );
  return readMigrations()
    .filter((m) => !applied.has(m.version))
    .map((m) => `${m.version}_${m.name}`);
}

/** Before the server: what is there, who acts, the last audit id (what follows is ours). */
async function survey(o: ScaleOptions) {
  const database = await openTarget(o.target, serverKeyService(keptKeys().FRID_KEK));
  try {
    // Asked before the connection is taken: PGlite has one session, and a second query from
    // inside onConnection would wait for it forever.
    const description = await describeTarget(database);
    return await onConnection(database, async (s) => {
      const pending = await pendingMigrations((t) => s.query<{ version: string }>(t));
      if (pending.length > 0 && !o.allowMigrate) {
        throw new Error(
          `the server would migrate this database (${pending.join(", ")}); run with --allow-migrate if that is meant`,
        );
      }
      const cast = await discover((t, v) => s.query(t, v));
      const secrets = new Map<string, string>();
      const rows = await s.query<{ id: string; totp_secret: string }>(
        "select id, totp_secret from app_user where org_id = $1 and totp_secret is not null",
        [cast.orgId],
      );
      // Sealed once a server has started on the database (db/sealed-columns.ts): opened
      // with the server's key-encryption key.
      for (const r of rows) {
        const secret = await database.cipher.open(
          cast.orgId,
          "app_user.totp_secret",
          r.totp_secret,
          rowKeyOf(r.id),
        );
        if (secret) secrets.set(r.id, secret);
      }
      return {
        cast,
        secrets,
        sinceAuditId: await lastAuditId(s),
        description,
      };
    });
  } finally {
    await database.close();
  }
}

type Planned = { request: ScaleRequest; http: HttpMeasured };

// Ctrl-C stops the server child too (it holds the database: PGlite's folder, a pool).
let running: RunningServer | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    out(`\n${signal}: stopping the server`);
    void (running?.child.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function httpPhase(
  o: ScaleOptions,
  cast: Cast,
  selected: ScaleRequest[],
  secrets: Map<string, string>,
  sessionSecret: string,
) {
  let server: RunningServer | null = null;
  const done: Planned[] = [];
  try {
    server = await startServer(o.target, {
      logLevel: o.logLevel,
      nodeArgs: [],
      env: { FRID_SESSION_SECRET: sessionSecret, ...keptKeys() },
      bundled: true,
    });
    running = server;
    out(`server started at ${server.url} (the bundle, NODE_ENV=production)`);
    for (const request of selected) {
      const actor = request.actor(cast);
      if (!actor) continue;
      const t0 = performance.now();
      const http = await measureHttp(server, cast, request, actor, {
        password: o.password,
        warmup: o.warmup,
        n: o.requests,
        secrets,
      });
      done.push({ request, http });
      out(
        `  HTTP ${request.name}: p50 ${http.timing.p50.toFixed(1)} ms, p95 ${http.timing.p95.toFixed(1)} ms (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    await server?.child.stop();
    running = null;
  }
  return done;
}

async function sqlPhaseAll(
  o: ScaleOptions,
  cast: Cast,
  planned: Planned[],
  secrets: Map<string, string>,
  sessionSecret: string,
  header: string[],
  sinceAuditId: number,
) {
  // The server's key-encryption key (BENCH_KEK when kept): the capture logs in in-process and
  // opens the authenticator secrets the server sealed.
  const database = await openTarget(o.target, serverKeyService(keptKeys().FRID_KEK));
  const results: RequestResult[] = [];
  try {
    const capturer = await openCapturer(
      o.target,
      database,
      o.password,
      sessionSecret,
      async (id) => secrets.get(id) ?? null,
    );
    try {
      for (const { request, http } of planned) {
        const actor = request.actor(cast) as NonNullable<ReturnType<ScaleRequest["actor"]>>;
        const result = await sqlPhase(database, capturer, cast, request, actor, http, {
          warmup: o.warmup,
          n: o.requests,
          sinceAuditId,
          plansDir: o.plansDir,
          header,
        });
        results.push(result);
        out(
          `  SQL ${request.name}: p50 ${result.sql?.p50.toFixed(2)} ms, p95 ${result.sql?.p95.toFixed(2)} ms; plans in ${relative(projectRoot, result.planFile ?? "")}`,
        );
      }
    } finally {
      await capturer.close();
    }
  } finally {
    await database.close();
  }
  return results;
}

function selectRequests(o: ScaleOptions, cast: Cast): ScaleRequest[] {
  const names = scaleRequests.map((r) => r.name);
  const unknown = (o.only ?? []).filter(
    (n) => !names.includes(n) && !missingRequests.some((m) => m.name === n),
  );
  if (unknown.length > 0)
    throw new Error(`--only: no request ${unknown.join(", ")} (there are: ${names.join(", ")})`);
  const selected = scaleRequests.filter((r) => !o.only || o.only.includes(r.name));
  for (const r of selected)
    if (!r.actor(cast)) out(`  skipped ${r.name}: the data has no such user`);
  return selected;
}

function summary(o: ScaleOptions, header: string[], results: RequestResult[]) {
  const missing = missingRequests.filter((m) => !o.only || o.only.includes(m.name));
  const notes = [
    ...missing.map((m) => `${m.name}: not measured — ${m.why}.`),
    "database time: not measured (pg_stat_statements is not loaded on this server).",
    "ratio = HTTP p95 / minimal SQL p95; audit = rows / bytes (pg_column_size) per request.",
  ];
  out();
  for (const l of [
    ...header,
    "",
    ...textTable(results),
    "",
    ...notes,
    ...failureLines(results),
    "",
    ...seqScanLines(results),
  ])
    out(l);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  mkdirSync(o.resultsDir, { recursive: true });
  const file = join(o.resultsDir, `scale-${stamp}.md`);
  const md = [
    `# bench:scale ${new Date().toISOString()}`,
    "",
    ...header.map((l) => `- ${l}`),
    "",
    ...markdownTable(results),
    "",
    ...notes.map((l) => `- ${l}`),
    "",
    ...seqScanLines(results).map((l) => `    ${l}`),
  ];
  writeFileSync(file, `${md.join("\n")}\n`);
  out(`\nmarkdown: ${relative(projectRoot, file)}; plans: ${relative(projectRoot, o.plansDir)}/`);
}

async function main() {
  const o = parseOptions(process.argv.slice(2), process.env);
  out(
    `Frid scale benchmark on ${o.target.kind === "postgres" ? new URL(o.target.url).pathname.slice(1) : o.target.dataDir}`,
  );
  const { cast, secrets, sinceAuditId, description } = await survey(o);
  const header = [
    `database: ${description}; ${o.requests} requests each after ${o.warmup} warm-up, one at a time`,
    ...describeCast(cast),
  ];
  for (const l of header) out(l);
  const selected = selectRequests(o, cast);
  const sessionSecret = randomBytes(32).toString("base64url");
  const planned = await httpPhase(o, cast, selected, secrets, sessionSecret);
  const results = await sqlPhaseAll(o, cast, planned, secrets, sessionSecret, header, sinceAuditId);
  summary(o, header, results);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  out(`\nbenchmark failed: ${(error as Error).stack ?? String(error)}`);
}
