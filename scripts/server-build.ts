import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../src/server/paths.ts";
import {
  type BuildInputs,
  buildIsCurrent,
  fingerprintOf,
  stampBuild,
} from "./build-fingerprint.ts";

/**
 * `npm start` runs the server as plain JavaScript, bundled here with esbuild (ADR 0006).
 * Run through tsx, the server carries tsx's module loader (its own thread in Node 20) and
 * every transformed module's source beside the compiled code: about 80 MB of its memory
 * after start. The bundle holds Frid's own code only; packages stay in node_modules.
 * Two entry points: the server, and the child that makes the empty embedded database
 * (db/pglite-initdb.ts), which the server starts beside itself.
 * It is written to dist/server/, two levels below the project root like src/server/, so
 * the server finds the project's files (package.json, migrations, dist/web) the same way
 * from either place.
 */
export const serverBuildDir = join(projectRoot, "dist", "server");
export const serverEntry = join(serverBuildDir, "main.mjs");

/**
 * Node's flags for the server process. V8's young generation may grow to three 16 MB
 * semi-spaces; a server whose requests make short-lived objects does as well with 2 MB
 * ones, and holds about 40 MB less (1,000 case reads: 10.5–10.7 s either way, RSS after
 * them 283–319 MB against 320–343 MB; docs/adr/0006-delivery.md).
 */
export const serverNodeFlags = ["--max-semi-space-size=2"];

const serverBuild: BuildInputs = {
  inputs: [
    "src/server",
    "src/shared",
    "package-lock.json",
    "tsconfig.json",
    "scripts/server-build.ts",
  ],
  stampFile: join(serverBuildDir, ".build-fingerprint"),
  output: serverEntry,
};

/**
 * The server's process under a start process (`npm start`: its child; a start process
 * that runs the server in itself, as older checkouts did, is its own server). For tests
 * and benches that look at the server's memory.
 */
export function serverProcess(startPid: number): number {
  const children = (pid: number) =>
    readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  const queue = children(startPid);
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (/server\/main\.(mjs|ts)/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"))) return pid;
    queue.push(...children(pid));
  }
  return startPid;
}

/** Bundles the server unless the bundle on disk already matches the sources. */
export async function ensureServerBuild(options: { force?: boolean } = {}) {
  const fingerprint = fingerprintOf(serverBuild.inputs);
  if (!options.force && buildIsCurrent(serverBuild, fingerprint)) return "current";
  const started = Date.now();
  const { build } = await import("esbuild");
  mkdirSync(serverBuildDir, { recursive: true });
  await build({
    entryPoints: {
      main: join(projectRoot, "src/server/main.ts"),
      "pglite-initdb": join(projectRoot, "src/server/db/pglite-initdb.ts"),
    },
    outdir: serverBuildDir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    // For a stack trace read with NODE_OPTIONS=--enable-source-maps; off by default (memory).
    sourcemap: "linked",
    logLevel: "warning",
  });
  stampBuild(serverBuild, fingerprint);
  process.stdout.write(`Server: bundled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return "built";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureServerBuild({ force: process.argv.includes("--force") });
}
