import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../paths.ts";

/**
 * A new embedded database starts as a copy of an empty one made once per PGlite version.
 * PGlite makes a new database by running initdb in a second WebAssembly instance: on two
 * busy cores that takes 15–20 s, and the memory it takes (about 650 MB) is never given
 * back, so a server that made its own database would carry it for its whole life. The
 * empty database is therefore made in a child process, once, and kept under
 * dist/pglite-template/<version>; every new data folder is a copy of it (PGlite itself
 * copies its in-memory initdb into the folder the same way). It holds no data: only what
 * initdb writes. Migrations and the demo data then run as before, in the server.
 */
const pgliteVersion = (
  JSON.parse(
    readFileSync(
      join(projectRoot, "node_modules", "@electric-sql", "pglite", "package.json"),
      "utf8",
    ),
  ) as { version: string }
).version;

export const templateDir = join(projectRoot, "dist", "pglite-template", pgliteVersion);

const isDatabase = (dir: string) => existsSync(join(dir, "PG_VERSION"));

/**
 * The child's entry: beside this file when run from the sources (through tsx, whose loader
 * the child inherits in execArgv), beside the bundle when run from dist/server/.
 */
const initdbEntry = fileURLToPath(
  new URL(
    import.meta.url.endsWith(".ts") ? "./pglite-initdb.ts" : "./pglite-initdb.mjs",
    import.meta.url,
  ),
);

/** initdb in its own process, into a folder beside the template, then moved in place. */
async function makeTemplate(): Promise<void> {
  const parent = join(templateDir, "..");
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(join(parent, ".initdb-"));
  try {
    const child = spawn(process.execPath, [...process.execArgv, initdbEntry, work], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    if (code !== 0 || !isDatabase(work)) throw new Error("creating the empty database failed");
    if (!isDatabase(templateDir)) renameSync(work, templateDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * When `dataDir` holds no database yet (prepareDataDir has checked it is missing or empty),
 * fills it with a copy of the empty database. Returns whether it did.
 */
export async function createFromTemplate(dataDir: string): Promise<boolean> {
  if (isDatabase(dataDir)) return false;
  if (!isDatabase(templateDir)) await makeTemplate();
  cpSync(templateDir, dataDir, { recursive: true });
  return true;
}
