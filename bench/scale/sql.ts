import { CompiledQuery } from "kysely";
import { appRole, type DatabaseHandle } from "../../src/server/db/connection.ts";

/**
 * How bench:scale talks to the database outside the server: one connection of the owner's
 * pool (a plain pg.Pool under Kysely on PostgreSQL; PGlite's one session, opened in this
 * process only after the server stopped), statements one after another. The minimal SQL
 * switches to the application role per transaction (beginAs).
 */
export interface SqlSession {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  /** Several statements without parameters in one message (simple protocol). */
  exec(text: string): Promise<void>;
}

/** Runs `fn` on one held connection of the owner's pool. */
export function onConnection<T>(
  database: DatabaseHandle,
  fn: (session: SqlSession) => Promise<T>,
): Promise<T> {
  return database.owner.connection().execute((connection) =>
    fn({
      query: async <R>(text: string, values: unknown[] = []) =>
        (await connection.executeQuery<R>(CompiledQuery.raw(text, values))).rows,
      exec: async (text) => void (await connection.executeQuery(CompiledQuery.raw(text))),
    }),
  );
}

/** A statement with :named parameters, as PostgreSQL wants it ($1, $2 …, each name once). */
export interface Named {
  text: string;
  values: unknown[];
}

/** `:name` → `$n` (a `::cast` is left alone); every name must have a value. */
export function named(text: string, params: Record<string, unknown>): Named {
  const order: string[] = [];
  const out = text.replace(/(?<!:):([a-z][a-zA-Z0-9]*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name}`);
    let i = order.indexOf(name);
    if (i < 0) i = order.push(name) - 1;
    return `$${i + 1}`;
  });
  return { text: out, values: order.map((n) => params[n]) };
}

/** Who a transaction runs as: the role and the actor settings row-level security reads. */
export interface RunAs {
  /** "none": the connection's own user, the tables' owner (no row-level security). */
  role: string;
  userId: string;
  orgId: string;
  /** Settings for this transaction (set_config …, true), sent with BEGIN: no extra round trip. */
  settings?: Record<string, string>;
}

const literal = (v: string) => {
  if (!/^[0-9A-Za-z_.-]*$/.test(v)) throw new Error(`not a plain value: ${v}`);
  return `'${v}'`;
};

/**
 * BEGIN with the role and the actor's settings, in one message (as the server sends them,
 * access/transaction.ts): a transaction's first round trip.
 */
export function beginAs(as: RunAs, readOnly = false): string {
  return (
    `begin${readOnly ? " read only" : ""}; select set_config('role', ${literal(as.role)}, true), ` +
    `set_config('frid.user_id', ${literal(as.userId)}, true), ` +
    `set_config('frid.org_id', ${literal(as.orgId)}, true)` +
    Object.entries(as.settings ?? {})
      .map(([k, v]) => `, set_config(${literal(k)}, ${literal(v)}, true)`)
      .join("")
  );
}

export const asApp = (userId: string, orgId: string): RunAs => ({ role: appRole, userId, orgId });

/** As the tables' owner (`set role none`): for SQL that states the access rule itself. */
export const asOwner = (): RunAs => ({ role: "none", userId: "", orgId: "" });
