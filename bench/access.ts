import { sql } from "kysely";
import { migrate } from "../src/server/db/migrate.ts";
import { spawnTsx } from "./lib/child.ts";
import { cpuMeter } from "./lib/cpu.ts";
import { type LoadOptions, type LoadSummary, runLoad } from "./lib/load.ts";
import { failureText, reportLines } from "./lib/report.ts";
import { captureCaseRead } from "./lib/request-sql.ts";
import { type Seeded, seed } from "./lib/seed.ts";
import { httpGetter, loginWithMfa, startServer } from "./lib/server.ts";
import {
  type BenchTarget,
  createTarget,
  describeTarget,
  isLocalPostgres,
  openTarget,
} from "./lib/target.ts";
import type { RawConfig } from "./raw-child.ts";

/**
 * `npm run bench:access`: audited GET /api/cases/:id over HTTP against two baselines: the
 * minimal SQL a careful engineer would write for the same work (bench/lib/minimal-sql.ts) and
 * the server's own statements replayed without HTTP. Prints figures; never asserts timings. Settings (environment):
 *   DATABASE_URL           PostgreSQL server to make a throwaway database on (else PGlite)
 *   BENCH_SECONDS          measured seconds per side (10), BENCH_WARMUP_SECONDS (2)
 *   BENCH_CONCURRENCY      concurrent connections / workers (32), BENCH_CASES (10000)
 *   BENCH_LOG_LEVEL        the server's LOG_LEVEL (warn)
 *   BENCH_SEAL_INTERVAL_MS the server's FRID_AUDIT_SEAL_INTERVAL_MS (server default)
 *   BENCH_SERVER_NODE_ARGS extra node flags for the server, e.g. "--cpu-prof"
 *   BENCH_VERBOSE=1        print the statements the baseline replays and the server's output
 */
const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const load: LoadOptions = {
  concurrency: number("BENCH_CONCURRENCY", 32),
  warmupMs: number("BENCH_WARMUP_SECONDS", 2) * 1000,
  durationMs: number("BENCH_SECONDS", 10) * 1000,
};
const caseCount = number("BENCH_CASES", 10_000);
/** The server's app pool (db/connection.ts openPostgres: max 10); the baseline uses the same. */
const appPoolSize = 10;
const verbose = env.BENCH_VERBOSE === "1";

const out = (line = "") => process.stdout.write(`${line}\n`);
const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const result = await fn();
  out(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return result;
};

