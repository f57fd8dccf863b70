import { type CompiledQuery, type Kysely, type KyselyPlugin, sql } from "kysely";
import type { Trx } from "../access/transaction.ts";
import type { Database } from "../db/types.ts";

/**
 * The plan tests' one way to read a plan (issue 14): what a module really sends, explained in
 * the transaction it runs in (withActor or withReporting), so row-level security and the
 * actor's settings are part of the plan a test asserts on.
 */

/** A read the plan tests look at: a select or a with-query, not the settings or an insert. */
const isRead = (q: CompiledQuery) => /^(with|select)/.test(q.sql) && !q.sql.includes("set_config");

/**
 * The statements executed while `run` uses the database it is given, compiled as sent. A
 * query counts when it is executed (transformResult), not when a builder of one of its
 * subqueries is made (transformQuery sees those too).
 */
export async function statementsSent(
  db: Kysely<Database>,
  run: (db: Kysely<Database>) => Promise<unknown>,
  keep: (q: CompiledQuery) => boolean = isRead,
): Promise<CompiledQuery[]> {
  const compiled = new Map<unknown, CompiledQuery>();
  const out: CompiledQuery[] = [];
  const executor = db.getExecutor();
  const spy: KyselyPlugin = {
    transformQuery: (args) => {
      compiled.set(args.queryId, executor.compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => {
      const q = compiled.get(args.queryId);
      if (q && keep(q)) out.push(q);
      return args.result;
    },
  };
  await run(db.withPlugin(spy));
  return out;
}

/** The statement with its parameters written in, so EXPLAIN plans it for these values. */
export function inlineParameters(q: CompiledQuery): string {
  return q.sql.replace(/\$(\d+)/g, (_, i) => {
    const v = q.parameters[Number(i) - 1];
    if (v === null || v === undefined) return "null";
    const text =
      v instanceof Date ? v.toISOString() : Array.isArray(v) ? `{${v.join(",")}}` : String(v);
    return `'${text.replace(/'/g, "''")}'`;
  });
}

/**
 * The plan of a statement (compiled, or plain SQL text) in `trx`, its lines joined.
 * `options` are EXPLAIN's, e.g. "costs off" or "verbose, costs off".
 */
export async function explainIn(
  trx: Trx,
  statement: CompiledQuery | string,
  options?: string,
): Promise<string> {
  const text = typeof statement === "string" ? statement : inlineParameters(statement);
  const { rows } = await sql
    .raw<{ "QUERY PLAN": string }>(`explain ${options ? `(${options}) ` : ""}${text}`)
    .execute(trx);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}
