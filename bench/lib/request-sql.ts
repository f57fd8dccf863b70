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
import {
  hashSessionId,
  type LoadedSession,
  loadSession,
  sessionProof,
} from "../../src/server/auth/sessions.ts";
import { loadConfig } from "../../src/server/config.ts";
import type { DatabaseHandle } from "../../src/server/db/connection.ts";
import { acceptsPreludes, PreludeConnection } from "../../src/server/db/transaction-prelude.ts";
import type { Database } from "../../src/server/db/types.ts";
import { readCaseAudited } from "../../src/server/modules/cases/read.ts";

/**
 * The SQL one audited GET /api/cases/:id sends, taken from the server's own query code (a
 * Kysely whose driver records instead of running), so the baseline cannot drift from it.
 * Values that differ per request are slots, filled in at replay.
 */
type Slot = "caseId" | "requestId" | "rolesKey";
type Param = { value: unknown } | { slot: Slot } | { nowPlusMs: number };

export interface Statement {
  sql: string;
  params: Param[];
  /** Sent as a named prepared statement, as the server sends it (preparedQuery). */
  name?: string;
}

export interface RequestTemplate {
  /** Run one by one, each on its own pool checkout (the auth hook uses `db` directly). */
  outside: Statement[];
  /** Run on one connection: begin … commit (access/transaction.ts withActor). */
  transaction: Statement[];
  /** loadSession's statement: run once before the load, for the session's roles key. */
  sessionLoad: Statement;
}

const sentinel: Record<Slot, string> = {
  caseId: "00000000-0000-4000-8000-00000000ca5e",
  requestId: "bench-request-id-sentinel",
  rolesKey: "bench-roles-key-sentinel",
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
    // A prepared query arrives as pg's { name, text } (db/transaction-prelude.ts).
    ...(typeof q.sql === "string"
      ? { sql: q.sql }
      : (({ name, text }) => ({ sql: text, name }))(q.sql as { name: string; text: string })),
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

/**
 * What the auth hook and readCase() (modules/cases/service.ts) run for one request: the
 * session comes from memory (auth/session-cache.ts), so nothing outside the transaction;
 * the case and its audit event are one statement that also checks the session
 * (modules/cases/read.ts). touchSession writes at most once a minute per session and not at
 * all within a run this short, and the cache reloads a session once a minute: both left out.
 */
export async function captureCaseRead(actor: Actor, sessionId: string): Promise<RequestTemplate> {
  const recorder = new Recorder();
  const db = acceptsPreludes(new Kysely<Database>({ dialect: recordingDialect(recorder) }));
  const config = loadConfig({}); // the defaults the server runs with (idle limit)
  const capturedAt = Date.now();
  await loadSession(db, config, sessionId);
  const sessionLoad = recorder.outside.splice(0);
  const remembered = { idHash: hashSessionId(sessionId), rolesKey: sentinel.rolesKey };
  await readCaseAudited(
    { db } as DatabaseHandle,
    actor,
    { requestId: sentinel.requestId, clientAddress: "127.0.0.1" },
    sentinel.caseId,
    sessionProof(config, remembered as LoadedSession, new Date(capturedAt)),
  );
  const [load] = toTemplate(sessionLoad, capturedAt);
  if (!load) throw new Error("loadSession sent no statement");
  return {
    outside: toTemplate(recorder.outside, capturedAt),
    transaction: toTemplate(recorder.transaction, capturedAt),
    sessionLoad: load,
  };
}

export type Rows = { rows: Record<string, unknown>[] };
export type Query = (sql: string, params: unknown[], name?: string) => Promise<Rows>;

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
  rolesKey: string,
): Promise<void> {
  const values: Partial<Record<Slot, string>> = { caseId, requestId, rolesKey };
  for (const s of template.outside) {
    const { rows } = await runner.query(s.sql, bind(s.params, values));
    if (rows.length === 0) throw new Error("session or roles not found");
  }
  await runner.onConnection(async (query) => {
    for (const s of template.transaction) {
      // A statement that is several (begin with its prelude) answers no rows of its own.
      const rows = (await query(s.sql, bind(s.params, values), s.name)).rows ?? [];
      if (s.sql.includes("insert into audit_event") && rows.length === 0) {
        throw new Error("the case was not read: not visible, or the session did not hold");
      }
    }
  });
}

/** The session's roles key as loadSession reads it (the replay's statement compares it). */
export async function sessionRolesKey(template: RequestTemplate, runner: SqlRunner) {
  const { rows } = await runner.query(
    template.sessionLoad.sql,
    bind(template.sessionLoad.params, {}),
  );
  const key = rows[0]?.roles_key;
  if (typeof key !== "string") throw new Error("the benchmark's session was not found");
  return key;
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
