import { type Kysely, sql } from "kysely";
import { sealPending } from "../src/server/audit/sealer.ts";
import { migrate } from "../src/server/db/migrate.ts";
import type { Database } from "../src/server/db/types.ts";
import { type ListResult, listSetup, measuredLists, measureList } from "./lib/audit-lists.ts";
import { spawnTsx } from "./lib/child.ts";
import { type Seeded, seed } from "./lib/seed.ts";
import { type BenchTarget, createTarget, describeTarget, openTarget } from "./lib/target.ts";

/**
 * `npm run bench:audit` (issue 12, item 3): what the audit trail costs.
 *  1. For every list that shows persons: audit rows and bytes per request AFTER (one event
 *     naming every person and case shown) and BEFORE (the per-row scheme, written in the
 *     same run from the rows the same request showed), and the ratio.
 *  2. audit:verify on a generated trail: events/s and peak memory (each in a process of its
 *     own), streaming against the in-memory verifier it replaced.
 * Prints figures; asserts nothing. Settings (environment):
 *   DATABASE_URL         PostgreSQL server to make a throwaway database on (else PGlite)
 *   BENCH_CASES (1000)   persons and cases of the caseworker; BENCH_WORKLIST_ROWS (968)
 *   BENCH_REQUESTS (20)  requests per list; BENCH_AUDIT_EVENTS (500000) events to verify
 *   BENCH_BASELINE_VERIFY=0  skip the in-memory verifier (it holds the whole trail)
 */
const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const caseCount = number("BENCH_CASES", 1000);
const worklistRows = Math.min(caseCount, number("BENCH_WORKLIST_ROWS", 968));
const requests = number("BENCH_REQUESTS", 20);
const eventCount = number("BENCH_AUDIT_EVENTS", 500_000);

const out = (line = "") => process.stdout.write(`${line}\n`);
const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const result = await fn();
  out(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  return result;
};
const int = (v: number) => Math.round(v).toLocaleString("en-US");
const cell = (v: string, width = 11) => v.padStart(width);

function listTable(results: ListResult[]): string[] {
  const head = `${"request".padEnd(42)}${cell("shown")}${cell("rows bef.")}${cell("rows aft.")}${cell("bytes bef.", 13)}${cell("bytes aft.")}${cell("disk bef.", 13)}${cell("disk aft.")}${cell("bytes ×")}`;
  return [
    head,
    ...results.map(
      (r) =>
        `${r.label.padEnd(42)}${cell(int(r.shown))}${cell(int(r.before.rows))}${cell(int(r.after.rows))}` +
        `${cell(int(r.before.tupleBytes), 13)}${cell(int(r.after.tupleBytes))}` +
        `${cell(int(r.before.diskBytes), 13)}${cell(int(r.after.diskBytes))}` +
        `${cell(`${(r.before.tupleBytes / Math.max(1, r.after.tupleBytes)).toFixed(1)}×`)}`,
    ),
  ];
}

/** Events straight into the table: nine case reads to one work-list read naming 20 persons. */
async function generateEvents(owner: Kysely<Database>, seeded: Seeded, n: number) {
  const persons = await owner
    .selectFrom("case")
    .select(["id", "person_id"])
    .where("org_id", "=", seeded.actor.orgId)
    .limit(20)
    .execute();
  const personIds = persons.map((p) => p.person_id);
  const caseIds = persons.map((p) => p.id);
  const { orgId, userId } = seeded.actor;
  for (let from = 1; from <= n; from += 100_000) {
    const to = Math.min(n, from + 99_999);
    await sql`
      insert into audit_event (org_id, actor_user_id, actor_role, unit_id, action, outcome,
        resource_type, resource_id, person_id, person_ids, case_ids, request_id, client_address, data)
      select ${orgId}::uuid, ${userId}::uuid, 'caseworker', ${seeded.unitId}::uuid,
        case when g % 10 = 0 then 'worklist.read' else 'case.read' end, 'allowed', 'case',
        case when g % 10 = 0 then null else ${caseIds[0]} end,
        case when g % 10 = 0 then null else ${personIds[0]}::uuid end,
        case when g % 10 = 0 then ${personIds}::uuid[] end,
        case when g % 10 = 0 then ${caseIds}::uuid[] end,
        'gen-' || g, '127.0.0.1', '{}'
      from generate_series(${from}::int, ${to}::int) g`.execute(owner);
  }
  // Fresh statistics, as autovacuum would have them on a trail in use.
  await sql`analyze audit_event`.execute(owner);
}

