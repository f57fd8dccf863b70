import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { join } from "node:path";
import { sql } from "kysely";
import { migrate } from "../src/server/db/migrate.ts";
import { seed } from "./lib/seed.ts";
import { type ApiSession, loginWithMfa, startServer } from "./lib/server.ts";
import { createTarget, openTarget } from "./lib/target.ts";

/**
 * `npm run bench:soak`: minutes of mixed work on the embedded database (PGlite) through the
 * real server, as a unit's day would give it — the work list, my cases, reading a case,
 * searching for a person, writing journal drafts (half of them signed, so unsigned drafts
 * pile up on the work list as they do in real life). Prints, minute by minute, requests
 * per second, errors, the data folder's size and the server's memory; at the end the audit
 * trail's size per request. Never asserts timings. Settings (environment):
 *   SOAK_MINUTES (10), SOAK_CONCURRENCY (8), SOAK_CASES (1000)
 */
const env = process.env;
const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const minutes = number("SOAK_MINUTES", 10);
const concurrency = number("SOAK_CONCURRENCY", 8);
const caseCount = number("SOAK_CASES", 1000);
const out = (line = "") => process.stdout.write(`${line}\n`);

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

async function rssMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** One keep-alive client for every verb, with the session's cookie and CSRF token. */
function client(url: URL, session: ApiSession) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  return (method: string, path: string, body?: unknown) =>
    new Promise<{ status: number; json: () => Record<string, unknown> }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent,
          method,
          host: url.hostname,
          port: url.port,
          path,
          headers: {
            cookie: session.cookie,
            "x-csrf-token": session.csrfToken,
            ...(payload ? { "content-type": "application/json" } : {}),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8").on("data", (d: string) => (text += d));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, json: () => JSON.parse(text) }),
          );
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
}

type Call = ReturnType<typeof client>;

/** The mix: what one worker does next, chosen by weight. Resolves with the HTTP status. */
function mix(call: Call, caseIds: string[]) {
  const anyCase = () => caseIds[Math.floor(Math.random() * caseIds.length)] as string;
  let n = 0;
  const ops: [number, () => Promise<number>][] = [
    [3, async () => (await call("GET", "/api/worklist")).status],
    [2, async () => (await call("GET", "/api/cases?scope=mine")).status],
    [4, async () => (await call("GET", `/api/cases/${anyCase()}`)).status],
    [1, async () => (await call("POST", "/api/persons/search", { query: "Testperson1" })).status],
    [
      2,
      async () => {
        const id = anyCase();
        const written = await call("POST", `/api/cases/${id}/journal`, {
          entryType: "conversation",
          occurredAt: new Date().toISOString(),
          body: `Samtal ${++n}: klienten berättar om veckan.`,
        });
        if (written.status !== 201 || n % 2 === 0) return written.status;
        const entryId = String(written.json().id);
        return (await call("POST", `/api/journal/${entryId}/sign`)).status;
      },
    ],
  ];
  const total = ops.reduce((s, [w]) => s + w, 0);
  return () => {
    let pick = Math.random() * total;
    for (const [weight, op] of ops) {
      pick -= weight;
      if (pick < 0) return op();
    }
    return (ops[0] as [number, () => Promise<number>])[1]();
  };
}

interface Minute {
  ok: number;
  errors: Record<string, number>;
}

async function auditFigures(dataDir: string) {
  const database = await openTarget({ kind: "pglite", dataDir });
  try {
    const { rows } = await sql<{ events: number; bytes: number }>`
      select count(*)::int as events, pg_total_relation_size('audit_event')::bigint as bytes
      from audit_event`.execute(database.owner);
    return rows[0] ?? { events: 0, bytes: 0 };
  } finally {
    await database.close();
  }
}

/** `npm run audit:verify` on the soaked folder: its wall time and peak memory. */
function verifyFigures(dataDir: string): string {
  const run = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "TIME %e s, peak RSS %M KB",
      process.execPath,
      "--import",
      "tsx",
      "scripts/audit-verify.ts",
    ],
    {
      env: { PATH: env.PATH ?? "", HOME: env.HOME ?? "", FRID_DATA_DIR: dataDir },
      encoding: "utf8",
    },
  );
  const verdict = `${run.stdout}${run.stderr}`.split("\n").filter(Boolean);
  const time = verdict.find((l) => l.startsWith("TIME")) ?? "TIME ?";
  return `audit:verify: ${verdict.filter((l) => !l.startsWith("TIME")).join(" ")} — ${time.slice(5)}`;
}

async function main() {
  const created = await createTarget(undefined);
  const { target } = created;
  if (target.kind !== "pglite") throw new Error("the soak runs on the embedded database");
  try {
    const database = await openTarget(target);
    await migrate(database.owner);
    const seeded = await seed(database.owner, caseCount);
    await database.close();
    const before = await auditFigures(target.dataDir);
    const server = await startServer(target, { logLevel: "warn", nodeArgs: [], env: {} });
    try {
      const session = await loginWithMfa(server.url, seeded.actor.username, seeded.password);
      const call = client(server.url, session);
      const next = mix(call, seeded.caseIds);
      out(`Soak on PGlite: ${minutes} min, ${concurrency} workers, ${caseCount} cases`);
      out("minute  req/s  errors  data MB  server RSS MB");
      const startBytes = folderBytes(target.dataDir);
      out(
        `     0      -       -  ${(startBytes / 1e6).toFixed(0).padStart(7)}  ${(await rssMb(server.child.pid)).toFixed(0).padStart(13)}`,
      );
      const end = Date.now() + minutes * 60_000;
      let current: Minute = { ok: 0, errors: {} };
      let total = 0;
      let errors = 0;
      const worker = async () => {
        while (Date.now() < end) {
          const status = await next().catch(() => 0);
          if (status >= 200 && status < 300) current.ok++;
          else current.errors[status] = (current.errors[status] ?? 0) + 1;
        }
      };
      const workers = Array.from({ length: concurrency }, worker);
      for (let m = 1; m <= minutes; m++) {
        await new Promise((r) => setTimeout(r, Math.max(0, Math.min(60_000, end - Date.now()))));
        const done = current;
        current = { ok: 0, errors: {} };
        const failed = Object.values(done.errors).reduce((s, v) => s + v, 0);
        total += done.ok + failed;
        errors += failed;
        const errorText = failed ? ` ${JSON.stringify(done.errors)}` : "";
        out(
          `${String(m).padStart(6)}  ${(done.ok / 60).toFixed(1).padStart(5)}  ${String(failed).padStart(6)}  ${(folderBytes(target.dataDir) / 1e6).toFixed(0).padStart(7)}  ${(await rssMb(server.child.pid)).toFixed(0).padStart(13)}${errorText}`,
        );
      }
      await Promise.all(workers);
      await server.child.stop();
      const after = await auditFigures(target.dataDir);
      const added = after.events - before.events;
      out();
      out(`requests: ${total}, errors: ${errors}`);
      out(`audit events written: ${added} (${(added / total).toFixed(1)} per request)`);
      out(
        `audit table: ${(after.bytes / 1e6).toFixed(1)} MB; data folder: ${(startBytes / 1e6).toFixed(0)} → ${(folderBytes(target.dataDir) / 1e6).toFixed(0)} MB`,
      );
      out(verifyFigures(target.dataDir));
    } finally {
      await server.child.stop();
    }
  } finally {
    if (env.SOAK_KEEP !== "1") await created.remove();
  }
}

await main();
