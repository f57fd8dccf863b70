import fs, { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite } from "./connection.ts";

/**
 * An acknowledged write on the embedded database must be on the disk, not only in the
 * operating system's page cache (docs/adr/0003-embedded-durability.md). PGlite's file
 * layer (emscripten's NODEFS) reaches the disk through the `node:fs` module object —
 * `fs.openSync`, `fs.writeSync`, `fs.fsyncSync` — and so does the flush of the folder at
 * opening (`fs.open`, `fs.fsync`). Wrapping those functions shows, in order, what reached
 * the kernel: which file was written and which was flushed (once the flush returned), and
 * when the commit was answered.
 */
type Event =
  | { op: "open"; path: string; fd: number }
  | { op: "write"; path: string }
  | { op: "fsync"; path: string }
  | { op: "rename"; path: string }
  | { op: "ack"; n: number };

const events: Event[] = [];
const pathOf = new Map<number, string>();
const originals = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fsyncSync: fs.fsyncSync,
  renameSync: fs.renameSync,
  open: fs.open,
  fsync: fs.fsync,
};
type Callback = (error: NodeJS.ErrnoException | null, ...result: unknown[]) => void;

function record() {
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (originals.openSync as (...a: unknown[]) => number)(path, ...rest);
    pathOf.set(fd, String(path));
    events.push({ op: "open", path: String(path), fd });
    return fd;
  }) as typeof fs.openSync;
  fs.writeSync = ((fd: number, ...rest: unknown[]) => {
    events.push({ op: "write", path: pathOf.get(fd) ?? `fd ${fd}` });
    return (originals.writeSync as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  fs.fsyncSync = ((fd: number) => {
    originals.fsyncSync(fd);
    events.push({ op: "fsync", path: pathOf.get(fd) ?? `fd ${fd}` });
  }) as typeof fs.fsyncSync;
  // fs.open(path[, flags[, mode]], callback): PGlite's extension loading uses other forms
  // than its own data files do, so the callback is whatever comes last.
  fs.open = ((path: fs.PathLike, ...rest: unknown[]) => {
    const callback = rest.pop() as Callback;
    (originals.open as (...a: unknown[]) => void)(
      path,
      ...rest,
      (error: NodeJS.ErrnoException | null, fd: number) => {
        if (!error) pathOf.set(fd, String(path));
        callback(error, fd);
      },
    );
  }) as typeof fs.open;
  fs.fsync = ((fd: number, callback: Callback) => {
    originals.fsync(fd, (error) => {
      if (!error) events.push({ op: "fsync", path: pathOf.get(fd) ?? `fd ${fd}` });
      callback(error);
    });
  }) as typeof fs.fsync;
  fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
    events.push({ op: "rename", path: String(to) });
    originals.renameSync(from, to);
  }) as typeof fs.renameSync;
}

function restore() {
  Object.assign(fs, originals);
}

let dir: string;
let database: DatabaseHandle;
/** What was in the folder when openPglite answered, and what had been flushed by then. */
let atOpen: { files: string[]; flushed: Set<string> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "frid-durable-"));
  record();
  database = await openPglite(dir);
  atOpen = {
    files: listTree(dir),
    flushed: new Set(events.flatMap((e) => (e.op === "fsync" ? [e.path] : []))),
  };
  await sql`create table durable_probe (id serial primary key, body text not null)`.execute(
    database.owner,
  );
});

afterAll(async () => {
  await database?.close();
  restore();
  rmSync(dir, { recursive: true, force: true });
});

/** Commits one row through the dialect's transaction path and marks the answer. */
async function acknowledgedWrite(n: number) {
  await database.owner.transaction().execute(async (trx) => {
    await sql`insert into durable_probe (body) values (${`write ${n}`})`.execute(trx);
  });
  events.push({ op: "ack", n });
}

const isWal = (path: string) => /\/pg_wal\/[0-9A-F]{24}$/.test(path);

/** The events of write n: after the previous answer, up to and including its own. */
function eventsOf(n: number): Event[] {
  const end = events.findIndex((e) => e.op === "ack" && e.n === n);
  const start = events.findLastIndex((e, i) => i < end && e.op === "ack");
  return events.slice(start + 1, end + 1);
}

describe("the embedded database on disk", () => {
  it("flushes the WAL file a commit wrote before the commit is answered", async () => {
    for (let n = 0; n < 5; n++) await acknowledgedWrite(n);
    for (let n = 0; n < 5; n++) {
      const mine = eventsOf(n);
      const lastWalWrite = mine.findLastIndex((e) => e.op === "write" && isWal(e.path));
      expect(lastWalWrite, `write ${n} wrote no WAL`).toBeGreaterThanOrEqual(0);
      const walPath = (mine[lastWalWrite] as { path: string }).path;
      const flushed = mine
        .slice(lastWalWrite + 1)
        .some((e) => e.op === "fsync" && e.path === walPath);
      expect(flushed, `write ${n}: ${relative(dir, walPath)} not flushed before the answer`).toBe(
        true,
      );
    }
  });

  it("flushes a new WAL segment and the pg_wal folder's entry for it before the answer", async () => {
    await sql`select pg_switch_wal()`.execute(database.owner);
    await acknowledgedWrite(100);
    const mine = eventsOf(100);
    const created = mine.findLastIndex((e) => e.op === "rename" && isWal(e.path));
    expect(created, "the commit did not start a new WAL segment").toBeGreaterThanOrEqual(0);
    const walFolder = join(dir, "pg_wal");
    const folderFlushed = mine
      .slice(created + 1)
      .some((e) => e.op === "fsync" && e.path === walFolder);
    expect(folderFlushed, "pg_wal's new entry not flushed before the answer").toBe(true);
  });

  it("has flushed every file and folder in the data folder when it opens", async () => {
    // PGlite copies a new database into the folder without flushing it (initdb runs in
    // memory), and PostgreSQL only flushes the whole folder after a crash it notices.
    const unflushed = atOpen.files.filter((path) => !atOpen.flushed.has(path));
    expect(atOpen.files.length).toBeGreaterThan(100);
    expect(unflushed.map((path) => relative(dir, path))).toEqual([]);
  });
});

function listTree(root: string): string[] {
  const out: string[] = [root];
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...listTree(path));
    else out.push(path);
  }
  return out;
}
