import type { Actor } from "../../src/server/access/actor.ts";
import { percentile } from "../lib/load.ts";
import type { MinimalTransaction } from "./minimal.ts";
import { beginAs, type SqlSession } from "./sql.ts";

/** p50/p95/p99 of a run (nearest rank, lib/load.ts) and how many of its samples failed. */
export interface Timing {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  failures: string[];
}

export function timing(latencies: number[], failures: string[] = []): Timing {
  const sorted = Float64Array.from(latencies).sort();
  return {
    samples: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    failures,
  };
}

/** Runs `op` warm-up times unmeasured, then `n` times measured, one after another. */
export async function sequential(
  warmup: number,
  n: number,
  op: (i: number, measured: boolean) => Promise<string | null>,
): Promise<Timing> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  for (let i = 0; i < warmup + n; i++) {
    const t0 = performance.now();
    let failure: string | null;
    try {
      failure = await op(i, i >= warmup);
    } catch (error) {
      failure = (error as Error).message.slice(0, 120);
    }
    const ms = performance.now() - t0;
    if (failure !== null) failures.set(failure, (failures.get(failure) ?? 0) + 1);
    else if (i >= warmup) latencies.push(ms);
  }
  return timing(
    latencies,
    [...failures].map(([k, v]) => `${v}× ${k}`),
  );
}

/** One run of the minimal SQL: each transaction begun as its role and actor, then committed. */
export async function runMinimal(session: SqlSession, transactions: MinimalTransaction[]) {
  let rows = 0;
  for (const tx of transactions) {
    await session.exec(beginAs(tx.as, tx.readOnly));
    try {
      for (const s of tx.statements) rows += (await session.query(s.text, s.values)).length;
      await session.exec("commit");
    } catch (error) {
      await session.exec("rollback");
      throw error;
    }
  }
  return rows;
}

/** Audit rows and their bytes (pg_column_size of the row) written by these requests. */
export async function auditWritten(session: SqlSession, sinceId: number, requestIds: string[]) {
  const rows = await session.query<{ n: number; bytes: number }>(
    `select count(*)::int as n, coalesce(sum(pg_column_size(e.*)), 0)::bigint as bytes
       from audit_event e where e.id > $1 and e.request_id = any($2::text[])`,
    [sinceId, requestIds],
  );
  return { rows: rows[0]?.n ?? 0, bytes: Number(rows[0]?.bytes ?? 0) };
}

export async function lastAuditId(session: SqlSession): Promise<number> {
  const rows = await session.query<{ id: number | null }>("select max(id) as id from audit_event");
  return Number(rows[0]?.id ?? 0);
}

/** The authenticator secret of a user who set one up (to log in again; bench users only). */
export async function totpSecret(session: SqlSession, actor: Pick<Actor, "userId">) {
  const rows = await session.query<{ totp_secret: string | null }>(
    "select totp_secret from app_user where id = $1",
    [actor.userId],
  );
  return rows[0]?.totp_secret ?? null;
}