// Undo everything on the way out, also on Ctrl-C: children first, then the database.
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  for (const fn of cleanups.splice(0).reverse()) {
    await fn().catch((error: unknown) => out(`cleanup: ${(error as Error).message}`));
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    out(`\n${signal}: stopping the children and removing the benchmark database`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Seeds as the owner and says what the database is; PGlite is closed again for the server. */
async function prepare(target: BenchTarget) {
  const database = await openTarget(target);
  try {
    await step("migrated", () => migrate(database.owner));
    const seeded = await step(`seeded ${caseCount} persons, cases and assignments`, () =>
      seed(database.owner, caseCount),
    );
    return { seeded, description: await describeTarget(database) };
  } finally {
    await database.close();
  }
}

/** The real server in a child process; this process is only the load generator. */
async function httpPhase(target: BenchTarget, seeded: Seeded) {
  const server = await step("server started", () =>
    startServer(target, {
      logLevel: env.BENCH_LOG_LEVEL ?? "warn",
      nodeArgs: (env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
      env: env.BENCH_SEAL_INTERVAL_MS
        ? { FRID_AUDIT_SEAL_INTERVAL_MS: env.BENCH_SEAL_INTERVAL_MS }
        : {},
    }),
  );
  cleanups.push(() => server.child.stop());
  const session = await step("logged in (password, MFA enrolment, TOTP code)", () =>
    loginWithMfa(server.url, seeded.actor.username, seeded.password),
  );
  const client = httpGetter(server.url, session.cookie, load.concurrency);
  try {
    const probe = await client.get(`/api/cases/${seeded.caseIds[0]}`, true);
    if (probe.status !== 200 || JSON.parse(probe.body).id !== seeded.caseIds[0]) {
      throw new Error(`probe read: ${probe.status} ${probe.body.slice(0, 300)}`);
    }
    const pid = server.child.pid;
    const meter = cpuMeter(
      "load generator",
      pid === undefined
        ? {}
        : { [target.kind === "pglite" ? "server with PGlite" : "server"]: pid },
      isLocalPostgres(target),
    );
    const summary = await step("HTTP load", () =>
      runLoad(
        load,
        async () => {
          const id = seeded.caseIds[Math.floor(Math.random() * seeded.caseIds.length)];
          const { status } = await client.get(`/api/cases/${id}`);
          return status === 200 ? null : `HTTP ${status}`;
        },
        meter,
      ),
    );
    return { summary, requests: summary.succeeded + 1 /* the probe */ };
  } finally {
    client.close();
    await server.child.stop();
    if (verbose) out(`server output:\n${server.child.output().trimEnd()}`);
  }
}

/** case.read events written so far, and how many the server's sealer had chained. */
async function auditCounts(target: BenchTarget, userId: string) {
  const database = await openTarget(target);
  try {
    const { rows } = await sql<{ allowed: number; denied: number; sealed: number }>`
      select count(*) filter (where e.outcome = 'allowed')::int as allowed,
             count(*) filter (where e.outcome = 'denied')::int as denied,
             count(s.event_id)::int as sealed
      from audit_event e left join audit_seal s on s.event_id = e.id
      where e.action = 'case.read' and e.actor_user_id = ${userId}`.execute(database.owner);
    return rows[0] ?? { allowed: 0, denied: 0, sealed: 0 };
  } finally {
    await database.close();
  }
}

/** A baseline in its own child process (bench/raw-child.ts), after the server stopped. */
async function rawPhase(
  target: BenchTarget,
  seeded: Seeded,
  mode: RawConfig["mode"],
): Promise<LoadSummary> {
  const config: RawConfig = {
    ...load,
    mode,
    target,
    actor: seeded.actor,
    rawSessionId: seeded.rawSessionId,
    poolSize: appPoolSize,
    measurePostgres: isLocalPostgres(target),
    verbose,
  };
  const child = spawnTsx("bench/raw-child.ts", { BENCH_RAW: JSON.stringify(config) });
  cleanups.push(() => child.stop());
  try {
    const timeout = load.warmupMs + load.durationMs + 120_000;
    const match = await step(`${mode} SQL load`, () =>
      child.waitFor(/^BENCH_RESULT (.*)$/m, timeout),
    );
    if (verbose)
      out(
        child
          .output()
          .replace(/^BENCH_RESULT .*$/m, "")
          .trimEnd(),
      );
    return JSON.parse(match[1] as string) as LoadSummary;
  } finally {
    await child.stop();
  }
}

function refuseIfFailing(side: string, summary: LoadSummary) {
  if (summary.failed / Math.max(1, summary.failed + summary.succeeded) > 0.01) {
    throw new Error(`more than 1% of ${side} reads failed: ${failureText(summary)}`);
  }
}

async function main() {
  const created = await createTarget(env.DATABASE_URL);
  cleanups.push(created.remove);
  const { target } = created;
  out(
    target.kind === "postgres"
      ? `Frid access benchmark on PostgreSQL (throwaway database ${new URL(target.url).pathname.slice(1)})`
      : `Frid access benchmark on PGlite (no DATABASE_URL; data in ${target.dataDir}) – one session: expect it to be much slower`,
  );
  const { seeded, description } = await prepare(target);
  const http = await httpPhase(target, seeded);
  refuseIfFailing("HTTP", http.summary);
  const audit = await step("audit events counted", () => auditCounts(target, seeded.actor.userId));
  const minimal = await rawPhase(target, seeded, "minimal");
  refuseIfFailing("minimal SQL", minimal);
  const raw = await rawPhase(target, seeded, "replay");
  refuseIfFailing("replayed SQL", raw);
  const template = await captureCaseRead(seeded.actor, seeded.rawSessionId);

  out();
  const lines = reportLines({
    description,
    kind: target.kind,
    cases: caseCount,
    load,
    poolSize: appPoolSize,
    http: http.summary,
    raw,
    minimal,
    requests: http.requests,
    audit,
    roundTrips: { outside: template.outside.length, transaction: template.transaction.length },
  });
  for (const line of lines) out(line);
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  out(`\nbenchmark failed: ${(error as Error).stack ?? String(error)}`);
} finally {
  await cleanUp();
}
