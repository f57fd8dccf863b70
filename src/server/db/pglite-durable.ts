import fs from "node:fs";
import { join } from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/**
 * The embedded database keeps PostgreSQL's promise: a commit is answered only when its WAL
 * is on the disk (docs/adr/0003-embedded-durability.md). PGlite ships with that switched
 * off in two places, and both are put back here:
 *
 * 1. PGlite starts PostgreSQL with `-F` (fsync=off). Without it, PostgreSQL flushes the
 *    WAL at every commit, new WAL segments and their folder entry, and every data file at
 *    a checkpoint, before it moves on.
 * 2. Even with fsync on, emscripten's file layer for Node (NODEFS) has no `fsync` of its
 *    own, so PostgreSQL's fsync() returns success without touching the disk; and its
 *    fdatasync() does nothing at all. We give NODEFS an `fsync` that calls fs.fsyncSync
 *    and let PostgreSQL use fsync() for the WAL too (wal_sync_method=fsync).
 *
 * fs.fsyncSync is called on the `node:fs` module object on purpose: NODEFS reaches the
 * disk through that object too, so a test can observe both in the order they happen.
 */
export function durablePgliteOptions(dataDir: string): Pick<PGliteOptions, "fs" | "startParams"> {
  return {
    fs: new FlushingNodeFS(dataDir),
    startParams: [
      ...PGlite.defaultStartParams.filter((param) => param !== "-F"),
      "-c",
      "fsync=on",
      "-c",
      "wal_sync_method=fsync",
    ],
  };
}

/** The parts of emscripten's NODEFS this relies on (Module.NODEFS, release/pglite.js). */
interface NodeFsModule {
  NODEFS?: {
    stream_ops?: { fsync?: (stream: { nfd?: number }) => number };
    tryFSOperation?: <T>(operation: () => T) => T;
  };
}

class FlushingNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS["init"]>) {
    const result = await super.init(...args);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [...preRun, (mod: NodeFsModule) => giveNodefsAnFsync(mod)];
    return result;
  }
}

function giveNodefsAnFsync(mod: NodeFsModule): void {
  const nodefs = mod.NODEFS;
  const streamOps = nodefs?.stream_ops;
  const tryFSOperation = nodefs?.tryFSOperation;
  // A PGlite whose file layer looks different must not run without the flush, silently.
  if (!streamOps || !tryFSOperation) {
    throw new Error("PGlite's NODEFS has changed: Frid cannot make its writes durable");
  }
  // An fsync that fails reaches PostgreSQL as an errno (tryFSOperation), which then stops
  // rather than answer a commit it could not flush; so does a stream without a host file
  // (EIO), which could not have been flushed.
  streamOps.fsync = (stream) => {
    const fd = stream.nfd;
    tryFSOperation(() => {
      if (fd === undefined)
        throw Object.assign(new Error("no host file to flush"), { code: "EIO" });
      fs.fsyncSync(fd);
    });
    return 0;
  };
}

/**
 * Flushes every file and folder under `root`. PGlite copies a new database into the folder
 * without a flush (initdb runs in memory), and PostgreSQL flushes the whole folder only
 * after a crash it can see; what an earlier process left in the page cache is flushed here
 * before the first commit is answered. Several flushes at a time: one after the other, the
 * thousand files of a new database take seconds on a disk that takes milliseconds per flush.
 */
export async function flushTree(root: string): Promise<void> {
  const paths = [...listTree(root), root];
  let next = 0;
  const worker = async () => {
    while (next < paths.length) await flushPath(paths[next++] as string);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Every file and folder below `root`; in any order, as nothing is answered before all are. */
function listTree(root: string): string[] {
  const paths: string[] = [];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) paths.push(...listTree(path), path);
    else if (entry.isFile()) paths.push(path);
  }
  return paths;
}

/** Through fs.open/fs.fsync on the module object, like NODEFS, so a test sees it. */
function flushPath(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.open(path, "r", (openError, fd) => {
      if (openError) return reject(openError);
      fs.fsync(fd, (syncError) => {
        fs.close(fd, (closeError) => {
          const error = syncError ?? closeError;
          if (error) reject(error);
          else resolve();
        });
      });
    });
  });
}

/** Refuses to go on when PostgreSQL does not run with the settings asked for above. */
export async function assertFlushing(pglite: PGlite): Promise<void> {
  const { rows } = await pglite.query<{ name: string; setting: string }>(
    "select name, setting from pg_settings where name in ('fsync', 'wal_sync_method')",
  );
  const settings = Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  if (settings.fsync !== "on" || settings.wal_sync_method !== "fsync") {
    throw new Error(
      `the embedded database does not flush its writes (fsync=${settings.fsync}, wal_sync_method=${settings.wal_sync_method})`,
    );
  }
}
