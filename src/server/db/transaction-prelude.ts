import { createHash } from "node:crypto";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

/**
 * Statements a transaction must run first (access/transaction.ts: the role and the actor,
 * for row-level security), sent to PostgreSQL in the same message as its BEGIN: one round
 * trip fewer for every request (npm run bench:access). node-postgres sends a query without
 * parameters as one simple-protocol message, which may hold several statements; so a
 * prelude carries no parameters, and whoever makes one must quote its values
 * (preludeLiteral). The embedded database keeps its own dialect and sends the settings as
 * a query of their own.
 *
 * How a prelude reaches its BEGIN without any state shared between requests: the caller
 * holds one connection (Kysely's db.connection()), hands it the prelude as a marker query
 * (preludeMarker), and begins a transaction on it; the connection keeps the prelude and
 * sends it with its next BEGIN. Nothing else ever sees it.
 */
const preludes = new WeakMap<CompiledQuery, string>();

/** A query that sends nothing: it gives the connection the statement for its next BEGIN. */
export function preludeMarker(statement: string): CompiledQuery {
  const marker = CompiledQuery.raw("-- prelude for the next begin");
  preludes.set(marker, statement);
  return marker;
}

const named = new WeakSet<CompiledQuery>();

/**
 * Marks a query to be sent as a named prepared statement (pg's `{ name, text }`): PostgreSQL
 * parses and plans it once per connection instead of at every call. For a statement sent
 * often with the same text (the audited case read); the name is a digest of the text, so two
 * texts never share one. Elsewhere (PGlite) the query runs as it is.
 */
export function preparedQuery<T>(query: CompiledQuery<T>): CompiledQuery<T> {
  named.add(query);
  return query;
}

const statementName = (text: string) =>
  `frid_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;

/** Only values that cannot close a quote: a UUID, a role name. Anything else goes as a parameter. */
export const preludeLiteral = (value: string): string | null =>
  /^[0-9A-Za-z_-]*$/.test(value) ? `'${value}'` : null;

/** A savepoint method the wrapped driver has (PostgreSQL's has all three): never a silent no-op. */
function supported<F>(method: F | undefined): F {
  if (!method) throw new Error("the database driver has no savepoints");
  return method;
}

/** A connection that keeps a prelude for its next BEGIN (also the benches' recorder). */
export class PreludeConnection implements DatabaseConnection {
  #prelude: string | null = null;
  constructor(readonly inner: DatabaseConnection) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const prelude = preludes.get(query);
    if (prelude !== undefined) {
      this.#prelude = prelude;
      return { rows: [] };
    }
    if (named.has(query)) {
      // node-postgres takes a query config where Kysely passes the text: same parameters.
      const config = { name: statementName(query.sql), text: query.sql };
      return this.inner.executeQuery({ ...query, sql: config as unknown as string });
    }
    if (this.#prelude === null || query.sql !== "begin") return this.inner.executeQuery(query);
    const statement = `begin; ${this.#prelude}`;
    this.#prelude = null;
    try {
      return await this.inner.executeQuery(CompiledQuery.raw(statement));
    } catch (error) {
      // Kysely rolls back only a transaction that began: never hand the pool back a
      // connection inside a failed one.
      await this.inner.executeQuery(CompiledQuery.raw("rollback")).catch(() => {});
      throw error;
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery(query, chunkSize);
  }

  /** Back to the pool: a prelude that never met its BEGIN goes no further. */
  forget() {
    this.#prelude = null;
  }
}

class PreludeDriver implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, PreludeConnection>();
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection() {
    const connection = await this.inner.acquireConnection();
    let wrapped = this.#wrapped.get(connection);
    if (!wrapped) {
      wrapped = new PreludeConnection(connection);
      this.#wrapped.set(connection, wrapped);
    }
    return wrapped;
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  // Savepoints (nested transactions) go through the connection, as PostgreSQL's driver does.
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    return supported(this.inner.savepoint).call(this.inner, connection, name, compile);
  }
  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    return supported(this.inner.rollbackToSavepoint).call(this.inner, connection, name, compile);
  }
  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    return supported(this.inner.releaseSavepoint).call(this.inner, connection, name, compile);
  }
  releaseConnection(connection: DatabaseConnection) {
    const wrapped = connection as PreludeConnection;
    wrapped.forget();
    return this.inner.releaseConnection(wrapped.inner);
  }
  destroy() {
    return this.inner.destroy();
  }
}

const capable = new WeakSet<object>();

/** PostgreSQL's dialect, whose connections send a prelude along with BEGIN. */
export class PreludePostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new PreludeDriver(super.createDriver());
  }
}

/** Marks a Kysely made with PreludePostgresDialect (db/connection.ts). */
export function acceptsPreludes<T>(db: Kysely<T>): Kysely<T> {
  capable.add(db);
  return db;
}

export const sendsPreludes = (db: object) => capable.has(db);
