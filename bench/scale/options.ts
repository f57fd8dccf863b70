import { resolve } from "node:path";
import { projectRoot } from "../../src/server/paths.ts";
import type { BenchTarget } from "../lib/target.ts";

/**
 * `npm run bench:scale -- [--pglite DIR] [--only a,b] [--requests N] [--allow-migrate]`
 * Environment: DATABASE_URL (PostgreSQL with generated data, used as it is: never created
 * or dropped), BENCH_REQUESTS (200), BENCH_WARMUP (10), BENCH_PASSWORD (frid-demo, the
 * generated users' password), BENCH_LOG_LEVEL (the server's, warn), BENCH_PLANS_DIR
 * (bench/plans), BENCH_RESULTS_DIR (bench/results).
 */
export interface ScaleOptions {
  target: BenchTarget;
  only: string[] | null;
  requests: number;
  warmup: number;
  password: string;
  logLevel: string;
  allowMigrate: boolean;
  plansDir: string;
  resultsDir: string;
}

function positive(name: string, value: string | undefined, fallback: number, min = 1): number {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
  return n;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} needs a value`);
  return value;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): ScaleOptions {
  const known = ["--pglite", "--only", "--requests", "--allow-migrate"];
  const unknown = argv.filter((a) => a.startsWith("--") && !known.includes(a));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(", ")}`);
  const pglite = flag(argv, "--pglite");
  const url = env.DATABASE_URL;
  if (!pglite && !url) {
    throw new Error(
      "say which database: DATABASE_URL=postgres://… or --pglite DIR (with generated data)",
    );
  }
  const only = flag(argv, "--only");
  return {
    target: pglite
      ? { kind: "pglite", dataDir: resolve(pglite) }
      : { kind: "postgres", url: url as string },
    only: only
      ? only
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
    requests: positive("--requests", flag(argv, "--requests") ?? env.BENCH_REQUESTS, 200),
    warmup: positive("BENCH_WARMUP", env.BENCH_WARMUP, 10, 0),
    password: env.BENCH_PASSWORD ?? "frid-demo",
    logLevel: env.BENCH_LOG_LEVEL ?? "warn",
    allowMigrate: argv.includes("--allow-migrate"),
    plansDir: resolve(projectRoot, env.BENCH_PLANS_DIR ?? "bench/plans"),
    resultsDir: resolve(projectRoot, env.BENCH_RESULTS_DIR ?? "bench/results"),
  };
}
