import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";
import type { Actor } from "../../src/server/access/actor.ts";
import { withActor } from "../../src/server/access/transaction.ts";
import { auditContext, recordAudit } from "../../src/server/audit/record.ts";
import { loadSession } from "../../src/server/auth/sessions.ts";
import { loadConfig } from "../../src/server/config.ts";
import { acceptsPreludes, PreludeConnection } from "../../src/server/db/transaction-prelude.ts";
import type { Database } from "../../src/server/db/types.ts";
import { findVisibleCaseWithDetails } from "../../src/server/modules/cases/queries.ts";

/**
 * The SQL one audited GET /api/cases/:id sends, taken from the server's own query code (a
 * Kysely whose driver records instead of running), so the baseline cannot drift from it.
 * Values that differ per request are slots, filled in at replay.
 */
type Slot = "caseId" | "requestId" | "personId";
type Param = { value: unknown } | { slot: Slot } | { nowPlusMs: number };

export interface Statement {
  sql: string;
  params: Param[];
}

export interface RequestTemplate {
  /** Run one by one, each on its own pool checkout (the auth hook uses `db` directly). */
  outside: Statement[];
  /** Run on one connection: begin … commit (access/transaction.ts withActor). */
  transaction: Statement[];
}

const sentinel: Record<Slot, string> = {
  caseId: "00000000-0000-4000-8000-00000000ca5e",
  requestId: "bench-request-id-sentinel",
  personId: "00000000-0000-4000-8000-0000000090e5",
};

class Recorder implements DatabaseConnection {
  outside: CompiledQuery[] = [];
  transaction: CompiledQuery[] = [];
  inTransaction = false;
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    (this.inTransaction ? this.transaction : this.outside).push(query);
    return { rows: [] };
  }
  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("not recorded");
  }
}

function recordingDialect(recorder: Recorder): Dialect {
  const driver: Driver = {
    init: async () => {},
    // The server's connections send the actor's settings with BEGIN: record them the same way.
    acquireConnection: async () => new PreludeConnection(recorder),
    releaseConnection: async () => {},
    destroy: async () => {},
    beginTransaction: async (c) => {
      recorder.inTransaction = true;
      await c.executeQuery(CompiledQuery.raw("begin"));
    },
    commitTransaction: async (c) => {
      await c.executeQuery(CompiledQuery.raw("commit"));
      recorder.inTransaction = false;
    },
    rollbackTransaction: async (c) => {
      await c.executeQuery(CompiledQuery.raw("rollback"));
      recorder.inTransaction = false;
    },
  };
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

function toTemplate(queries: CompiledQuery[], capturedAt: number): Statement[] {
  return queries.map((q) => ({
    sql: q.sql,
    params: q.parameters.map((value): Param => {
      const slot = (Object.keys(sentinel) as Slot[]).find((s) => sentinel[s] === value);
      if (slot) return { slot };
      // loadSession compares with "now" and "now minus the idle limit": keep the offset.
      if (value instanceof Date) {
        return { nowPlusMs: Math.round((value.getTime() - capturedAt) / 1000) * 1000 };
      }
      return { value };
    }),
  }));
}

/** What the auth hook and readCase() (modules/cases/service.ts) run for one request. */
export async function captureCaseRead(
  actor: Actor,
  sessionId: string,
  unitId: string,
): Promise<RequestTemplate> {
  const recorder = new Recorder();
  const db = acceptsPreludes(new Kysely<Database>({ dialect: recordingDialect(recorder) }));
  const config = loadConfig({}); // the defaults the server runs with (idle limit)
  const capturedAt = Date.now();
  // auth/hook.ts: the session with its roles. touchSession writes at most once a minute
  // per session and not at all within a run this short, so it is left out.
  await loadSession(db, config, sessionId);
  await withActor(db, actor, async (trx) => {
    await findVisibleCaseWithDetails(trx, actor, sentinel.caseId);
    await recordAudit(
      trx,
      auditContext(actor, { requestId: sentinel.requestId, clientAddress: "127.0.0.1" }),
      [
        {
          action: "case.read",
          resourceType: "case",
          resourceId: sentinel.caseId,
          personId: sentinel.personId,
          unitId,
        },
      ],
    );
  });
  return {
    outside: toTemplate(recorder.outside, capturedAt),
    transaction: toTemplate(recorder.transaction, capturedAt),
  };
}

export type Rows = { rows: Record<string, unknown>[] };
export type Query = (sql: string, params: unknown[]) => Promise<Rows>;

/** How the baseline reaches the database: pooled statements, and one held connection. */
export interface SqlRunner {
  query: Query;
  /** Runs fn on one connection; on error rolls back before giving it back. */
  onConnection<T>(fn: (query: Query) => Promise<T>): Promise<T>;
}

function bind(params: Param[], values: Partial<Record<Slot, string>>): unknown[] {
  return params.map((p) => {
    if ("value" in p) return p.value;
    if ("nowPlusMs" in p) return new Date(Date.now() + p.nowPlusMs);
    const value = values[p.slot];
    if (value === undefined) throw new Error(`no ${p.slot}: the case was not visible`);
    return value;
  });
}

/**
 * One request's database work. As in readCase(), the audit row names the person the case
 * select returned. Throws when the session or the case is not found (a request would 401/404).
 */
export async function replayCaseRead(
  template: RequestTemplate,
  runner: SqlRunner,
  caseId: string,
  requestId: string,
): Promise<void> {
  const values: Partial<Record<Slot, string>> = { caseId, requestId };
  for (const s of template.outside) {
    const { rows } = await runner.query(s.sql, bind(s.params, values));
    if (rows.length === 0) throw new Error("session or roles not found");
  }
  await runner.onConnection(async (query) => {
    for (const s of template.transaction) {
      // A statement that is several (begin with its prelude) answers no rows of its own.
      const rows = (await query(s.sql, bind(s.params, values))).rows ?? [];
      const personId = rows[0]?.person_id;
      if (values.personId === undefined && typeof personId === "string") {
        values.personId = personId;
      }
    }
  });
}

/** The template as readable text (BENCH_VERBOSE=1). */
export function describeTemplate(template: RequestTemplate): string {
  const line = (s: Statement) => `  ${s.sql.replace(/\s+/g, " ")}`;
  return [
    "outside the transaction, each on its own pool checkout:",
    ...template.outside.map(line),
    "one transaction on one connection:",
    ...template.transaction.map(line),
  ].join("\n");
}
