import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { projectRoot } from "../src/server/paths.ts";

/**
 * A build (the web app, the server bundle) is stale when any of its inputs changed. The
 * fingerprint of the inputs is kept beside the build; a content hash, so a checkout or copy
 * that only touches timestamps does not force a rebuild.
 */
export interface BuildInputs {
  /** Files and folders, relative to the project root; tests are left out. */
  inputs: string[];
  /** Where the fingerprint of the last build is kept. */
  stampFile: string;
  /** A file the build must have produced for it to count as there at all. */
  output: string;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => filesUnder(join(path, entry.name)))
    .filter((file) => !/\.test\.tsx?$/.test(file));
}

export function fingerprintOf(inputs: string[], root = projectRoot): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of filesUnder(join(root, input)).sort()) {
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

export function buildIsCurrent(build: BuildInputs, fingerprint = fingerprintOf(build.inputs)) {
  return (
    existsSync(build.output) &&
    existsSync(build.stampFile) &&
    readFileSync(build.stampFile, "utf8").trim() === fingerprint
  );
}

export function stampBuild(build: BuildInputs, fingerprint: string) {
  writeFileSync(build.stampFile, `${fingerprint}\n`);
}