async function sealAll(database: Awaited<ReturnType<typeof openTarget>>) {
  let total = 0;
  for (;;) {
    const sealed = await sealPending(database.db, 20_000);
    total += sealed;
    if (sealed === 0) return total;
  }
}

interface VerifyFigures {
  ok: boolean;
  checked: number;
  problem?: string;
  ms: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

async function verifyIn(target: BenchTarget, mode: "streaming" | "in-memory") {
  const child = spawnTsx("bench/audit-verify-child.ts", {
    BENCH_VERIFY: JSON.stringify({ target, mode }),
  });
  try {
    const match = await child.waitFor(/^BENCH_RESULT (.*)$/m, 30 * 60_000);
    return JSON.parse(match[1] as string) as VerifyFigures;
  } finally {
    await child.stop();
  }
}

function verifyLine(label: string, f: VerifyFigures): string {
  const perSecond = f.checked / (f.ms / 1000);
  return `${label.padEnd(36)}${cell(int(f.checked))}${cell((f.ms / 1000).toFixed(1))}${cell(int(perSecond), 13)}${cell(`${f.rssBeforeMb} MB`)}${cell(`${f.peakRssMb} MB`)}${f.ok ? "" : `  BROKEN: ${f.problem}`}`;
}

async function listPhase(database: Awaited<ReturnType<typeof openTarget>>, seeded: Seeded) {
  const setup = await step(`set up a manager, ${worklistRows} work-list tasks, 3 relatives`, () =>
    listSetup(database.owner, seeded, worklistRows),
  );
  const results: ListResult[] = [];
  for (const [i, list] of measuredLists(database, seeded, setup).entries()) {
    results.push(
      await step(`${list.label}: ${requests} requests`, () =>
        measureList(database, list, String(i), requests),
      ),
    );
  }
  return results;
}

async function main() {
  const created = await createTarget(env.DATABASE_URL);
  const { target } = created;
  try {
    out(`Frid audit benchmark on ${target.kind === "postgres" ? "PostgreSQL" : "PGlite"}`);
    const database = await openTarget(target);
    let results: ListResult[];
    let description: string;
    let seeded: Seeded;
    try {
      await step("migrated", () => migrate(database.owner));
      seeded = await step(`seeded ${caseCount} persons and cases`, () =>
        seed(database.owner, caseCount),
      );
      description = await describeTarget(database);
      results = await listPhase(database, seeded);
      await step(`generated ${int(eventCount)} events`, () =>
        generateEvents(database.owner, seeded, eventCount),
      );
      const sealed = await step("sealed every event", () => sealAll(database));
      out(`  ${int(sealed)} events in the chain`);
    } finally {
      await database.close();
    }
    const streaming = await step("audit:verify, streaming", () => verifyIn(target, "streaming"));
    const inMemory =
      env.BENCH_BASELINE_VERIFY === "0"
        ? null
        : await step("audit:verify, in memory (before)", () => verifyIn(target, "in-memory"));

    out();
    out(`Database: ${description}`);
    out(`Audit rows and bytes per request (mean of ${requests}; bef. = one event per row shown,`);
    out("as before issue 12; aft. = one event naming every person and case shown; bytes =");
    out("tuple bytes; disk = growth of audit_event with its indexes and TOAST):");
    for (const line of listTable(results)) out(line);
    out();
    out(`audit:verify on the whole trail (each in its own process; RSS = resident memory):`);
    out(
      `${"".padEnd(36)}${cell("events")}${cell("seconds")}${cell("events/s", 13)}${cell("RSS start")}${cell("peak RSS")}`,
    );
    out(verifyLine("streaming (batches of 5,000)", streaming));
    if (inMemory) out(verifyLine("in memory (before issue 12)", inMemory));
  } finally {
    await created.remove();
  }
}

await main();
