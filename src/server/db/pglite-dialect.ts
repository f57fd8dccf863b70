import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";

/**
 * One PGlite instance is one PostgreSQL session. Every Kysely instance over it shares this
 * lock, so the session goes to one caller at a time: a transaction holds it from BEGIN to
 * COMMIT, and no other request's statement can slip in between (it would silently join
 * the transaction). It also remembers which role the session is in.
 */
export class PGliteSession {
  queue: Promise<void> = Promise.resolve();
  role: string | null = null;
  constructor(readonly pglite: PGlite) {}
}

/**
 * Kysely over PGlite. `role` is the database role this Kysely works as (null: the session
 * user, who owns the tables): the application's instance runs as frid_app, the one for
 * migrations as the owner, over the same session.
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly session: PGliteSession,
    private readonly role: string | null = null,
  ) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.session, this.role);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Without parameters, use the simple protocol as node-postgres does, so a migration file
    // with many statements runs the same way on both databases.
    const result =
      query.parameters.length === 0
        ? lastOf(await this.pglite.exec(query.sql))
        : await this.pglite.query<R>(query.sql, query.parameters as unknown[]);
    const kind = query.query.kind;
    const changes =
      kind === "InsertQueryNode" || kind === "UpdateQueryNode" || kind === "DeleteQueryNode"
        ? { numAffectedRows: BigInt(result.affectedRows ?? 0) }
        : {};
    return { rows: result.rows as R[], ...changes };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by PGlite; say so plainly.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("PGlite does not support streaming queries");
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private release: (() => void) | undefined;

  constructor(
    private readonly session: PGliteSession,
    private readonly role: string | null,
  ) {
    this.connection = new PGliteConnection(session.pglite);
  }

  async init(): Promise<void> {
    await this.session.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.session.queue;
    let release!: () => void;
    this.session.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.release = release;
    if (this.session.role !== this.role) {
      try {
        await this.session.pglite.exec(this.role ? `set role ${this.role}` : "reset role");
      } catch (error) {
        this.release = undefined;
        release();
        throw error;
      }
      this.session.role = this.role;
    }
    return this.connection;
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : "";
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }
  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }
  async savepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint "${name}"`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint "${name}"`));
  }

  async destroy(): Promise<void> {
    // The session is shared; whoever opened it closes it (connection.ts).
  }
}

function lastOf<T>(results: T[]): T | { rows: []; affectedRows: 0 } {
  return results.at(-1) ?? { rows: [], affectedRows: 0 };
}
