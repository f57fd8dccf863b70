import { accessSync, constants, mkdirSync, readdirSync, type Stats, statSync } from "node:fs";
import { dirname } from "node:path";
import { notWritable, StartupError } from "../startup-error.ts";

const advice =
  "Set FRID_DATA_DIR to a folder for the embedded database (it is created if missing).";

function fail(message: string, cause?: unknown): StartupError {
  return new StartupError("FRID_DATA_DIR", message, { cause });
}

/** The nearest existing part of a path, to say which part is in the way. */
function nearestExisting(path: string): { path: string; stats: Stats } | null {
  for (let p = dirname(path); p !== dirname(p); p = dirname(p)) {
    try {
      return { path: p, stats: statSync(p) };
    } catch {}
  }
  return null;
}

function cannotCreate(dir: string, error: unknown): StartupError {
  const code = (error as NodeJS.ErrnoException).code;
  const existing = nearestExisting(dir);
  if (existing && !existing.stats.isDirectory()) {
    return fail(`FRID_DATA_DIR ${dir} could not be created: ${existing.path} is a file. ${advice}`);
  }
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return fail(
      `FRID_DATA_DIR ${dir} could not be created: ${existing?.path ?? "its parent folder"} is not writable. Create the folder for the user Frid runs as, or set FRID_DATA_DIR to another folder.`,
      error,
    );
  }
  return fail(`FRID_DATA_DIR ${dir} could not be created (${code}). ${advice}`, error);
}

/**
 * PGlite's file layer (Emscripten) refuses a folder without write bits even to root, and
 * the system refuses other users by owner and group: check both, so the answer is the same.
 */
function isWritable(dir: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure FRID_DATA_DIR can hold the embedded database before PGlite opens it: missing
 * (created), empty, or a database folder (PG_VERSION). A folder with other files is refused:
 * PGlite would otherwise write a new database among someone's documents.
 */
export function prepareDataDir(dir: string): void {
  let stats: Stats;
  try {
    stats = statSync(dir);
  } catch {
    // Missing (or not reachable): creating it says what is wrong, if anything is.
    try {
      mkdirSync(dir, { recursive: true });
      return;
    } catch (mkdirError) {
      throw cannotCreate(dir, mkdirError);
    }
  }
  if (!stats.isDirectory()) throw fail(`FRID_DATA_DIR ${dir} is a file, not a folder. ${advice}`);
  if (!isWritable(dir, stats)) throw notWritable(dir);
  // A mount point's lost+found is part of the file system, not someone's files.
  const entries = readdirSync(dir).filter((name) => name !== "lost+found");
  if (entries.length > 0 && !entries.includes("PG_VERSION")) {
    throw fail(
      `FRID_DATA_DIR ${dir} holds other files and is not an embedded Frid database. Set FRID_DATA_DIR to an empty or new folder, or to the folder of Frid's database.`,
    );
  }
}
