import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * PGlite is one process's at a time and does not lock its folder: a second process (an
 * operator command such as admin:create) writing while the server runs could corrupt the
 * only copy of the records. The server marks the folder it has open; commands that write
 * refuse while the mark names a live process.
 */
const markFile = (dataDir: string) => join(dataDir, "frid-server.pid");

/** Called by the server once the embedded database is open; the mark goes at exit. */
export function markServerRunning(dataDir: string): void {
  const file = markFile(dataDir);
  writeFileSync(file, String(process.pid));
  process.on("exit", () => rmSync(file, { force: true }));
}

/** The process id of a live server on this folder, or null. */
export function runningServer(dataDir: string): { pid: number; file: string } | null {
  const file = markFile(dataDir);
  let pid: number;
  try {
    pid = Number(readFileSync(file, "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return { pid, file };
  } catch (error) {
    // EPERM: it exists but belongs to someone else; still running.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? { pid, file } : null;
  }
}
