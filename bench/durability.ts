import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { loadConfig } from "../src/server/config.ts";
import { developmentKeyService } from "../src/server/crypto/key-service.ts";
import { temporaryKeyStore } from "../src/server/crypto/record-keys.ts";
import {
  appRole,
  type DatabaseHandle,
  openPglite,
  pgliteExtensions,
} from "../src/server/db/connection.ts";
import { FieldCipher } from "../src/server/db/field-cipher.ts";
import { migrate } from "../src/server/db/migrate.ts";
import { PGliteDialect, PGliteSession } from "../src/server/db/pglite-dialect.ts";
import { flushTree } from "../src/server/db/pglite-durable.ts";
import type { Database } from "../src/server/db/types.ts";
import { buildApp } from "../src/server/http/app.ts";
import { createLogger } from "../src/server/log.ts";
import { as, buildWorkedCase } from "../src/server/testing/factories.ts";

/**
 * `npm run bench:durability`: what flushing every commit costs the embedded database
 * (docs/adr/0003-embedded-durability.md). Two PGlite folders side by side in one process:
 * "as shipped" (PGlite's defaults, fsync off — what Frid ran before) and "flushed"
 * (openPglite). The measured windows take turns, so both sides see the same machine.
 * Prints figures; never asserts timings. Settings (environment):
 *   BENCH_SECONDS  measured seconds per side and round (5)   BENCH_ROUNDS (2)
 *   BENCH_DIR      folder to put the databases in (the OS's temporary folder): put it on
 *                  the disk FRID_DATA_DIR would be on — a flush costs what that disk costs
 */
const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const seconds = number("BENCH_SECONDS", 5);
const rounds = number("BENCH_ROUNDS", 2);
const root = mkdtempSync(join(env.BENCH_DIR ?? tmpdir(), "frid-bench-durability-"));
const out = (line = "") => process.stdout.write(`${line}\n`);

/** Frid's embedded database as it was opened before the flush: PGlite's own defaults. */
async function openAsShipped(dataDir: string): Promise<DatabaseHandle> {
  const pglite = await PGlite.create(dataDir, {
    parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v }, // as connection.ts
    extensions: pgliteExtensions, // the migrations create them (0035)
  });
  const session = new PGliteSession(pglite);
  const owner = new Kysely<Database>({ dialect: new PGliteDialect(session, null) });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(session, appRole) });
  return {
    kind: "pglite",
    db,
    owner,
    cipher: new FieldCipher(owner, developmentKeyService()),
    recordKeys: temporaryKeyStore(),
    close: () => pglite.close(),
  };
}

type Step = (i: number) => Promise<void>;
const kinds = ["commits (one-row transaction)", "journal drafts (HTTP)"] as const;

interface Side {
  name: string;
  open: (dataDir: string) => Promise<DatabaseHandle>;
  openMs: number;
  database?: DatabaseHandle;
  close?: () => Promise<void>;
  work?: Record<(typeof kinds)[number], Step>;
  counts: Record<string, { n: number; ms: number }>;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, performance.now() - t0];
}

/** Runs `step` back to back for the window; returns how many ran and how long it took. */
async function window(step: (i: number) => Promise<void>) {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) await step(n++);
  return { n, ms: performance.now() - t0 };
}

async function prepare(side: Side) {
  const [database, openMs] = await timed(() => side.open(join(root, side.name)));
  side.openMs = openMs;
  side.database = database;
  await migrate(database.owner);
  await sql`create table bench_write (id serial primary key, body text not null)`.execute(
    database.owner,
  );
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await buildApp({
    // Demo mode as the API tests: a login without the MFA step.
    config: loadConfig({ FRID_DEMO: "true", LOG_LEVEL: "warn" }),
    database,
    logger: createLogger("warn", quiet),
    webRoot: null,
  });
  const worked = await buildWorkedCase(app, database.owner);
  const commit = async (i: number) => {
    await database.owner.transaction().execute(async (trx) => {
      await sql`insert into bench_write (body) values (${`write ${i}`})`.execute(trx);
    });
  };
  const draft = async (i: number) => {
    const res = await app.inject({
      method: "POST",
      url: `/api/cases/${worked.caseId}/journal`,
      headers: as(worked.session),
      payload: {
        entryType: "conversation",
        occurredAt: "2026-11-20T09:30:00+01:00",
        body: `Samtal ${i}: anteckning om vad som sades.`,
      },
    });
    if (res.statusCode !== 201) throw new Error(`journal draft: ${res.statusCode} ${res.body}`);
  };
  side.close = () => app.close();
  side.work = { [kinds[0]]: commit, [kinds[1]]: draft };
}

const sides: Side[] = [
  { name: "as-shipped", open: openAsShipped, openMs: 0, counts: {} },
  { name: "flushed", open: openPglite, openMs: 0, counts: {} },
];

async function main() {
  out(`durability bench: ${seconds} s × ${rounds} rounds per side and kind, in ${root}`);
  for (const side of sides) await prepare(side);
  for (let round = 0; round < rounds; round++) {
    for (const kind of kinds) {
      for (const side of sides) {
        const step = side.work?.[kind];
        if (!step) throw new Error(`${side.name} is not prepared`);
        const { n, ms } = await window(step);
        const before = side.counts[kind] ?? { n: 0, ms: 0 };
        side.counts[kind] = { n: before.n + n, ms: before.ms + ms };
      }
    }
  }
  for (const side of sides) await side.close?.();
  report();
}

/** One line of the table: a label and right-aligned cells (as shipped, flushed, ratio). */
function row(label: string, ...cells: string[]) {
  const widths = [14, 14, 10];
  out(label.padEnd(34) + cells.map((cell, k) => cell.padStart(widths[k] ?? 10)).join(""));
}
const ms = (value: number) => value.toFixed(0);

function report() {
  const [shipped, flushed] = sides as [Side, Side];
  const rate = (side: Side, kind: string) => {
    const c = side.counts[kind];
    return c ? (c.n / c.ms) * 1000 : 0;
  };
  out();
  row("", "as shipped", "flushed", "ratio");
  for (const kind of kinds) {
    const [a, b] = [rate(shipped, kind), rate(flushed, kind)];
    row(`${kind}/s`, a.toFixed(0), b.toFixed(0), `${(b / a).toFixed(2)}×`);
  }
  row("open a new folder (ms)", ms(shipped.openMs), ms(flushed.openMs));
}

try {
  await main();
  for (const side of sides) await side.database?.close();
  const [reopened, reopenMs] = await timed(() => openPglite(join(root, "flushed")));
  row("reopen the flushed folder (ms)", "", ms(reopenMs));
  await reopened.close();
  const [, flushMs] = await timed(() => flushTree(join(root, "flushed")));
  row("flush it once more, closed (ms)", "", ms(flushMs));
} finally {
  rmSync(root, { recursive: true, force: true });
}
