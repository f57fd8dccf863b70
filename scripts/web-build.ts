import { join } from "node:path";
import { projectRoot, webBuildDir } from "../src/server/paths.ts";
import {
  type BuildInputs,
  buildIsCurrent,
  fingerprintOf,
  stampBuild,
} from "./build-fingerprint.ts";

/**
 * The web build is stale when any input changed: the web and shared sources, the Vite
 * config, or the installed packages (package-lock.json).
 */
const webBuild: BuildInputs = {
  inputs: [
    "src/web",
    "src/shared",
    "vite.config.ts",
    "scripts/precompress.ts",
    "package-lock.json",
    "tsconfig.json",
  ],
  stampFile: join(webBuildDir, ".build-fingerprint"),
  output: join(webBuildDir, "index.html"),
};

export function inputFingerprint(root = projectRoot): string {
  return fingerprintOf(webBuild.inputs, root);
}

export function webBuildIsCurrent(fingerprint = inputFingerprint()): boolean {
  return buildIsCurrent(webBuild, fingerprint);
}

/** Builds the web app unless the build on disk already matches the sources. */
export async function ensureWebBuild(
  options: { force?: boolean } = {},
): Promise<"built" | "current"> {
  const fingerprint = inputFingerprint();
  if (!options.force && webBuildIsCurrent(fingerprint)) return "current";
  process.stdout.write("Web app: building dist/web…\n");
  const started = Date.now();
  // Loaded only here: Vite (and its native bundler) must never be part of the server's
  // memory, and `npm start` reads the fingerprint through this module.
  const { build } = await import("vite");
  // The build is always a production build (React's production bundle, no StrictMode
  // double effects), even when started from a test run where NODE_ENV=test. Vite also
  // leaves NODE_ENV=production behind, and the server started next in the same process
  // (npm start) would then think it runs in production: put it back as it was.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(projectRoot, "vite.config.ts"),
      logLevel: "warn",
      mode: "production",
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  stampBuild(webBuild, fingerprint);
  process.stdout.write(`Web app: built in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return "built";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureWebBuild({ force: process.argv.includes("--force") });
}
