import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot, webBuildDir } from "../src/server/paths.ts";

/**
 * The web build is stale when any input changed: the web and shared sources, the Vite
 * config, or the installed packages (package-lock.json). The fingerprint of the inputs is
 * kept beside the build; a content hash, so a checkout or copy that only touches
 * timestamps does not force a rebuild.
 */
const inputs = [
  "src/web",
  "src/shared",
  "vite.config.ts",
  "scripts/precompress.ts",
  "package-lock.json",
  "tsconfig.json",
];
const stampFile = join(webBuildDir, ".build-fingerprint");

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => filesUnder(join(path, entry.name)))
    .filter((file) => !/\.test\.tsx?$/.test(file));
}

export function inputFingerprint(root = projectRoot): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of filesUnder(join(root, input)).sort()) {
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

export function webBuildIsCurrent(fingerprint = inputFingerprint()): boolean {
  return (
    existsSync(join(webBuildDir, "index.html")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8").trim() === fingerprint
  );
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
  writeFileSync(stampFile, `${fingerprint}\n`);
  process.stdout.write(`Web app: built in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return "built";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureWebBuild({ force: process.argv.includes("--force") });
}
